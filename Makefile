# Källa: `make serve` starts the app on the seeds, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve ask test eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Until the browser UI lands, `serve` is an interactive question prompt over the seeds.
serve: install
	$(BIN)/assistant ask

ask: install
	$(BIN)/assistant ask "$(Q)"

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/assistant eval tests/eval/seeds.jsonl
	$(BIN)/python -m bench.swequad

bench: install
	$(BIN)/python -m bench.compare

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
