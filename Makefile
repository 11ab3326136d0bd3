# Forum Atlas. `make run` and `make test` set everything up on a machine with python3 (and venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     := resources/forum-atlas.sqlite
DATA   := $(wildcard resources/data/*.yaml)

.PHONY: setup run test db check bench dist lint clean

setup: $(STAMP) $(DB)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
	touch $(STAMP)

# The database is built from the YAML, never committed; it is rebuilt whenever a YAML file changes.
$(DB): $(STAMP) $(DATA)
	$(BIN)/forum-atlas build

db: $(STAMP)
	$(BIN)/forum-atlas build

check: $(STAMP)
	$(BIN)/forum-atlas check

run: setup
	$(BIN)/forum-atlas $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(ARGS)

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(ARGS)

dist: setup
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build build_spec/forum-atlas.spec

clean:
	rm -rf build dist .pytest_cache bench-results.json $(DB)
