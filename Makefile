# Forum Atlas. `make run` and `make test` set everything up on a machine with python3 (and venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     := resources/forum-atlas.sqlite
DATA   := $(wildcard resources/data/*.yaml)
# The code that decides what the database holds: a change to it rebuilds the database too.
BUILDER := model/build.py model/browse.py model/queries.py model/search_index.py model/tables.py model/loader.py model/dates.py model/yaml_reader.py

.PHONY: setup run test db check bench dist dist-onedir dist-onefile dist-check icons lint clean translations

REFS   := resources/csl/references.json
# The Japanese interface: the .ts (Qt Linguist source, committed) is compiled into the .qm the app loads.
TS     := resources/i18n/forum_atlas_ja.ts
QM     := resources/i18n/forum_atlas_ja.qm

setup: $(STAMP) $(DB) $(REFS) $(QM)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
	touch $(STAMP)

# The database is built from the YAML, never committed; it is rebuilt whenever the YAML or its builder changes.
$(DB): $(STAMP) $(DATA) $(BUILDER)
	$(BIN)/forum-atlas build

# The paper's references, formatted once by citeproc (model/citation.py): the app reads them from this file.
$(REFS): $(STAMP) resources/data/source.yaml $(wildcard resources/csl/*.csl) model/citation.py
	$(BIN)/python -m model.citation

$(QM): $(STAMP) $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# After changing the window's texts: the .ts gains the new strings (unfinished, for a translator to fill in
# with Qt Linguist or an editor) and loses those no longer in the code; then the .qm is rebuilt.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -source-language en -target-language ja \
		$(wildcard gui/*.py) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

db: $(STAMP)
	$(BIN)/forum-atlas build

check: $(STAMP)
	$(BIN)/forum-atlas check

run: setup
	$(BIN)/forum-atlas $(ARGS)

# ruff, the import contracts in pyproject.toml (layers; model/ imports no Qt), then mypy as pyproject.toml
# configures it (strict on model/, forum_atlas/ and the read API; its cache in .mypy_cache keeps a rerun quick).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/mypy

# In parallel, one worker per core (pytest-xdist), handing out one test at a time: the slowest tests come first
# (tests/conftest.py) and so spread over the workers instead of queueing on one.
test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto --dist load --maxschedchunk 1 $(ARGS)

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(ARGS)

# The standalone app: dist/forum-atlas/ (one folder, starts fastest) and dist/forum-atlas-onefile (one file).
PYINSTALLER := $(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist

dist: dist-onedir dist-onefile

dist-onedir: setup
	$(PYINSTALLER) --workpath build/onedir build_spec/forum-atlas.spec

dist-onefile: setup
	FORUM_ATLAS_ONEFILE=1 $(PYINSTALLER) --workpath build/onefile build_spec/forum-atlas.spec

# Sizes against their goals, and each bundle's --self-test in a clean environment from a read-only copy.
dist-check:
	sh build_spec/check-bundle

# Regenerate the committed PNG/ICO/ICNS icons after changing resources/icons/*.svg.
icons: $(STAMP)
	$(BIN)/python build_spec/make_icons.py

clean:
	rm -rf build dist .pytest_cache bench-results.json $(DB)
