# Two commands: `make demo` and `make test` (`make test-fast` leaves out the slow tests). Both create .venv and install the project into it.
# `make check`: lint, format and type checks (run by .ci/run before the tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := build/demo

.PHONY: demo test test-fast check bench schema screenshots dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,pdf,check]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/journeyctl lint maps/
	$(BIN)/journeyctl render maps/ --format html --format md --audience internal --out $(OUT)/internal
	$(BIN)/journeyctl render maps/ --format pdf --audience customer --out $(OUT)/customer
	@echo "Open $(OUT)/internal/index.html (HTML maps), $(OUT)/internal/index.md (Markdown); customer PDFs in $(OUT)/customer/"

screenshots: $(VENV)/.installed
	scripts/screenshots.sh $(BIN)/journeyctl

test: $(VENV)/.installed
	$(BIN)/python -m pytest

# The inner loop: everything but the tests marked slow (pre-commit, the action, installs, the browser).
test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not slow"

check: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_lint.py
	$(BIN)/python benchmarks/bench_measure.py
	$(BIN)/python benchmarks/bench_render_pdf.py

schema: $(VENV)/.installed
	$(BIN)/journeyctl schema --output schema/journeyctl.schema.json

dist: $(VENV)/.installed
	$(BIN)/hatchling build -d dist

clean:
	rm -rf $(VENV) build dist
