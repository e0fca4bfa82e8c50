"""A built Report cannot be changed: every model in the package is frozen, and disclosure returns a new one."""
from __future__ import annotations

import importlib
import pkgutil

import pytest
from pdf_support import tiny_report
from pydantic import BaseModel, ValidationError

import snareport


def test_assigning_to_any_field_of_a_built_report_raises():
    report = tiny_report()
    with pytest.raises(ValidationError):
        report.knives = report.knives
    with pytest.raises(ValidationError):
        report.metadata.title = "Another title"
    with pytest.raises(ValidationError):
        report.recorded_offences.total.current = 0
    with pytest.raises(ValidationError):
        report.achievements.year_on_year.later.label = "2099/00"


def test_no_list_or_dict_inside_a_built_report_can_be_changed():
    """Frozen goes all the way down: every list and dict a Report holds, at any depth, refuses changes."""
    report = tiny_report()
    containers: list[list | dict] = []

    def walk(node):
        if isinstance(node, BaseModel):
            for name in type(node).model_fields:
                walk(getattr(node, name))
        elif isinstance(node, (list, dict)):
            containers.append(node)
            for value in node.values() if isinstance(node, dict) else node:
                walk(value)

    walk(report)
    lists = [c for c in containers if isinstance(c, list)]
    dicts = [c for c in containers if isinstance(c, dict)]
    assert len(lists) > 50 and dicts
    list_changes = [("append", (None,)), ("extend", ([],)), ("insert", (0, None)), ("remove", (None,)),
                    ("pop", ()), ("clear", ()), ("sort", ()), ("reverse", ()), ("__setitem__", (slice(0, 0), [])),
                    ("__delitem__", (slice(0, 0),)), ("__iadd__", ([],))]
    dict_changes = [("__setitem__", ("x", 1)), ("__delitem__", ("x",)), ("update", ({},)), ("clear", ()),
                    ("setdefault", ("x", 1)), ("pop", ("x", None)), ("popitem", ())]
    for container in containers:
        for method, args in list_changes if isinstance(container, list) else dict_changes:
            with pytest.raises(TypeError):
                getattr(container, method)(*args)
    with pytest.raises(TypeError):
        report.achievements.knife_enabled[0] = report.achievements.knife_enabled[0]
    with pytest.raises(TypeError):
        report.temporal.cohorts[0].counts[0][0] = 0


def test_a_frozen_report_dumps_and_compares_as_plain_lists_and_dicts():
    report = tiny_report()
    dumped = report.model_dump()
    assert type(dumped["periods"]) is list and type(dumped["metadata"]) is dict
    assert report.periods == list(report.periods) and report.metadata.model_dump() == dumped["metadata"]
    assert snareport.Report.model_validate(dumped).model_dump() == dumped
    assert snareport.Report.model_validate_json(report.model_dump_json()).model_dump_json() == report.model_dump_json()


def test_every_pydantic_model_in_the_package_is_frozen():
    models = set()
    for info in pkgutil.walk_packages(snareport.__path__, "snareport."):
        if info.name in ("snareport.__main__",):
            continue
        module = importlib.import_module(info.name)
        models |= {v for v in vars(module).values()
                   if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__.startswith("snareport")}
    assert len(models) > 30
    assert sorted(m.__qualname__ for m in models if not m.model_config.get("frozen")) == []


def test_disclosure_returns_new_reports_and_leaves_its_input_alone():
    import dataclasses

    from pdf_support import TINY

    from snareport.build import build_reports
    from snareport.disclosure import disclose

    ds = snareport.load_dataset(TINY)
    ds = dataclasses.replace(ds, config=ds.config.model_copy(update={"audience": "partners"}))
    raw = build_reports(ds)
    before = {name: r.model_dump_json() for name, r in raw.items()}
    public = disclose(raw, 5, 7)
    assert all(public[name] is not raw[name] and public[name].disclosure.applied for name in raw)
    assert {name: r.model_dump_json() for name, r in raw.items()} == before
    assert not any(r.disclosure.applied for r in raw.values())


def test_content_with_its_placeholders_filled_in_stays_read_only():
    """Filling in a scope's {placeholders} copies only what changes; a list or dict it copies is read-only too."""
    from snareport.content.models import FactorLevel
    from snareport.content.placeholders import substitute_model

    level = FactorLevel(label="Community", risk=["crime in {area}"], protective=["clubs"])
    filled = substitute_model(level, {"area": "Thanet"})
    assert filled.risk == ["crime in Thanet"] and filled.protective is level.protective
    with pytest.raises(TypeError):
        filled.risk.append("more")
