"""District variants: the whole batch from the sample data, byte-identical on every executor (forked, spawned,
Dask, any Executor), workers sent report models only, failures isolated."""
from __future__ import annotations

import copy
import hashlib
import json
import pickle
from concurrent.futures import Executor, Future
from pathlib import Path

import pytest
from pypdf import PdfReader

import snareport
from snareport import formatting
from snareport.naming import report_filename
from snareport.variants import MANIFEST_NAME, BatchError, DocumentResult

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"


@pytest.fixture(scope="module")
def ds():
    return snareport.load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def batch(ds, tmp_path_factory):
    out = tmp_path_factory.mktemp("variants")
    written = snareport.build_variants(ds, out, workers=2)
    return out, written


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages).replace("\n", " ")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_writes_county_and_every_district_with_predictable_names(ds, batch):
    out, written = batch
    labels = [ds.config.area, *ds.config.districts]
    assert list(written) == labels
    for label in labels:
        district = None if label == ds.config.area else label
        assert written[label] == out / report_filename(ds.config.edition, ds.config.area, district)
        assert written[label].exists()
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(p.name for p in written.values())
    assert report_filename(ds.config.edition, ds.config.area, "Thanet") == "sna-2025-26-kent-and-medway-thanet.pdf"


def test_manifest_lists_every_file_with_its_hash_and_pages(ds, batch):
    out, written = batch
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["area"] == ds.config.area and manifest["edition"] == ds.config.edition
    assert manifest["source_data"]["tables"]["offences"] == len(ds.offences)
    docs = {d["label"]: d for d in manifest["documents"]}
    assert set(docs) == set(written)
    for label, path in written.items():
        entry = docs[label]
        assert entry["ok"] is True
        assert entry["file"] == path.name
        assert entry["sha256"] == sha256(path)
        assert entry["pages"] == len(PdfReader(path).pages) >= 16
    assert docs[ds.config.area]["district"] is None and docs["Thanet"]["district"] == "Thanet"


def test_each_district_cover_names_it_and_its_key_figures_match_build_report(ds, batch):
    _, written = batch
    for district in ds.config.districts:
        path = written[district]
        cover = PdfReader(path).pages[0].extract_text() or ""
        assert district in cover.replace("\n", " ")
        report = snareport.build_report(ds, district=district)
        text = text_of(path)
        total = report.recorded_offences.total
        assert formatting.count(total.current) in text, district
        county_total = report.recorded_offences.county_total
        assert formatting.count(county_total.current) in text, f"{district}: county figure beside the district's"


def test_batch_county_report_is_byte_identical_to_a_single_build(ds, batch, tmp_path):
    _, written = batch
    single = snareport.render_pdf(snareport.build_report(ds), tmp_path / "county.pdf")
    assert single.read_bytes() == written[ds.config.area].read_bytes()


def test_dask_local_cluster_gives_byte_identical_files(ds, batch, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the 'distributed' extra is not installed")
    _, written = batch
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        dask_written = snareport.build_variants(ds, tmp_path, districts=["Thanet", "Swale"], executor=client)
    assert list(dask_written) == [ds.config.area, "Thanet", "Swale"]
    for label, path in dask_written.items():
        assert path.read_bytes() == written[label].read_bytes(), label


def test_spawned_workers_give_byte_identical_files(ds, batch, tmp_path):
    """Workers started by spawn (Windows, macOS) import nothing from the parent and get only report models."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _, written = batch
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn")) as pool:
        spawned = snareport.build_variants(ds, tmp_path, districts=["Medway", "Thanet"], executor=pool)
    assert list(spawned) == [ds.config.area, "Medway", "Thanet"]
    for label, path in spawned.items():
        assert path.read_bytes() == written[label].read_bytes(), label


_DRAWING_MODULES = ("matplotlib", "reportlab", "pikepdf", "snareport.render.document", "snareport.charts")


def test_build_draws_in_one_worker_the_same_bytes_and_the_caller_never_imports_drawing(tmp_path):
    """`snareport build` draws its document in a worker started before the data is read; the PDF is the one
    this process draws from the same report, and the calling process never imports the drawing modules."""
    import subprocess
    import sys

    from snareport.build import build_report
    from snareport.render import render_bytes

    code = (
        "import sys\n"
        "from snareport.cli import main\n"
        "code = main(['build', sys.argv[1], '-o', sys.argv[2], '--district', 'Dover', '-q'])\n"
        f"print(code, [m for m in {_DRAWING_MODULES!r} if m in sys.modules])\n"
    )
    pdf = tmp_path / "dover.pdf"
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(pdf)], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "0 []"
    report = build_report(snareport.load_dataset(SAMPLE), district="Dover")
    assert pdf.read_bytes() == render_bytes(report)


def test_build_on_one_core_draws_in_its_own_process(tmp_path, monkeypatch):
    from snareport.cli import main

    monkeypatch.setattr("os.cpu_count", lambda: 1)
    monkeypatch.setattr("snareport.variants.start_drawing_pool", lambda *a, **k: pytest.fail("a worker started"))
    assert main(["build", str(SAMPLE), "-o", str(tmp_path / "county.pdf"), "-q"]) == 0
    assert PdfReader(tmp_path / "county.pdf").pages


def test_the_default_pool_draws_in_its_workers_and_the_parent_never_imports_drawing(tmp_path):
    """The default pool's workers import the drawing modules as they start, while the calling process
    computes the reports; the caller itself never imports them (doing so would run alone, before any
    worker could draw). A fresh process, as this test process has imported everything already."""
    import subprocess
    import sys

    code = (
        "import sys, snareport\n"
        "ds = snareport.load_dataset(sys.argv[1])\n"
        "written = snareport.build_variants(ds, sys.argv[2], districts=['Thanet'], workers=1)\n"
        f"print(sorted(written), [m for m in {_DRAWING_MODULES!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(tmp_path)], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "['Kent and Medway', 'Thanet'] []"
    assert len(list(tmp_path.glob("*.pdf"))) == 2


class _PicklingExecutor(Executor):
    """Runs each task in this process after a pickle round trip of its arguments, as a process pool would,
    recording what each task was sent."""

    def __init__(self):
        self.sent: list[tuple] = []

    def submit(self, fn, /, *args, **kwargs):
        self.sent.append(args)
        fut: Future = Future()
        try:
            fut.set_result(fn(*pickle.loads(pickle.dumps(args)), **kwargs))
        except Exception as exc:
            fut.set_exception(exc)
        return fut


def test_workers_are_sent_report_models_never_the_dataset(ds, batch, tmp_path):
    from snareport.dataset import Dataset
    from snareport.models.report import Report

    _, written = batch
    executor = _PicklingExecutor()
    done = snareport.build_variants(ds, tmp_path, districts=["Swale"], executor=executor)
    assert len(executor.sent) == 2
    for args in executor.sent:
        assert not any(isinstance(a, Dataset) for a in args)
        assert sum(isinstance(a, Report) for a in args) == 1
        assert len(pickle.dumps(args)) < 1_000_000, "a task is a small report model"
    assert [a[0].metadata.district for a in executor.sent] == [None, "Swale"]
    for label, path in done.items():
        assert path.read_bytes() == written[label].read_bytes(), label


def test_one_failing_district_leaves_the_others_written(ds, tmp_path):
    broken = copy.copy(ds)
    broken.district_content = dict(ds.district_content)
    broken.district_content["Dover"] = "not a content model"  # an override that cannot be used
    stale = tmp_path / report_filename(ds.config.edition, "Dover")
    with pytest.raises(BatchError) as info:
        snareport.build_variants(broken, tmp_path, workers=2)
    failure = info.value
    assert [f.label for f in failure.failures] == ["Dover"]
    assert failure.failures[0].error
    assert len(failure.written) == 13 and "Dover" not in failure.written
    assert all(p.exists() for p in failure.written.values())
    assert not stale.exists(), "no partial PDF for the failed district"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left behind"
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    dover = next(d for d in manifest["documents"] if d["label"] == "Dover")
    assert dover["ok"] is False and dover["error"]


def test_unknown_district_is_a_data_error_before_any_work(ds, tmp_path):
    with pytest.raises(snareport.DataError, match="Atlantis"):
        snareport.build_variants(ds, tmp_path / "v", districts=["Atlantis"])
    assert not (tmp_path / "v").exists()


def test_cli_exit_code_is_1_when_a_variant_fails(monkeypatch, tmp_path, capsys):
    from snareport import cli, variants

    def failing(ds, out_dir, **kwargs):
        raise BatchError([DocumentResult("Dover", "Dover", "sna-2025-26-dover.pdf", error="bad override")], {})

    monkeypatch.setattr(variants, "build_variants", failing)
    assert cli.main(["variants", str(SAMPLE), "-o", str(tmp_path), "--quiet"]) == 1
    assert "Dover: bad override" in capsys.readouterr().err

