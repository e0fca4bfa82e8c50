"""A ``content/`` folder (Markdown with YAML front matter, YAML) → Content for the county and each district.

One file per section (see ``docs/content.md``); ``content/districts/<district>/`` may hold a file of the
same name, which replaces the county file for that district. Every problem found — unreadable file, bad
YAML, missing file, missing or wrong field, unknown file or district — is returned as a
:class:`~snareport.errors.Problem` naming the file (relative to the dataset folder), the line and the field.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml
from pydantic import ValidationError

from snareport.content.models import Content
from snareport.content.placeholders import check_placeholders
from snareport.errors import Problem
from snareport.loading.glyphs import EXPECTED, describe, undrawable_in_lines
from snareport.loading.yaml_text import YamlLimit, duplicate_keys, parse_yaml, string_values

__all__ = ["load_content", "SECTION_FILES", "SectionFile"]


@dataclass(frozen=True)
class SectionFile:
    """Where one field of :class:`Content` is written, and how."""

    field: str
    filename: str
    kind: Literal["markdown", "yaml"]
    required: bool
    describe: str
    body_field: str | None = None  # markdown: the model field the body fills (None: the body is the value)


SECTION_FILES: tuple[SectionFile, ...] = (
    SectionFile("foreword", "foreword.md", "markdown", True,
                "front matter: title, signatory, role; body: the foreword", "body"),
    SectionFile("recommendations", "recommendations.yaml", "yaml", False, "a list of {lead, text}"),
    SectionFile("aim_and_purpose", "aim_and_purpose.md", "markdown", True,
                "optional front matter: title; body: the aim and purpose", "body"),
    SectionFile("definition", "definition.md", "markdown", True,
                "front matter: definition (optional title); body: the introduction", "intro"),
    SectionFile("board", "board.yaml", "yaml", False, "intro, members: [{organisation, roles}]"),
    SectionFile("public_health", "public_health.yaml", "yaml", False,
                "body, factors_intro, factors: {individual, relationships, community}"),
    SectionFile("county_facts", "county_facts.yaml", "yaml", False, "intro, education, health, prisons"),
    SectionFile("drugs_and_alcohol", "drugs_and_alcohol.yaml", "yaml", False,
                "intro, aim, outcomes_intro, outcomes"),
    SectionFile("childrens_voices", "childrens_voices.yaml", "yaml", False,
                "intro, key_findings, paraphrased, paraphrased_note, quotes, quotes_source"),
    SectionFile("what_works", "what_works.yaml", "yaml", False,
                "intro, who_steps, ecological_intro, ecological_levels, closing"),
    SectionFile("yef", "yef.yaml", "yaml", False, "intro, interventions: [{lead, text}], local_availability, availability (optional)"),
    SectionFile("glossary", "glossary.yaml", "yaml", True, "a list of {term, definition}"),
    SectionFile("partners", "partners.yaml", "yaml", False, "a list of partner names"),
    SectionFile("achievements", "achievements.yaml", "yaml", False, "a list of {headline, text}"),
    SectionFile("section_intros", "section_intros.yaml", "yaml", False,
                "a short Markdown paragraph per data section"),
    SectionFile("methodology", "methodology.md", "markdown", False, "body only: the methodology note"),
)
_BY_FILENAME = {s.filename: s for s in SECTION_FILES}
_BY_FIELD = {s.field: s for s in SECTION_FILES}
_IGNORED_PREFIXES = ("readme", ".")
_CONTENT_SUFFIXES = (".md", ".yaml", ".yml", ".markdown")
# Keys renamed in a content file: {Content field: {old key: new key}}. The old key is still read, with a
# warning naming the file and line, so an analyst's existing content keeps building.
RENAMED_KEYS = {"section_intros": {"county_profile": "population"}}


class _HasDistricts(Protocol):
    @property
    def districts(self) -> list[str]: ...


@dataclass
class _Parsed:
    """One content file read and parsed: its value for Content, and the YAML node tree for line lookup."""

    label: str
    value: Any
    node: yaml.Node | None
    line_offset: int
    body_line: int | None = None


def load_content(
    content_dir: Path, config: _HasDistricts | None
) -> tuple[Content | None, dict[str, Content], list[Problem]]:
    """Read ``content_dir`` into the county Content and every district's merged Content.

    Returns ``(county, {district: content}, problems)``. When ``problems`` is not empty the first two
    are ``None`` and ``{}``. Districts without overrides share the county Content object.
    """
    content_dir = Path(content_dir)
    prefix = content_dir.name or "content"
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return None, {}, [Problem(prefix, None, None, "no content folder",
                                  "a folder of narrative files (see docs/content.md)")]

    county = _read_folder(content_dir, prefix, problems, required=True)
    overrides: dict[str, dict[str, _Parsed]] = {}
    districts_dir = content_dir / "districts"
    known = list(config.districts) if config is not None else None
    if districts_dir.is_dir():
        for entry in sorted(districts_dir.iterdir(), key=lambda p: p.name):
            label = f"{prefix}/districts/{entry.name}"
            if entry.name.lower().startswith(_IGNORED_PREFIXES):
                continue
            if not entry.is_dir():
                problems.append(Problem(label, None, None, "a file directly under districts/",
                                        "one folder per district, named as in report.yaml"))
                continue
            if known is not None and entry.name not in known:
                problems.append(Problem(label, None, None,
                                        f"an override folder for {entry.name!r}, which is not a district",
                                        "a district named in report.yaml: " + ", ".join(known)))
                continue
            overrides[entry.name] = _read_folder(entry, label, problems, required=False)

    county_content = _validate(county, problems, only_from=None)
    if county_content is not None and known is not None:
        problems += _unknown_districts_in_availability(county_content, f"{prefix}/yef.yaml", known)
    district_content: dict[str, Content] = {}
    for district in known if known is not None else sorted(overrides):
        files = overrides.get(district)
        if not files:
            if county_content is not None:
                district_content[district] = county_content
            continue
        merged = {**county, **files}
        result = _validate(merged, problems, only_from={f.label for f in files.values()})
        if result is not None:
            district_content[district] = result
    if problems:
        return None, {}, sorted(set(problems), key=_order)
    return county_content, district_content, []


def _unknown_districts_in_availability(content: Content, label: str, known: list[str]) -> list[Problem]:
    """yef.yaml's ``availability`` may name only districts of report.yaml."""
    items = content.yef.availability if content.yef is not None else []
    return [Problem(label, None, f"availability.{i}.districts", f"an unknown district {name!r}",
                    "a district named in report.yaml: " + ", ".join(known))
            for i, item in enumerate(items) if item.districts != "all"
            for name in item.districts if name not in known]


def _order(p: Problem) -> tuple:
    return (p.file, p.row if p.row is not None else -1, p.column or "", p.found)


# --- reading ----------------------------------------------------------------------------------------

def _read_folder(folder: Path, prefix: str, problems: list[Problem], required: bool) -> dict[str, _Parsed]:
    """Parse every section file in ``folder``: {Content field: parsed file}."""
    found: dict[str, _Parsed] = {}
    names = {p.name: p for p in folder.iterdir() if p.is_file()}
    for name in sorted(names):
        lower = name.lower()
        if lower.startswith(_IGNORED_PREFIXES) or not lower.endswith(_CONTENT_SUFFIXES):
            continue
        canonical = name[:-4] + ".yaml" if lower.endswith(".yml") else name
        spec = _BY_FILENAME.get(canonical)
        label = f"{prefix}/{name}"
        if spec is None:
            problems.append(Problem(label, None, None, "a file that is not a content section",
                                    "one of: " + ", ".join(s.filename for s in SECTION_FILES)))
            continue
        if spec.field in found:
            problems.append(Problem(label, None, None, f"a second file for {spec.field}",
                                    f"one file, {spec.filename}"))
            continue
        parsed = _read_file(names[name], label, spec, problems)
        if parsed is not None:
            found[spec.field] = parsed
    if required:
        for spec in SECTION_FILES:
            if spec.required and spec.field not in found and not _present(names, spec):
                problems.append(Problem(f"{prefix}/{spec.filename}", None, None, "no such file",
                                        f"{spec.filename} ({spec.describe})"))
    return found


def _present(names: dict[str, Path], spec: SectionFile) -> bool:
    """True when the file exists (it may have failed to parse, which is reported on its own)."""
    stem = spec.filename.rsplit(".", 1)[0]
    return spec.filename in names or (spec.kind == "yaml" and f"{stem}.yml" in names)


def _read_file(path: Path, label: str, spec: SectionFile, problems: list[Problem]) -> _Parsed | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, None, None, f"bytes that are not UTF-8 (at byte {exc.start})",
                                "a UTF-8 text file"))
        return None
    except OSError as exc:
        problems.append(Problem(label, None, None, f"an unreadable file ({exc.strerror})", "a readable file"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for line, char in undrawable_in_lines(text):
        problems.append(Problem(label, line, None, f"the character {describe(char)}", EXPECTED))
    if spec.kind == "yaml":
        parsed = _parse_yaml(text, label, 0, problems)
        if parsed is None:
            return None
        value, node = parsed
        return _Parsed(label, _renamed(value, node, label, spec, problems), node, 0)
    return _read_markdown(text, label, spec, problems)


def _renamed(value: Any, node: yaml.Node | None, label: str, spec: SectionFile, problems: list[Problem]) -> Any:
    """``value`` with the old names of renamed keys replaced by the new ones (a warning for each)."""
    renames = RENAMED_KEYS.get(spec.field, {})
    if not isinstance(value, dict) or not renames.keys() & value.keys():
        return value
    out = dict(value)
    for old, new in renames.items():
        if old not in out:
            continue
        key_node = next((k for k, _ in node.value if getattr(k, "value", None) == old), None) \
            if isinstance(node, yaml.MappingNode) else None
        line = key_node.start_mark.line + 1 if key_node is not None else None
        if new in out:
            problems.append(Problem(label, line, old, f"both {old!r} and {new!r}", f"only {new!r} (its new name)"))
            del out[old]
            continue
        where = f"{label}, line {line}" if line is not None else label
        warnings.warn(f"{where}: {old!r} is now called {new!r}; the old name is still read for now, "
                      f"but rename it", FutureWarning, stacklevel=2)
        out = {new if k == old else k: v for k, v in out.items()}
    return out


def _read_markdown(text: str, label: str, spec: SectionFile, problems: list[Problem]) -> _Parsed | None:
    lines = text.split("\n")
    front: dict[str, Any] = {}
    node: yaml.Node | None = None
    body_start = 0
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if close is None:
            problems.append(Problem(label, 1, None, "front matter opened with '---' but never closed",
                                    "a closing '---' line after the front matter"))
            return None
        parsed = _parse_yaml("\n".join(lines[1:close]), label, 1, problems)
        if parsed is None:
            return None
        data, node = parsed
        if data is None:
            data = {}
        if not isinstance(data, dict):
            problems.append(Problem(label, 2, None, f"front matter that is a {_kind(data)}",
                                    "front matter of 'name: value' lines"))
            return None
        front = data
        body_start = close + 1
    body = "\n".join(lines[body_start:]).strip("\n")
    problems += check_placeholders("\n".join(lines[body_start:]), label, first_line=body_start + 1)
    first_body_line = body_start + next((i for i, ln in enumerate(lines[body_start:]) if ln.strip()), 0) + 1
    if spec.body_field is None:
        if front:
            problems.append(Problem(label, 1, None, "front matter", f"no front matter ({spec.describe})"))
            return None
        return _Parsed(label, body, None, 1, first_body_line)
    if spec.body_field in front:
        problems.append(Problem(label, 2, spec.body_field, f"'{spec.body_field}' in the front matter",
                                f"the {spec.body_field} written below the front matter"))
        return None
    return _Parsed(label, {**front, spec.body_field: body}, node, 1, first_body_line)


def _parse_yaml(text: str, label: str, line_offset: int,
                problems: list[Problem]) -> tuple[Any, yaml.Node | None] | None:
    try:
        value, node = parse_yaml(text)
    except YamlLimit as exc:
        row = exc.line + line_offset if exc.line is not None else None
        problems.append(Problem(label, row, None, exc.problem, "plain YAML (aliases kept small, never circular)"))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        row = mark.line + 1 + line_offset if mark is not None else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(label, row, None, f"malformed YAML ({what})", "valid YAML"))
        return None
    for key_node in duplicate_keys(node):
        problems.append(Problem(label, key_node.start_mark.line + 1 + line_offset, str(key_node.value),
                                f"the key {key_node.value!r} given twice", "each key once"))
    lines = text.split("\n")
    for scalar in string_values(node):   # placeholders live in values: YAML's own {flow: mappings} are not ones
        if "{" in scalar.value:          # looked for in the scalar's source lines, so the line is exact
            source = "\n".join(lines[scalar.start_mark.line:scalar.end_mark.line + 1])
            problems += check_placeholders(source, label, first_line=scalar.start_mark.line + 1 + line_offset,
                                           within=scalar.value)
    return value, node


# --- validating -------------------------------------------------------------------------------------

def _validate(files: dict[str, _Parsed], problems: list[Problem], only_from: set[str] | None) -> Content | None:
    """Build Content from parsed files; report errors (only those from ``only_from`` files, if given)."""
    data = {field: parsed.value for field, parsed in files.items()}
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = error["loc"]
            if not loc or loc[0] not in _BY_FIELD:
                continue  # a missing required file: already reported by _read_folder
            parsed = files.get(loc[0])
            if parsed is None:
                continue
            if only_from is not None and parsed.label not in only_from:
                continue
            problems.append(_problem_from_error(parsed, _BY_FIELD[loc[0]], error))
        return None


def _problem_from_error(parsed: _Parsed, spec: SectionFile, error: dict[str, Any]) -> Problem:
    path = list(error["loc"][1:])
    if spec.kind == "markdown" and spec.body_field is None:
        path = []
    column = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in path) or None
    row = _line_of(parsed, spec, path)
    kind = error["type"]
    if kind == "missing":
        name = path[-1] if path else spec.field
        return Problem(parsed.label, row, column, "nothing", f"a value for {name!r}")
    if kind == "extra_forbidden":
        return Problem(parsed.label, row, column, f"an unknown field {str(path[-1])!r}",
                       f"only the fields of {spec.filename} ({spec.describe})")
    value = error.get("input")
    found = "an empty file" if value is None and not path else _describe(value)
    expected = error["msg"]
    if kind in ("model_type", "dict_type"):
        expected = "'name: value' fields" + ("" if path else f" ({spec.describe})")
    elif kind == "list_type":
        expected = "a list" + ("" if path else f" ({spec.describe})")
    return Problem(parsed.label, row, column, found, expected)


def _line_of(parsed: _Parsed, spec: SectionFile, path: list[Any]) -> int | None:
    """The 1-based line of the deepest YAML node the error path reaches (None if not known)."""
    if spec.kind == "markdown" and (spec.body_field is None or (path and path[0] == spec.body_field)):
        return parsed.body_line
    node = parsed.node
    if node is None:
        return None
    line = node.start_mark.line + 1 + parsed.line_offset
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1 + parsed.line_offset
    return line


def _child(node: yaml.Node | None, step: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"{shown!r}" if value else "an empty text"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)} items"
    if isinstance(value, dict):
        return "a mapping with keys " + ", ".join(map(str, list(value)[:6]))
    return f"{_kind(value)} {value!r}"


def _kind(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)
