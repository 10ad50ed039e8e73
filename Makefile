# itukg — set-up, demo and tests on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= .itukg/store

.PHONY: setup demo test lint clean

# The HermiT reasoner (ontology consistency test) runs on Java; install a JRE if none is there.
$(STAMP): pyproject.toml
	@command -v java >/dev/null 2>&1 || { \
	  echo "installing a Java runtime for the HermiT reasoner"; \
	  apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/itukg build data/ --store $(STORE)
	@echo
	@echo "Example query (itukg query resolutions):"
	$(BIN)/itukg query resolutions --store $(STORE)
	@echo
	@echo "The strongest overlapping mandates (itukg overlaps --limit 10):"
	$(BIN)/itukg overlaps --store $(STORE) --no-save --limit 10
	$(BIN)/itukg compile pp/191 ra/75 wtsa/18 wtdc/59 --store $(STORE) --out out/compilation.html

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) .itukg .pytest_cache
