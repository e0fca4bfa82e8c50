"""Nothing overwritten, nothing hangs: output paths, batches whose names collide, failed districts, hostile input.

Each test states the exact outcome and checks that nothing good was lost on the way.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from tiny_dataset import copy_tiny, edit_config, read_rows, write_rows

import snareport
from snareport.cli import main
from snareport.errors import DataError
from snareport.naming import plan_filenames, report_filename

GOOD = b"%PDF-1.7 a good report from yesterday\n"


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_tiny(tmp_path / "data")


def rename_district(folder: Path, old: str, new: str) -> None:
    """Call a district something else everywhere it is named (report.yaml and the tables)."""
    config = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    for authority in config["authorities"]:
        authority["districts"] = [new if d == old else d for d in authority["districts"]]
    edit_config(folder, authorities=config["authorities"])
    for table in ("offences", "population", "hospital_admissions"):
        rows = read_rows(folder, table)
        if "district" in rows[0]:
            at = rows[0].index("district")
            write_rows(folder, table, [rows[0]] + [r[:at] + [new if r[at] == old else r[at]] + r[at + 1:]
                                                   for r in rows[1:]])


# ------------------------------------------------------------------------------------------ planned names


def test_names_that_fold_to_one_file_are_refused_naming_both():
    with pytest.raises(DataError) as caught:
        plan_filenames("2025/26", "Kent", [None, "North Down", "North-Down", "NORTH down"])
    text = str(caught.value)
    assert "'North Down' and 'North-Down'" in text and "'North Down' and 'NORTH down'" in text


def test_the_area_file_cannot_be_taken_by_a_district_named_like_the_area():
    names = plan_filenames("2025/26", "Kent and Medway", [None, "Kent and Medway", "Thanet"])
    assert names == {None: "sna-2025-26-kent-and-medway.pdf",
                     "Kent and Medway": "sna-2025-26-kent-and-medway-kent-and-medway.pdf",
                     "Thanet": "sna-2025-26-kent-and-medway-thanet.pdf"}


def test_names_without_latin_letters_get_distinct_stable_names():
    first = plan_filenames("2025/26", "Area", ["Αθήνα", "Москва", "東京", "القاهرة"])
    again = plan_filenames("2025/26", "Area", ["Αθήνα", "Москва", "東京", "القاهرة"])
    assert first == again and len(set(first.values())) == 4
    assert first["東京"].startswith("sna-2025-26-area-n-") and first["Αθήνα"].startswith("sna-2025-26-area-n-")


def test_a_partners_build_never_shares_the_public_name():
    public = report_filename("2025/26", "Kent and Medway")
    partners = report_filename("2025/26", "Kent and Medway", audience="partners")
    assert partners == "sna-2025-26-kent-and-medway-partners.pdf" != public


def test_colliding_districts_stop_the_batch_before_anything_is_written(data, tmp_path):
    rename_district(data, "Northdown", "North Down")
    rename_district(data, "Eastbay", "North-Down")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.pdf").write_bytes(GOOD)
    ds = snareport.load_dataset(data)
    with pytest.raises(DataError, match="'North Down' and 'North-Down' would both be written"):
        snareport.build_variants(ds, out)
    assert sorted(p.name for p in out.iterdir()) == ["keep.pdf"]
    assert main(["variants", str(data), "-o", str(out), "--quiet"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["keep.pdf"]


# ------------------------------------------------------------------------------------------ failed districts


def test_a_failed_district_keeps_its_previous_pdf_and_says_why_in_words(data, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["variants", str(data), "-o", str(out), "--quiet", "--workers", "1"]) == 0
    eastbay = out / "sna-2025-26-tiny-shire-eastbay.pdf"
    before = eastbay.read_bytes()
    override = data / "content" / "districts" / "Eastbay"
    override.mkdir(parents=True)
    content = yaml.safe_load((data / "content" / "public_health.yaml").read_text(encoding="utf-8"))
    content["factors"]["individual"]["risk"] = ["word " * 4000]       # one table cell taller than a page
    (override / "public_health.yaml").write_text(yaml.safe_dump(content), encoding="utf-8")

    assert main(["variants", str(data), "-o", str(out), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert eastbay.read_bytes() == before
    line = next(x for x in err.splitlines() if x.strip().startswith("Eastbay:"))
    assert "'What is a public health approach?'" in line and "taller than a page" in line
    assert "content/districts/Eastbay/public_health.yaml" in line
    assert "0x" not in err and "Tagged[" not in err and "Flowable" not in err
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


# ------------------------------------------------------------------------------------------ output paths


def test_a_fifo_at_the_output_is_refused_before_building(data, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["build", str(data), "-o", str(fifo)]) == 2
    assert "FIFO" in capsys.readouterr().err and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_node_at_the_output_is_refused_and_left_alone(data, capsys):
    before = os.stat("/dev/null")
    assert main(["build", str(data), "-o", "/dev/null"]) == 2
    assert "character device" in capsys.readouterr().err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_an_existing_folder_without_a_slash_is_refused_before_building(data, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    monkeypatch.setattr(snareport.cli.shared, "load", lambda args: pytest.fail("the dataset was read"))
    assert main(["build", str(data), "-o", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err and list(folder.iterdir()) == []


def test_a_trailing_slash_writes_the_default_name_into_that_folder(data, tmp_path):
    target = tmp_path / "new" / "folder"
    assert main(["build", str(data), "-o", f"{target}/", "--json", f"{target}/"]) == 0
    assert sorted(p.name for p in target.iterdir()) == ["sna-2025-26-tiny-shire.json", "sna-2025-26-tiny-shire.pdf"]


def test_a_read_only_target_is_refused_and_unchanged(data, tmp_path, capsys):
    target = tmp_path / "r.pdf"
    target.write_bytes(GOOD)
    target.chmod(0o444)
    assert main(["build", str(data), "-o", str(target)]) == 2
    assert "read-only" in capsys.readouterr().err and target.read_bytes() == GOOD


def test_json_to_a_folder_is_refused_before_the_pdf_is_touched(data, tmp_path, capsys):
    pdf, folder = tmp_path / "r.pdf", tmp_path / "j"
    pdf.write_bytes(GOOD)
    folder.mkdir()
    assert main(["build", str(data), "-o", str(pdf), "--json", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err and pdf.read_bytes() == GOOD


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_pdf_and_json_get_the_same_permissions_as_any_new_file(data, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert main(["build", str(data), "-o", str(tmp_path / "r.pdf"), "--json", str(tmp_path / "r.json")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.pdf").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == mode


def test_a_partners_build_writes_its_own_default_file(data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(data)]) == 0
    public = (tmp_path / "out/sna-2025-26-tiny-shire.pdf").read_bytes()
    assert main(["build", str(data), "--audience", "partners"]) == 0
    assert (tmp_path / "out/sna-2025-26-tiny-shire.pdf").read_bytes() == public
    assert (tmp_path / "out/sna-2025-26-tiny-shire-partners.pdf").is_file()


def test_variants_into_a_file_is_refused_before_building(data, tmp_path, capsys):
    target = tmp_path / "file"
    target.write_bytes(GOOD)
    assert main(["variants", str(data), "-o", str(target), "--quiet"]) == 2
    assert "not a folder" in capsys.readouterr().err and target.read_bytes() == GOOD


# ------------------------------------------------------------------------------------------ hostile input


BOMB = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9)}]" for p, k in zip("abcdefgh", "bcdefghi")]) + "\n"


def test_a_yaml_alias_bomb_in_content_fails_fast_naming_file_and_line(data):
    (data / "content" / "glossary.yaml").write_text(BOMB, encoding="utf-8")
    # a subprocess with a generous limit: a hang is a failure, not a stuck test run (no timing is asserted)
    run = subprocess.run([sys.executable, "-m", "snareport", "validate", str(data)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert "glossary.yaml:" in run.stderr and "alias bomb" in run.stderr and "Traceback" not in run.stderr


def test_a_self_referencing_alias_is_named_not_a_recursion_error(data, capsys):
    (data / "content" / "glossary.yaml").write_text("- &x\n  term: loop\n  definition: [*x]\n", encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    err = capsys.readouterr().err
    assert "glossary.yaml:1:" in err and "alias inside its own anchor" in err and "RecursionError" not in err


def test_an_alias_bomb_in_report_yaml_is_refused(data, capsys):
    config = (data / "report.yaml").read_text(encoding="utf-8")
    (data / "report.yaml").write_text(config + "\nx_bomb:\n" + "".join("  " + ln + "\n" for ln in BOMB.splitlines()),
                                      encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    assert "report.yaml" in capsys.readouterr().err


def test_a_repeated_csv_header_is_refused_like_a_workbook_one(data):
    rows = read_rows(data, "offences")
    at = rows[0].index("district")
    write_rows(data, "offences", [r + [r[at]] for r in rows])
    with pytest.raises(DataError) as caught:
        snareport.load_dataset(data)
    assert "offences.csv:1:district — found the column name 'district' given 2 times (columns C and H)" in str(
        caught.value)


def test_a_district_name_too_long_for_a_page_is_named(data):
    rename_district(data, "Eastbay", "East" + "bay" * 40)
    with pytest.raises(DataError, match=r"report\.yaml::?authorities\.0\.districts\.1"):
        snareport.load_dataset(data)


@pytest.mark.parametrize("text, char", [("Hebrew שלום", "U+05E9"), ("Chinese 东京", "U+4E1C"),
                                        ("emoji 🔪", "U+1F52A")])
def test_text_the_fonts_cannot_draw_is_named_with_file_line_and_character(data, text, char):
    md = data / "content" / "foreword.md"
    lines = md.read_text(encoding="utf-8").splitlines()
    md.write_text("\n".join(lines + ["", text]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        snareport.load_dataset(data)
    assert f"foreword.md:{len(lines) + 2}:" in str(caught.value) and char in str(caught.value)


def test_undrawable_text_in_the_data_is_named_with_its_row(data):
    rows = read_rows(data, "offences")
    rows[3][rows[0].index("offence_type")] = "Assault 😀"
    write_rows(data, "offences", rows)
    with pytest.raises(DataError, match=r"offences\.csv:4:offence_type — found 'Assault 😀' with the character"):
        snareport.load_dataset(data)


def test_control_characters_in_report_yaml_are_refused_by_line(data):
    text = (data / "report.yaml").read_text(encoding="utf-8")
    text = text.replace("partnership: Tiny", "partnership: \"Ti\\x07ny\"\nx: Tiny", 1)
    (data / "report.yaml").write_text(text.replace("x: Tiny", "#", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"report\.yaml::partnership — found the character a control character \(U\+0007\)"):
        snareport.load_dataset(data)


def test_metadata_keeps_its_words_and_loses_control_characters(data, tmp_path):
    import pikepdf

    report = snareport.build_report(snareport.load_dataset(data))
    meta = report.metadata.model_copy(update={"title": "Strategic\x07 Needs\x1b Assessment\x00"})
    path = snareport.render_pdf(report.model_copy(update={"metadata": meta}), tmp_path / "m.pdf")
    with pikepdf.open(path) as pdf:
        xmp = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")
        assert "Strategic Needs Assessment" in xmp and "\x07" not in xmp and "\x1b" not in xmp
        assert str(pdf.docinfo["/Title"]).startswith("Strategic Needs Assessment")


def test_a_dataset_without_offences_is_refused(data):
    rows = read_rows(data, "offences")
    write_rows(data, "offences", rows[:1])
    write_rows(data, "people", read_rows(data, "people")[:1])
    with pytest.raises(DataError, match="no offences"):
        snareport.load_dataset(data)


@pytest.mark.parametrize("date", ["1900-06-01T12:00:00", "2100-01-01T00:00:00"])
def test_implausible_offence_dates_are_named_by_row(data, date):
    rows = read_rows(data, "offences")
    rows[2][rows[0].index("occurred_at")] = date
    write_rows(data, "offences", rows)
    with pytest.raises(DataError, match=rf"offences\.csv:3:occurred_at — found {date[:10]}.*earliest_date"):
        snareport.load_dataset(data)


def test_library_warnings_reach_the_user_as_one_line_without_a_path(data, tmp_path, monkeypatch, capsys):
    import warnings

    real = snareport.cli.shared.load

    def load_with_a_warning(args):
        warnings.warn("Tight layout not applied in /usr/lib/python3/site-packages/x.py", UserWarning, stacklevel=1)
        return real(args)

    monkeypatch.setattr(snareport.cli.shared, "load", load_with_a_warning)
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        assert main(["validate", str(data)]) == 0
    err = capsys.readouterr().err
    assert "snareport: warning: Tight layout not applied" in err
    assert "test_safe_outputs.py" not in err and "UserWarning" not in err


def test_an_area_of_one_district_builds_without_a_single_warning(data, tmp_path):
    import warnings

    config = yaml.safe_load((data / "report.yaml").read_text(encoding="utf-8"))
    edit_config(data, authorities=[a for a in config["authorities"] if a["districts"] == ["Westmoor"]])
    for table in ("offences", "population", "hospital_admissions"):
        rows = read_rows(data, table)
        if "district" in rows[0]:
            at = rows[0].index("district")
            write_rows(data, table, [rows[0]] + [r for r in rows[1:] if r[at] in ("Westmoor", "")])
    kept = {r[0] for r in read_rows(data, "offences")[1:]}
    people = read_rows(data, "people")
    write_rows(data, "people", [people[0]] + [r for r in people[1:] if r[0] in kept])
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # any library warning fails the test
        ds = snareport.load_dataset(data)
        for district in (None, "Westmoor"):
            path = snareport.render_pdf(snareport.build_report(ds, district=district), tmp_path / f"{district}.pdf")
            assert "Westmoor" in " ".join(p.extract_text() or "" for p in PdfReader(path).pages)


def _offences_workbook(data: Path, tamper=None) -> Path:
    """The tiny dataset's offences as the one sheet of data.xlsx (its CSV removed); ``tamper`` edits the sheet XML."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "offences"
    for row in read_rows(data, "offences"):
        sheet.append(row)
    plain = data / "plain.xlsx"
    book.save(plain)
    (data / "offences.csv").unlink()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(data / "data.xlsx", "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if tamper is not None and name == "xl/worksheets/sheet1.xml":
                body = tamper(body)
            target.writestr(name, body)
    plain.unlink()
    return data / "data.xlsx"


def test_a_broken_sheet_is_named_by_file_and_sheet(data):
    _offences_workbook(data, tamper=lambda xml: xml[:300])
    with pytest.raises(DataError, match=r"data\.xlsx \(sheet offences\).*a sheet that cannot be read"):
        snareport.load_dataset(data)


def test_an_xml_entity_bomb_in_a_sheet_is_never_expanded(data):
    entities = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + k]), b"".join([b"&%s;" % bytes([97 + k])] * 10)) for k in range(8)) + b"]>"

    def bomb(xml: bytes) -> bytes:
        head, _, body = xml.partition(b"?>") if xml.startswith(b"<?xml") else (b"", b"", xml)
        return (head + b"?>" if head else b"") + entities + body.replace(b"<v>", b"<v>&i;", 1)

    _offences_workbook(data, tamper=bomb)
    run = subprocess.run([sys.executable, "-m", "snareport", "validate", str(data)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr
    assert "aaaaaaaaaa" * 100 not in run.stdout + run.stderr


def test_a_sheet_past_the_size_limit_is_refused_before_its_cells_are_read(data, monkeypatch):
    from snareport.loading import files

    _offences_workbook(data)
    monkeypatch.setattr(files, "MAX_SHEET_CELLS", 50)
    with pytest.raises(DataError, match=r"data\.xlsx \(sheet offences\).*21 rows × 7 columns; expected at most"):
        snareport.load_dataset(data)
