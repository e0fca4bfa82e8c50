"""report.yaml → ReportConfig, or Problems naming report.yaml and the key path of each fault."""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from snareport.config import ReportConfig
from snareport.errors import Problem
from snareport.loading.glyphs import EXPECTED, describe, undrawable_in, undrawable_in_lines
from snareport.loading.problems import ProblemLog, shown
from snareport.loading.yaml_text import YamlLimit, load_yaml

CONFIG_FILE = "report.yaml"
_KEY_IN_MESSAGE = re.compile(r"\b((?:comparisons|periods|source|cohorts|costs)\.[A-Za-z0-9_]+)")


def read_config(folder: Path, log: ProblemLog) -> ReportConfig | None:
    """Parse and validate report.yaml; on any fault log it and return None."""
    path = folder / CONFIG_FILE
    if not path.is_file():
        log.add(CONFIG_FILE, None, None, "no such file", "report.yaml describing the area, districts and periods")
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = load_yaml(text)
    except UnicodeDecodeError as exc:
        log.add(CONFIG_FILE, None, None, f"bytes that are not UTF-8 text (at byte {exc.start})", "UTF-8 text")
        return None
    except YamlLimit as exc:
        log.add(CONFIG_FILE, exc.line, None, exc.problem, "plain YAML (aliases kept small, never circular)")
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "text that is not valid YAML"
        log.add(CONFIG_FILE, mark.line + 1 if mark else None, None, str(problem), "valid YAML")
        return None
    if not isinstance(data, dict):
        log.add(CONFIG_FILE, None, None, f"a {type(data).__name__} at the top level", "a mapping of keys to values")
        return None
    if _undrawable(text, data, log):
        return None
    try:
        config = ReportConfig.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            log.add(CONFIG_FILE, None, _key_path(error), _found(error), _expected(error))
        # misspelt keys alone: go on without them, so the tables and content are still checked in this pass
        if not all(e.get("type") == "extra_forbidden" for e in exc.errors()):
            return None
        try:
            config = ReportConfig.model_validate(_without(data, [e["loc"] for e in exc.errors()]))
        except ValidationError:
            return None
    config._folder = folder
    problem = public_threshold_problem(config)
    if problem is not None:
        log.add(problem.file, problem.row, problem.column, problem.found, problem.expected)
        return None
    return config


def public_threshold_problem(config: ReportConfig) -> Problem | None:
    """A public report needs a disclosure threshold of at least 1 (0 would withhold nothing)."""
    if config.audience == "public" and config.disclosure_threshold < 1:
        return Problem(CONFIG_FILE, None, "disclosure_threshold",
                       f"{config.disclosure_threshold} with audience: public",
                       "a threshold of at least 1 for public output (or audience: partners)")
    return None


def _undrawable(text: str, data: Any, log: ProblemLog) -> bool:
    """Characters the report's fonts cannot draw (control characters included), by line where written
    literally, else by key (a YAML escape such as "\\x07" in quotes)."""
    before = len(log.problems)
    lines = undrawable_in_lines(text)
    for line, char in lines:
        log.add(CONFIG_FILE, line, None, f"the character {describe(char)}", EXPECTED)
    seen = {char for _, char in lines}
    for key, value in _strings(data, ""):
        for _, char in undrawable_in([value]):
            if char not in seen:
                log.add(CONFIG_FILE, None, key, f"the character {describe(char)}", EXPECTED)
    return len(log.problems) > before


def _strings(node: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, dict):
        return [kv for k, v in node.items() for kv in _strings(v, f"{path}.{k}" if path else str(k))]
    if isinstance(node, list):
        return [kv for i, v in enumerate(node) for kv in _strings(v, f"{path}.{i}")]
    return []


def _key_path(error: dict[str, Any]) -> str | None:
    path = ".".join(str(part) for part in error.get("loc", ()))
    if path:
        return path
    message = str(error.get("msg", ""))
    match = _KEY_IN_MESSAGE.search(message)
    if match:
        return match.group(1)
    if "authority" in message:
        return "authorities"
    return None


def _found(error: dict[str, Any]) -> str:
    if error.get("type") == "missing":
        return "no value"
    if error.get("type") in ("value_error", "assertion_error") and not error.get("loc"):
        return _plain(str(error.get("msg", "")))
    value = error.get("input")
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'}"
    return shown(value)


def _expected(error: dict[str, Any]) -> str:
    if error.get("type") == "missing":
        return "this key to be set"
    if error.get("type") == "extra_forbidden":
        loc = tuple(error.get("loc", ()))
        allowed = _keys_at(ReportConfig, loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6) if loc and allowed else []
        hint = f"did you mean {near[0]!r}? " if near else ""
        listed = f" ({', '.join(allowed)})" if allowed else ""
        return f"{hint}only the keys documented in docs/data-contract.md{listed}"
    if error.get("type") in ("value_error", "assertion_error") and not error.get("loc"):
        return "consistent settings (see docs/data-contract.md)"
    return _plain(str(error.get("msg", "a valid value")))


def _plain(message: str) -> str:
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _without(data: Any, locations: list[tuple]) -> Any:
    """A copy of the parsed YAML with the keys at ``locations`` removed."""
    import copy

    data = copy.deepcopy(data)
    for loc in locations:
        node = data
        for part in loc[:-1]:
            node = node[part] if isinstance(node, (dict, list)) else None
        if isinstance(node, dict):
            node.pop(loc[-1], None)
    return data


def _keys_at(model: Any, loc: tuple) -> list[str]:
    """The keys allowed at a place in report.yaml (a model's fields), found by walking the models' types."""
    import types
    import typing

    from pydantic import BaseModel

    node, parts = model, list(loc)
    while True:
        origin = typing.get_origin(node)
        if origin in (typing.Union, types.UnionType):  # Optional[X]: the part that is not None
            node = next((a for a in typing.get_args(node) if a is not type(None)), None)
            continue
        if origin in (list, tuple, dict):  # an item of a list or a value of a mapping
            if not parts:
                return []
            parts.pop(0)
            node = typing.get_args(node)[-1 if origin is dict else 0]
            continue
        if not (isinstance(node, type) and issubclass(node, BaseModel)):
            return []
        if not parts:
            return sorted(node.model_fields)
        name = parts.pop(0)
        if name not in node.model_fields:
            return []
        node = node.model_fields[name].annotation
