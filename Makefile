# Two entry points for a fresh machine: `make report` and `make test`. Each makes its own virtualenv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report test variants bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,bench]"
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/snareport build sample_data -o out/sna-2025-26-kent-and-medway.pdf

variants: $(STAMP)
	$(BIN)/snareport variants sample_data -o out/variants

# Lint and types first (the configuration is in pyproject.toml), then the tests.
test: $(STAMP)
	$(BIN)/ruff check snareport tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The documentation site (tutorial + API reference from the docstrings) into out/site/.
docs: $(STAMP)
	$(BIN)/pip install -q -e ".[docs]"
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build

clean:
	rm -rf out .pytest_cache
