"""The command line: exit codes, messages, default names, and what each subcommand hands to the library."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from tiny_dataset import TINY, copy_tiny, drop_column, set_cell

from snareport import cli
from snareport.cli import main
from snareport.naming import report_filename, slugify


def test_validate_good_dataset_prints_a_summary(capsys):
    assert main(["validate", str(TINY)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out
    assert "offences" in out and "20 rows" in out and "37 rows" in out
    assert "2022-05-14 to 2025-08-15" in out
    assert "Northdown, Eastbay, Westmoor" in out


def test_validate_bad_dataset_lists_every_problem_and_exits_1(tmp_path, capsys):
    folder = copy_tiny(tmp_path / "bad")
    set_cell(folder, "offences", 8, "occurred_at", "2024-13-45 25:00")
    set_cell(folder, "offences", 11, "district", "Atlantis")
    drop_column(folder, "offences", "knife_enabled")
    assert main(["validate", str(folder)]) == 1
    captured = capsys.readouterr()
    err = captured.err
    assert "3 problems" in err
    assert "offences.csv:8:occurred_at" in err and "offences.csv:11:district" in err
    assert "offences.csv:1:knife_enabled" in err
    assert "Traceback" not in err + captured.out and str(tmp_path) not in err


def test_validate_missing_folder_exits_1(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["frobnicate"], ["build", "--no-such-option"], ["variants", "--workers", "0"],
                                  ["import-policeuk", "x.csv"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_0(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "usage: snareport" in out and "build" in out


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "validate" in capsys.readouterr().out


def test_unknown_district_is_a_usage_error(capsys):
    assert main(["build", str(TINY), "--district", "Atlantis"]) == 2
    err = capsys.readouterr().err
    assert "Atlantis" in err and "Northdown, Eastbay, Westmoor" in err


def test_unexpected_error_is_one_line_unless_debug(monkeypatch, capsys):
    def explode(path):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr("snareport.loading.load_dataset", explode)
    assert main(["validate", str(TINY)]) == 1
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "RuntimeError: disk on fire" in err and "Traceback" not in err
    assert main(["validate", str(TINY), "--debug"]) == 1
    assert "Traceback" in capsys.readouterr().err
    assert main(["--debug", "validate", str(TINY)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_data_dir_defaults_to_the_bundled_sample_data(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(cli.shared, "bundled_sample_data", lambda: TINY)
    assert main(["validate"]) == 0
    monkeypatch.setattr(cli.shared, "bundled_sample_data", lambda: tmp_path / "absent")
    assert main(["validate"]) == 2
    assert "sample_data" in capsys.readouterr().err


def test_bundled_sample_data_is_next_to_the_package():
    assert cli.bundled_sample_data() == Path(cli.__file__).resolve().parents[2] / "sample_data"


def test_report_file_names():
    assert slugify("Folkestone and Hythe") == "folkestone-and-hythe"
    assert report_filename("2025/26", "Kent and Medway") == "sna-2025-26-kent-and-medway.pdf"
    assert report_filename("2025/26", "Kent and Medway", "Tunbridge Wells", suffix=".json") == \
        "sna-2025-26-kent-and-medway-tunbridge-wells.json"


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Stand-ins for build_report and render_pdf that record what the CLI passed them."""
    calls: dict = {}

    class FakeReport:
        def __init__(self, ds, district):
            self.ds, self.district = ds, district

        def model_dump_json(self, indent=None):
            return json.dumps({"district": self.district, "audience": self.ds.config.audience})

    def build_report(ds, district=None):
        calls["build"] = (ds, district)
        return FakeReport(ds, district)

    def render_bytes(report, layout="kent_medway"):
        calls["render"] = layout
        return b"%PDF-fake"

    monkeypatch.setitem(sys.modules, "snareport.build", types.SimpleNamespace(build_report=build_report))
    class DrawsHere:  # the build's drawing worker, drawing in the test's process so the calls are seen here
        def prepare(self, layout):
            calls["prepared"] = layout

        def draw(self, report, layout):
            return render_bytes(report, layout)

    monkeypatch.setitem(sys.modules, "snareport.render", types.SimpleNamespace(render_bytes=render_bytes))
    monkeypatch.setattr("snareport.variants.drawing_worker", lambda: contextlib.nullcontext(DrawsHere()))
    return calls


def test_build_writes_the_default_name_and_json(fake_pipeline, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(TINY), "--json", "model.json"]) == 0
    assert fake_pipeline["render"] == "kent_medway"
    assert (tmp_path / "out/sna-2025-26-tiny-shire.pdf").read_bytes() == b"%PDF-fake"
    assert fake_pipeline["build"][1] is None
    assert json.loads((tmp_path / "model.json").read_text()) == {"district": None, "audience": "public"}
    assert "wrote out/sna-2025-26-tiny-shire.pdf" in capsys.readouterr().out
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_build_for_a_district_with_options(fake_pipeline, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["build", str(TINY), "--district", "westmoor", "--layout", "default", "--audience", "partners",
                 "-o", "x/y.pdf"])
    assert code == 0
    ds, district = fake_pipeline["build"]
    assert district == "Westmoor" and ds.config.audience == "partners"
    assert fake_pipeline["render"] == "default"
    assert (tmp_path / "x/y.pdf").read_bytes() == b"%PDF-fake"


def test_build_stops_at_bad_input_before_drawing(fake_pipeline, tmp_path, capsys):
    folder = copy_tiny(tmp_path / "bad")
    (folder / "population.csv").unlink()
    assert main(["build", str(folder), "-o", str(tmp_path / "r.pdf")]) == 1
    assert "population.csv" in capsys.readouterr().err
    assert "build" not in fake_pipeline and not (tmp_path / "r.pdf").exists()


def test_variants_passes_districts_layout_workers_and_progress(monkeypatch, tmp_path, capsys):
    from snareport.progress import Progress

    seen: dict = {}

    class BatchError(Exception):
        pass

    def build_variants(ds, out_dir, districts=None, executor=None, layout="kent_medway", *, workers=None,
                       progress=None, tables=None):
        seen.update(out_dir=out_dir, districts=districts, executor=executor, layout=layout, workers=workers,
                    progress=progress)
        return {"Eastbay": Path(out_dir) / "sna-2025-26-eastbay.pdf"}

    monkeypatch.setitem(sys.modules, "snareport.variants",
                        types.SimpleNamespace(build_variants=build_variants, BatchError=BatchError))
    assert main(["variants", str(TINY), "-o", str(tmp_path / "v"), "--districts", "eastbay, Westmoor",
                 "--workers", "2"]) == 0
    progress = seen.pop("progress")
    assert seen == {"out_dir": tmp_path / "v", "districts": ["Eastbay", "Westmoor"], "executor": None,
                    "layout": "kent_medway", "workers": 2}
    assert isinstance(progress, Progress) and progress.enabled
    assert "wrote 1 reports" in capsys.readouterr().out


def test_variants_quiet_disables_progress(monkeypatch, tmp_path, capsys):
    from snareport.progress import Progress

    seen: dict = {}

    def build_variants(ds, out_dir, *, progress=None, **kwargs):
        seen["progress"] = progress
        return {}

    monkeypatch.setitem(sys.modules, "snareport.variants",
                        types.SimpleNamespace(build_variants=build_variants, BatchError=RuntimeError))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["variants", str(TINY), "-o", str(tmp_path / "v"), "--quiet"]) == 0
    assert isinstance(seen["progress"], Progress) and not seen["progress"].enabled
    assert capsys.readouterr().out == ""


def test_import_policeuk_delegates(monkeypatch, tmp_path, capsys):
    seen: dict = {}

    def import_files(paths, out_dir, area="Kent and Medway"):
        seen.update(paths=paths, out_dir=out_dir, area=area)
        return types.SimpleNamespace(out_dir=out_dir, area=area, rows_kept=9, rows_read=10, districts=("A", "B"),
                                     months=("2024-01", "2024-12"), to_text=lambda: "kept 9 of 10 rows")

    monkeypatch.setitem(sys.modules, "snareport.opendata.policeuk", types.SimpleNamespace(import_files=import_files))
    assert main(["import-policeuk", "a.csv", "dir", "-o", str(tmp_path / "d"), "--area", "Essex"]) == 0
    assert seen == {"paths": [Path("a.csv"), Path("dir")], "out_dir": tmp_path / "d", "area": "Essex"}
    assert "kept 9 of 10 rows" in capsys.readouterr().out


def test_import_policeuk_publication_date_reaches_the_importer(monkeypatch, tmp_path, capsys):
    seen: dict = {}

    def import_files(paths, out_dir, publication_date=None):
        seen["publication_date"] = publication_date
        return types.SimpleNamespace(to_text=lambda: "kept 1 of 1 rows")

    monkeypatch.setitem(sys.modules, "snareport.opendata.policeuk", types.SimpleNamespace(import_files=import_files))
    assert main(["import-policeuk", "a.csv", "-o", str(tmp_path / "d"), "--publication-date", "2025-06-30"]) == 0
    assert seen == {"publication_date": dt.date(2025, 6, 30)}
    # the parser's annotations resolve (the return type once named a module imported only inside it)
    assert typing.get_type_hints(cli._iso_date) == {"text": str, "return": dt.date}


def test_import_policeuk_bad_publication_date_is_a_usage_error(tmp_path, capsys):
    assert main(["import-policeuk", "a.csv", "-o", str(tmp_path / "d"), "--publication-date", "30/06/2025"]) == 2
    assert "not a date written YYYY-MM-DD: '30/06/2025'" in capsys.readouterr().err


def test_schema_writes_three_json_schemas(tmp_path, capsys):
    pytest.importorskip("snareport.models.report", reason="the Report model (engineer D) is not in this build")
    assert main(["schema", "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["content.schema.json", "report-config.schema.json", "report.schema.json"]
    config_schema = json.loads((tmp_path / "report-config.schema.json").read_text())
    assert "authorities" in config_schema["properties"]
    # a report field's description is the string written under it in the model (read when the schema is made)
    period = json.loads((tmp_path / "report.schema.json").read_text())["$defs"]["PeriodRef"]["properties"]
    assert period["name"]["description"] == "The period's key in report.yaml, e.g. ``current_year``."
    assert period["end"]["description"] == "Last day (inclusive)."


def test_validate_does_not_import_drawing_libraries():
    code = (
        "import sys\n"
        "from snareport.cli import main\n"
        f"assert main(['validate', {str(TINY)!r}]) == 0\n"
        "heavy = [m for m in ('matplotlib', 'reportlab') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_command_runs_the_exit_handlers_flushes_its_output_and_exits_with_mains_code():
    """`run` (the installed command, `python -m snareport`) leaves without tearing the interpreter down, but
    after the exit handlers and with everything printed: a usage error still exits 2."""
    script = ("import atexit, sys\n"
              "atexit.register(print, 'the exit handler ran')\n"
              "sys.argv = ['snareport', 'build', '--no-such-option']\n"
              "print('printed before', end=' ')\n"
              "from snareport.cli import run\n"
              "run()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == cli.EXIT_USAGE
    assert done.stdout.split() == ["printed", "before", "the", "exit", "handler", "ran"]   # nothing lost in a buffer
    assert "--no-such-option" in done.stderr


def test_the_command_runs_numpys_blas_in_one_thread_unless_told_otherwise():
    """OpenBLAS's threads would spin on the cores the command's own processes use: the command asks for one,
    before numpy is loaded, leaving a setting the user made alone."""
    script = ("import os, sys\n"
              "sys.argv = ['snareport', '--version']\n"
              "import atexit\n"
              "atexit.register(lambda: print(os.environ.get('OPENBLAS_NUM_THREADS'), 'numpy' in sys.modules))\n"
              "from snareport.cli import run\n"
              "run()\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0 and done.stdout.split()[-2:] == ["1", "False"]
    told = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**env, "OPENBLAS_NUM_THREADS": "2"})
    assert told.stdout.split()[-2:] == ["2", "False"]
