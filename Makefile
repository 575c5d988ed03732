# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make demo   - ingest the bundled example articles into SQLite and print a summary
#   make test   - lint, type-check and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= dev,postgres,spark

.PHONY: demo test lint typecheck pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/chronik ingest examples/ $(wildcard ../shared/samples/*.txt) --db demo.db
	$(BIN)/chronik summary --db demo.db

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/ruff format --check src tests benchmarks training

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) demo.db .pytest_cache .mypy_cache .ruff_cache
