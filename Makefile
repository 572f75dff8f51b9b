# pactwatch: the two newcomer commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sqlite:///pactwatch.db
PYTEST_ARGS ?=

.PHONY: install demo test test-slow test-classifier bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install  ## set up, ingest the example article into ./pactwatch.db, print a summary
	$(BIN)/pactwatch ingest --db $(DB) examples/articles
	$(BIN)/pactwatch summary --db $(DB)

test: install  ## set up and run the test suite (fast tests; PostgreSQL tests need PACTWATCH_TEST_PG)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest $(PYTEST_ARGS)

test-slow: install  ## the slow tests too (full evaluations)
	$(BIN)/pytest -m "not classifier" $(PYTEST_ARGS)

test-classifier: install  ## the optional event-typing classifier (installs torch 2.13.0 CPU and MiniLM)
	$(BIN)/python -m pip install -q -e '.[test,classifier]'
	$(BIN)/pytest -m classifier $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/bench_pipeline.py --shared ../shared

clean:
	rm -rf $(VENV) pactwatch.db pactwatch.db-wal pactwatch.db-shm
