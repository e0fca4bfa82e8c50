"""Calculators: one pure function per data-driven section, Dataset × Scope → section model."""
