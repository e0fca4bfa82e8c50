"""Narrative content: a safe Markdown subset and the content models (``snareport.loading`` reads ``content/``)."""
from __future__ import annotations

from snareport.content.markdown import BulletList, NumberedList, Paragraph, RichText, Run, parse_markdown
from snareport.content.models import Content

__all__ = ["Content", "RichText", "Run", "Paragraph", "BulletList", "NumberedList", "parse_markdown"]
