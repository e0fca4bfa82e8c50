"""The string under a model's field as its description in ``snareport schema``, read from the source when a
schema is asked for.

A model field is documented by the string literal under it. Pydantic can read those strings itself
(``use_attribute_docstrings``), but it does so for every model class when the class is made, parsing the
source of each: a tenth of a second of every build's imports for text only the schema prints. The report's
schema is made with :class:`FieldDocsJsonSchema` instead, which reads them then.
"""
from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema


def field_docs(cls: type) -> dict[str, str]:
    """Each field of ``cls`` (its own and its model bases') with the string literal written under it."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if issubclass(klass, BaseModel) and klass is not BaseModel:
            docs.update(_own_docs(klass))
    return docs


def _own_docs(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = ast.parse(source).body[0]
    if not isinstance(body, ast.ClassDef):
        return {}
    docs = {}
    for statement, following in zip(body.body, body.body[1:]):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant) \
                and isinstance(following.value.value, str):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


class FieldDocsJsonSchema(GenerateJsonSchema):
    """JSON schema generation giving each model field the string under it as its description (unless the
    field sets one itself)."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        self._models = [*getattr(self, "_models", []), schema["cls"]]
        try:
            return super().model_schema(schema)
        finally:
            self._models.pop()

    def model_fields_schema(self, schema: core_schema.ModelFieldsSchema) -> JsonSchemaValue:
        out = super().model_fields_schema(schema)
        models = getattr(self, "_models", [])
        if models:
            docs = field_docs(models[-1])
            for name, prop in out.get("properties", {}).items():
                if name in docs and isinstance(prop, dict) and "description" not in prop:
                    prop["description"] = docs[name]
        return out


def described_schema(model: type[BaseModel], **kwargs: Any) -> dict[str, Any]:
    """``model.model_json_schema(**kwargs)`` with every field's description from the string under it."""
    return model.model_json_schema(schema_generator=FieldDocsJsonSchema, **kwargs)
