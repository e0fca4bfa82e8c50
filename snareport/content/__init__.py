"""Narrative content: a safe Markdown subset, the content models, and the loader for ``content/``."""
from __future__ import annotations

from snareport.content.markdown import BulletList, NumberedList, Paragraph, RichText, Run, parse_markdown
from snareport.content.models import Content

__all__ = ["Content", "RichText", "Run", "Paragraph", "BulletList", "NumberedList", "parse_markdown",
           "load_content"]


def __getattr__(name: str):
    if name == "load_content":
        from snareport.content.loader import load_content

        return load_content
    raise AttributeError(name)
