"""Property: any corruption of a valid table is either loaded or rejected with DataError — nothing else, no hang."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tiny_dataset import TINY, copy_tiny, read_rows

from snareport import DataError, load_dataset
from snareport.dataset import TABLES

CELL_VALUES = st.one_of(
    st.text(max_size=30),
    st.binary(max_size=12).map(lambda b: b.decode("latin-1")),
    st.sampled_from(["", "1e400", "-1e400", "nan", "inf", "99999999999999999999999", "-0", "NULL", "None",
                     "0x1F", "١٢", "2024-02-30", "2024-13-45 25:00", "TRUE", "  ", "\x00", "\"", "'", ",,,"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


@st.composite
def corruptions(draw):
    """A table name, its corrupted rows, and how the file is written."""
    table = draw(st.sampled_from(TABLES))
    rows = read_rows(TINY, table)
    width, height = len(rows[0]), len(rows)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        action = draw(st.sampled_from(["cell", "cell", "duplicate", "drop", "rename", "truncate"]))
        if action == "cell" and height > 1:
            r = draw(st.integers(min_value=1, max_value=len(rows) - 1))
            c = draw(st.integers(min_value=0, max_value=len(rows[r]) - 1)) if rows[r] else 0
            if rows[r]:
                rows[r][c] = draw(CELL_VALUES)
        elif action == "duplicate" and len(rows) > 1:
            r = draw(st.integers(min_value=1, max_value=len(rows) - 1))
            rows.insert(r, list(rows[r]))
        elif action == "drop" and len(rows[0]) > 1:
            c = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
            rows = [row[:c] + row[c + 1:] for row in rows]
        elif action == "rename":
            c = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
            rows[0][c] = draw(st.one_of(st.text(max_size=12), st.sampled_from(rows[0])))
        elif action == "truncate" and len(rows) > 1:
            r = draw(st.integers(min_value=1, max_value=len(rows) - 1))
            rows[r] = rows[r][: draw(st.integers(min_value=0, max_value=width))]
    separator = draw(st.sampled_from([",", ",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.booleans())
    raw_bytes = draw(st.one_of(st.none(), st.binary(min_size=1, max_size=8)))
    return table, rows, separator, newline, bom, raw_bytes


def _encode(rows, separator, newline, bom, raw_bytes) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator=newline).writerows(rows)
    data = buffer.getvalue().encode("utf-8", errors="surrogatepass")
    if raw_bytes:
        middle = len(data) // 2
        data = data[:middle] + raw_bytes + data[middle:]
    return (b"\xef\xbb\xbf" if bom else b"") + data


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return copy_tiny(tmp_path_factory.mktemp("property") / "data")


@settings(max_examples=120, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(corruptions())
def test_corrupted_table_is_loaded_or_rejected_with_data_error(workspace, corruption):
    table, rows, separator, newline, bom, raw_bytes = corruption
    target = workspace / f"{table}.csv"
    original = (TINY / f"{table}.csv").read_bytes()
    try:
        target.write_bytes(_encode(rows, separator, newline, bom, raw_bytes))
        try:
            dataset = load_dataset(workspace)
        except DataError as exc:
            assert exc.problems, "a DataError must list at least one problem"
            assert all(p.file and p.expected for p in exc.problems)
            assert str(workspace) not in str(exc)
        else:
            assert len(dataset.offences) > 0
    finally:
        target.write_bytes(original)


def test_workspace_is_restored_between_examples(workspace):
    for table in TABLES:
        assert (workspace / f"{table}.csv").read_bytes() == (TINY / f"{table}.csv").read_bytes()
