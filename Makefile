# conflictlens — make targets.  Only Python 3.11+, make and (for tests) Debian's apt are assumed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: setup run test lint quality bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	CONFLICTLENS_PURE_PYTHON=1 $(PIP) install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/conflictlens gazetteer build
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with pinned dependencies, compile the gazetteer and the hot modules (setup.py)
	$(BIN)/python setup.py -q build_ext --inplace -j $$(nproc 2>/dev/null || echo 2)

run: setup  ## the main job: extract every bundled example report and show the events
	$(BIN)/conflictlens extract examples/reports --format table

test: setup  ## the whole test suite, with ruff
	$(BIN)/ruff check src tests bench setup.py
	$(BIN)/ruff format --check src tests bench setup.py
	$(BIN)/python -m pytest

quality: setup  ## scores on ../shared/eval (writes docs/quality.md)
	bash bench/quality.sh

bench: setup  ## speed: extraction vs spaCy's bare tokenizer
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
