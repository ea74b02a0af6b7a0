# kzict — the analysis as a DAG: data/raw -> data/clean -> figures/, notebooks, tests.
# A fresh clone needs only `make figures` and `make test`; each bootstraps .venv
# from the committed lock (requirements.lock) on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(VENV)/bin/uv
UV_VERSION := 0.13.9
STAMP  := $(VENV)/.installed

# What the build reads (kzict/pipeline/publish.py RAW_INPUTS, and the snapshot files its manifest pins);
# data/raw/claims.yaml feeds the audit only. tests/test_recorded_inputs.py checks the two lists agree.
RAW    := $(wildcard data/raw/*.xlsx) data/raw/corrections.yaml data/raw/statements.yaml $(wildcard data/raw/snapshots/*.csv data/raw/snapshots/*.xls)
BUILD_CODE := $(wildcard kzict/pipeline/*.py kzict/tables/*.py kzict/readers/*.py) kzict/_paths.py kzict/_store.py kzict/errors.py
CLEAN_STAMP := data/clean/checksums.sha256
PLOT_CODE := $(wildcard kzict/charts/*.py) kzict/figures.py $(wildcard kzict/style/*.mplstyle)
FIG_STAMP := figures/.built

.DEFAULT_GOAL := help
.PHONY: help figures data docs audit export site bench test lint lab lock clean-venv

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -r requirements.lock
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --no-deps -e .
	$(PY) -m compileall -q kzict  # the editable install compiles nothing of ours, and PYTHONDONTWRITEBYTECODE stops caching
	@touch $@

data: $(CLEAN_STAMP) ## Rebuild data/clean from data/raw (validated; all or nothing)

$(CLEAN_STAMP): $(STAMP) $(RAW) $(BUILD_CODE)
	$(PY) -m kzict.pipeline

docs: docs/datasets.md ## Regenerate the data dictionary docs/datasets.md

docs/datasets.md: $(STAMP) $(CLEAN_STAMP) kzict/docs.py
	$(PY) -m kzict.docs

audit: reports/claims.md ## Recompute every claim of the thesis: reports/claims.md

reports/claims.md: $(STAMP) $(CLEAN_STAMP) data/raw/claims.yaml kzict/claims.py kzict/claim_checks.py kzict/claim_data.py
	$(PY) -m kzict.claims --out $@

export: $(STAMP) $(CLEAN_STAMP) ## Write every table to one Excel workbook: dist/kzict.xlsx
	$(PY) -m kzict export --force --xlsx dist/kzict.xlsx

figures: $(FIG_STAMP) ## Draw every chart into figures/ (PNG + SVG), only when inputs changed

$(FIG_STAMP): $(STAMP) $(CLEAN_STAMP) $(PLOT_CODE)
	$(PY) -m kzict.figures --out figures
	@touch $@

SITE_STAMP := site/.built
SITE_INPUTS := $(wildcard data/clean/*) $(wildcard figures/*.png figures/*.svg) CHANGELOG.md data/raw/claims.yaml \
	$(shell find kzict -name '*.py' -o -name '*.js' -o -name '*.css') requirements.lock

site: $(SITE_STAMP) ## Build the static data site into site/ (open site/index.html), only when inputs changed

$(SITE_STAMP): $(STAMP) $(CLEAN_STAMP) $(FIG_STAMP) $(SITE_INPUTS)
	$(PY) -m kzict.site --out site --work build/site
	@touch $@

bench: $(STAMP) $(CLEAN_STAMP) ## Benchmark loads, metadata commands, the build, make figures (BENCH=quick: < 1 min)
	$(PY) -m compileall -q kzict  # code edited since the bootstrap would be compiled anew in every timed process
	$(PY) benchmarks/run.py $(if $(filter quick,$(BENCH)),--quick)

lint: $(STAMP) ## ruff (lint and format) and mypy, as configured in pyproject.toml
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: $(STAMP) ## Run lint (ruff, ruff format, mypy) and the test suite (schemas, values, rebuild, notebooks, ...)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# mypy checks types while pytest runs (a cold mypy takes seconds); a type error still fails the run
	@log=$$(mktemp); $(VENV)/bin/mypy >$$log 2>&1 & mypy=$$!; \
	$(PY) -m pytest; status=$$?; \
	if ! wait $$mypy; then cat $$log; echo "make test: mypy failed"; status=1; fi; rm -f $$log; exit $$status

lab: $(STAMP) ## Open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) notebooks/

lock: ## Re-resolve requirements.lock from pyproject.toml, every extra (needs the network)
	$(UV) pip compile pyproject.toml --extra all --extra test --python-version 3.11 --no-header -o requirements.lock

clean-venv: ## Remove .venv (the next target re-creates it)
	rm -rf $(VENV)
