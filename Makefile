# Two commands do all the set-up from a fresh clone:
#   make demo   creates .venv, installs dateline, reads the bundled example pages
#   make test   creates .venv, installs the dev extras, runs the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install dev bench learn-cues clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.web-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[web]'
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

DEMO_DB := examples/demo.db

demo: $(VENV)/.web-installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline read examples/pages/courier-harbour-strike.html
	$(BIN)/dateline ingest examples/pages/ --db $(DEMO_DB)
	$(BIN)/dateline duplicates --db $(DEMO_DB)
	$(BIN)/dateline stories --db $(DEMO_DB)
	$(BIN)/dateline claims --speaker "Elena Marsh" --about "emergency powers" --db $(DEMO_DB)
	@echo
	@echo "Open the app on the demo store:  $(BIN)/dateline serve --db $(DEMO_DB)   then http://127.0.0.1:8000/"

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/extraction.py

# the attribution cue model, learned from PolNeAR's training split (about 4 minutes)
learn-cues: $(VENV)/.dev-installed
	$(BIN)/python tools/learn_cues.py ../shared/bench/polnear/train.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
