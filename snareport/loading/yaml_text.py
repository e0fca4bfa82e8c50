"""YAML text → Python values, with limits: the one way snareport reads YAML (report.yaml, content, themes).

Aliases are where YAML can hurt: a few hundred bytes of nested aliases ("billion laughs") expand to billions of
nodes, and an alias inside its own anchor makes a structure that never ends. Before anything is built from the
parsed nodes, their expanded size is counted (each distinct node once, so the count itself is cheap) and an
alias that refers to itself is found; either is a :class:`YamlLimit` naming the line, raised in milliseconds.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

#: Expanded nodes one file may hold: far above any real report.yaml, theme or content file (the sample's
#: largest has about 400), far below what a bomb expands to.
MAX_NODES = 100_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when installed: same nodes, faster


@dataclass(frozen=True)
class YamlLimit(Exception):
    """A YAML text refused before it was built: ``line`` is 1-based (None when unknown)."""

    line: int | None
    problem: str

    def __str__(self) -> str:
        return self.problem


def parse_yaml(text: str, max_nodes: int = MAX_NODES) -> tuple[Any, yaml.Node | None]:
    """(value, root node) of one YAML document. Raises ``yaml.YAMLError`` for malformed text and
    :class:`YamlLimit` for an alias that refers to itself or a document that expands past ``max_nodes``."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_expansion(node, max_nodes)
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def load_yaml(text: str, max_nodes: int = MAX_NODES) -> Any:
    """The value of one YAML document (see :func:`parse_yaml`)."""
    return parse_yaml(text, max_nodes)[0]


def check_expansion(root: yaml.Node, max_nodes: int = MAX_NODES) -> int:
    """The number of nodes ``root`` stands for once every alias is expanded, or YamlLimit past ``max_nodes``.

    Works without recursion (deep nesting cannot overflow the stack) and visits each distinct node once.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            total = 1 + sum(size[id(child)] for child in _children(node))
            if total > max_nodes:
                raise YamlLimit(_line(node), f"aliases that expand to more than {max_nodes:,} values "
                                             "(a YAML alias bomb?)")
            size[key] = total
            continue
        if key in size:
            continue
        if key in on_path:
            raise YamlLimit(_line(node), "an alias inside its own anchor (a structure that never ends)")
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                raise YamlLimit(_line(child), "an alias inside its own anchor (a structure that never ends)")
            if id(child) not in size:
                stack.append((child, False))
    return size[id(root)]


def duplicate_keys(root: yaml.Node | None) -> list[yaml.Node]:
    """Key nodes given twice in one mapping, each distinct mapping looked at once (aliases are not re-walked)."""
    found: list[yaml.Node] = []
    for node in _distinct_nodes(root, keys=True):
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        found.append(key)
                    keys.add(key.value)
    return sorted(found, key=lambda n: (n.start_mark.line, n.start_mark.column))


def string_values(root: yaml.Node | None) -> list[yaml.ScalarNode]:
    """The scalar value nodes (not mapping keys) of a document, each distinct node once, in document order."""
    return [node for node in _distinct_nodes(root, keys=False) if isinstance(node, yaml.ScalarNode)]


def _distinct_nodes(root: yaml.Node | None, keys: bool) -> Iterator[yaml.Node]:
    """Every distinct node under ``root`` once (an alias is not walked again), in document order; mapping keys
    only when ``keys``."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode) and not keys:
            stack.extend(reversed([value for _, value in node.value]))
        else:
            stack.extend(reversed(_children(node)))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _line(node: yaml.Node) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None
