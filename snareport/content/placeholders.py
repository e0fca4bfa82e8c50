"""Content text with ``{district}``, ``{area}``, ``{edition}`` → the text for one report's scope.

Placeholders are found with one regular expression and replaced by plain text in a single pass: the value is
never read again (a district called ``{area}`` prints as ``{area}``), never parsed as Markdown (substitution
happens on the parsed runs), and Python's ``str.format`` is never called on what people wrote.

- ``{name}`` where ``name`` starts with a letter or ``_`` is a placeholder; only the names in
  :data:`PLACEHOLDERS` are known, anything else (``{distrct}``, ``{area.__class__}``, ``{edition!r}``) is an
  error naming the file and line, found when the content is loaded.
- ``{{district}}`` prints ``{district}`` literally.
- Other braces (``{}``, ``{0}``, ``{ 1, 2 }``) are ordinary text and print as written.
- Link addresses are left as written.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from snareport.errors import Problem

__all__ = ["PLACEHOLDERS", "check_placeholders", "substitute", "substitute_model", "uses_placeholder"]

PLACEHOLDERS: dict[str, str] = {
    "district": "the report's own scope: the district's name, or the area's name in the whole-area report",
    "area": "the whole area's name from report.yaml (e.g. Kent and Medway)",
    "edition": "the edition from report.yaml (e.g. 2025/26)",
}
# An escaped placeholder ({{name}}), or a placeholder ({name ...} whose inside starts with a letter or _).
_TOKEN = re.compile(r"\{\{([A-Za-z_][^{}\n]*)\}\}|\{([A-Za-z_][^{}\n]*)\}")
_KNOWN = ", ".join("{" + name + "}" for name in PLACEHOLDERS)

T = TypeVar("T")


def check_placeholders(text: str, label: str, first_line: int = 1, comment: str | None = None,
                       within: str | None = None) -> list[Problem]:
    """Every unknown placeholder in ``text`` as a Problem naming ``label`` and the line (``text``'s first
    line is ``first_line``).

    ``comment``: lines starting with it (after spaces) are skipped. ``within``: only placeholders that also
    occur in this value count (the source lines of a YAML scalar may hold YAML's own ``{flow: mappings}``).
    """
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if comment is not None and line.lstrip().startswith(comment):
            continue
        for match in _TOKEN.finditer(line):
            name = match.group(2)
            if within is not None and match.group(0) not in within:
                continue
            if name is not None and name not in PLACEHOLDERS:
                shown = name if len(name) <= 40 else name[:37] + "…"
                problems.append(Problem(label, number, None, f"an unknown placeholder {{{shown}}}",
                                        f"one of {_KNOWN} (write {{{{name}}}} for literal braces)"))
    return problems


def uses_placeholder(text: str, name: str) -> bool:
    """True when ``text`` holds the placeholder ``{name}`` (not the escaped ``{{name}}``)."""
    if "{" + name + "}" not in text:     # most text holds no placeholder: no need to look for one
        return False
    return any(m.group(2) == name for m in _TOKEN.finditer(text))


def substitute(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known placeholder replaced by its value, as plain text, in one pass."""
    if "{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        escaped, name = match.group(1), match.group(2)
        if escaped is not None:
            return "{" + escaped + "}"
        return values[name] if name in values else match.group(0)

    return _TOKEN.sub(one, text)


def substitute_model(value: T, values: Mapping[str, str]) -> T:
    """A copy of a content value (model, list, text) with every text substituted; link addresses kept."""
    return _walk(value, values, None)  # type: ignore[no-any-return]


def _walk(value: Any, values: Mapping[str, str], field: str | None) -> Any:
    if isinstance(value, str):
        return value if field == "link" else substitute(value, values)
    if isinstance(value, list):
        items = [_walk(v, values, None) for v in value]
        # type(value): a read-only list of a built model stays read-only in the copy
        return type(value)(items) if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, tuple):
        items = [_walk(v, values, None) for v in value]
        return tuple(items) if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        changed = {k: _walk(v, values, None) for k, v in value.items()}
        return type(value)(changed) if any(changed[k] is not value[k] for k in value) else value
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _walk(old, values, name)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    return value


def model_uses(value: Any, name: str) -> bool:
    """True when any text in a content value (model, list, text) uses the placeholder ``{name}``."""
    if isinstance(value, str):
        return uses_placeholder(value, name)
    if isinstance(value, (list, tuple)):
        return any(model_uses(v, name) for v in value)
    if isinstance(value, dict):
        return any(model_uses(v, name) for v in value.values())
    if isinstance(value, BaseModel):
        return any(model_uses(getattr(value, f), name) for f in type(value).model_fields if f != "link")
    return False
