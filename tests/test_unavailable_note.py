"""The note printed for a missing figure says "not available from this source" once, as one sentence."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from snareport.calculators.common import NOT_AVAILABLE
from snareport.layout._periods import reason_note, unavailable_note


@pytest.mark.parametrize("reason, note", [
    (f"{NOT_AVAILABLE} (needs people, people.age)",
     "Not available from this source (no records of victims or suspects; no ages of the people involved)."),
    (NOT_AVAILABLE, "Not available from this source."),
    (None, "Not available from this source."),
    ("", "Not available from this source."),
    ("the source has no district column", "Not available from this source: the source has no district column."),
    ("Not available from this source.", "Not available from this source."),
])
def test_reason_note_is_one_sentence(reason, note):
    assert reason_note(reason) == note
    assert unavailable_note(SimpleNamespace(unavailable_reason=reason)) == note
    assert note.lower().count("not available") == 1
