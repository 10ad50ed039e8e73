# itukg — set-up, demo and tests on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= .itukg/store

.PHONY: setup demo test lint bench clean

# System tools, from the Debian packages when missing: Java for the HermiT reasoner
# (ontology consistency test), Graphviz for SVG/PNG exports, Chromium for the test that
# opens the exported HTML page, JGraphT for the GraphML and GEXF schemas the export tests
# validate against, curl for the endpoint's tests, Virtuoso (virtuoso-t, isql-vt) for the
# tests of writes to a server that demands credentials.
$(STAMP): pyproject.toml
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	command -v virtuoso-t >/dev/null 2>&1 || missing="$$missing virtuoso-opensource"; \
	[ -f /usr/share/java/jgrapht-io.jar ] || missing="$$missing libjgrapht-java"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
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
	@for view in mandates citations overlaps; do \
	  $(BIN)/itukg export --view $$view --format html --store $(STORE) --out out/$$view.html; \
	  $(BIN)/itukg export --view $$view --format graphml --store $(STORE) --out out/$$view.graphml; \
	  $(BIN)/itukg export --view $$view --format svg --store $(STORE) --out out/$$view.svg; \
	done
	@echo "Views and compilation written to out/: open out/mandates.html in a browser (works offline)."

# the tests run on every core (one worker per test file, which keeps a file's fixtures
# shared); TEST_JOBS=0 runs them in this process, one after another
TEST_JOBS ?= auto
test: setup
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile

bench: setup
	cd bench && ../$(BIN)/python run.py

lint: setup
	$(BIN)/ruff check src tests bench ontology
	$(BIN)/ruff format --check src tests bench ontology
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .itukg .pytest_cache
