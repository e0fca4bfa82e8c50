"""Report × Theme → reportlab flowables: the single door (``door``), page templates (``pages``), the
contents (``contents``), the ordered story (``story``) and one module per section, named like its model."""
