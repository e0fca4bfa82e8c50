"""Report → tagged PDF bytes: the only stage that knows reportlab and pikepdf.

``render_pdf`` writes the file atomically; ``render_bytes`` returns the bytes. The document template and page
furniture are in ``pages``, the layout passes in ``multibuild``, PDF/UA tagging in ``tagging``.
"""
from __future__ import annotations

from snareport.render.document import load_drawing, page_count, render_bytes, render_pdf, report_theme

__all__ = ["load_drawing", "page_count", "render_bytes", "render_pdf", "report_theme"]
