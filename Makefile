# `make run` and `make test` set everything up on first use: a .venv with Hinge and its test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint unit bench clean screenshots

run: $(INSTALLED)
	$(BIN)/hinge-desktop $(ARGS)

test: lint unit

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

unit: $(INSTALLED)
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/timer_drift.py
	$(BIN)/python benchmarks/cue_onset.py
	$(BIN)/python benchmarks/gui_stall.py
	$(BIN)/python benchmarks/log_durable.py
	$(BIN)/python benchmarks/history_view.py
	$(BIN)/python benchmarks/import_strong.py

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hinge needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).")'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Cannot create .venv: on Debian or Ubuntu, sudo apt install python3-venv" >&2; exit 1; }

# Reinstall whenever pyproject.toml changes.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# The README's screenshot.
screenshots: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(BIN)/hinge-desktop --data-dir "$$(mktemp -d)" --screenshot drills packaging/screenshots/drills.png
