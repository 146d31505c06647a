# `make run` builds the graph from data/ into build/; `make test` runs the tests;
# `make lint` runs ruff and mypy (configured in pyproject.toml) over the package.
# Both create .venv on first use and reinstall only when setup.cfg changes.
# `make build` compiles the extractor's hot modules with mypyc (optional: -17% instructions a page;
# setup.py, docs/benchmarks-extract.md); rerun it after editing kg/extract (until then the edited
# sources run as plain Python, all of them); `make plain` removes the compiled modules.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint clean build plain

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-installed: setup.cfg setup.py pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: setup.cfg setup.py pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/kg build data/minutes --store build

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

$(VENV)/.lint-installed: setup.cfg setup.py pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	touch $@ $(VENV)/.run-installed

lint: $(VENV)/.lint-installed
	$(BIN)/ruff check kg
	$(BIN)/mypy

build: $(VENV)/.lint-installed
	KG_COMPILE=1 $(BIN)/python setup.py -q build_ext --inplace

plain:
	rm -f kg/extract/*.so kg/extract/_native.sha256

clean:
	rm -rf build .pytest_cache .hypothesis
