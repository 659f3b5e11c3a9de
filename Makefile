# Two commands: `make demo` and `make test`. Both create .venv and install the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := build/demo

.PHONY: demo test bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,pdf]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/journeyctl lint maps/

test: $(VENV)/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_lint.py

schema: $(VENV)/.installed
	$(BIN)/journeyctl schema --output schema/journeyctl.schema.json

clean:
	rm -rf $(VENV) build dist
