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
