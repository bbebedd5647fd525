# `make run` and `make test` set everything up on first use: the system packages Hinge needs, and a
# .venv with Hinge and its test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PACKAGE_BIN := build/package-venv/bin
DIST := dist
ARGS ?=
CHECK_PYTHON = @$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hinge needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).")'

.PHONY: run test lint unit quick damage bench clean screenshots package release package-test install-desktop \
	uninstall-desktop system-packages-run system-packages-test system-packages-package

run: system-packages-run $(INSTALLED)
	$(BIN)/hinge-desktop $(ARGS)

test: system-packages-test lint unit

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

unit: system-packages-test $(INSTALLED)
	$(BIN)/python -m pytest

# The damage suite alone (make test runs it too): every way the log can be lost or damaged.
damage: system-packages-test $(INSTALLED)
	$(BIN)/python -m pytest -m damage -q

# While working: the checks and the tests that start no separate process (make test runs all).
quick: system-packages-test lint
	$(BIN)/python -m pytest -m "not slow" -q

bench: system-packages-test $(INSTALLED)
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/timer_drift.py
	$(BIN)/python benchmarks/cue_onset.py
	$(BIN)/python benchmarks/gui_stall.py
	$(BIN)/python benchmarks/log_durable.py
	$(BIN)/python benchmarks/history_view.py
	$(BIN)/python benchmarks/import_strong.py
	$(BIN)/python benchmarks/hurt_history.py
	$(BIN)/python benchmarks/start_check.py
	$(BIN)/python benchmarks/import_memory.py
	$(BIN)/python benchmarks/stalls.py
	$(BIN)/python benchmarks/ladder_stall.py
	$(BIN)/python benchmarks/pose_assist.py

# The system packages: what running Hinge needs (run), what the tests add (test), and what building
# the packages adds (package). On Debian and Ubuntu, missing ones are installed as root, or named
# in the one `sudo apt install` line to run; elsewhere they are named and make goes on. $(PYTHON)'s
# own (pythonX.Y-venv, libpythonX.Y) are looked for while there is no .venv, and for the packages,
# which make a virtual environment each time. SYSTEM_PACKAGES=no skips all this.
SYSTEM_PACKAGES ?= yes
system-packages-run system-packages-test system-packages-package: system-packages-%:
	@$(if $(filter no,$(SYSTEM_PACKAGES)),:,sh packaging/system_packages.sh $* \
		$(if $(filter package,$*)$(if $(wildcard $(BIN)/python),,no-venv),--python $(PYTHON)))

$(BIN)/python: | system-packages-run
	$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Cannot create $(VENV): on Debian or Ubuntu, sudo apt install python3-venv" >&2; exit 1; }

# Reinstall whenever pyproject.toml changes.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,pose]'
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# Packaging. The bundle is built from the wheel, installed with PyInstaller in a new virtual
# environment of its own (build/package-venv), so it holds exactly what the wheel installs.

# The one-folder bundle (dist/hinge-desktop) and the wheel (dist/*.whl). setuptools' build/lib
# goes first: it keeps copies of files since removed.
package: system-packages-package
	$(CHECK_PYTHON)
	rm -rf $(DIST) build
	$(PYTHON) -m venv build/package-venv
	$(PACKAGE_BIN)/python -m pip install --quiet --upgrade pip
	$(PACKAGE_BIN)/python -m pip wheel --quiet --no-deps --wheel-dir $(DIST) .
	$(PACKAGE_BIN)/python -m pip install --quiet "$$(ls $(DIST)/*.whl)[package]"
	$(PACKAGE_BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath $(DIST) --workpath build/pyinstaller packaging/hinge.spec

# The release archive: dist/hinge-desktop-<version>-linux-<machine>.tar.gz.
release: package
	$(PACKAGE_BIN)/python packaging/release.py $(DIST)

# Build everything, then check it: the desktop files validate; the bundle, the wheel in a fresh
# virtual environment and the release archive's install each run with an empty environment.
package-test: system-packages-package release
	$(PACKAGE_BIN)/python packaging/check_package.py $(DIST)

# Add Hinge (this checkout's .venv) to your application menu, or take it out again.
install-desktop uninstall-desktop: $(INSTALLED)
	rm -rf build/desktop
	$(BIN)/python packaging/desktop_files.py build/desktop/share > /dev/null
	sh packaging/linux/install.sh --share build/desktop/share --exec "$(CURDIR)/$(BIN)/hinge-desktop" \
		$(if $(filter uninstall-desktop,$@),--uninstall)

# The README's and the AppStream metainfo's screenshots: the drill library, and the history of
# the demo's two years.
screenshots: $(INSTALLED)
	fresh=$$(mktemp -d) && demo=$$(mktemp -d) && \
	QT_QPA_PLATFORM=offscreen $(BIN)/hinge-desktop --data-dir "$$fresh" --screenshot drills packaging/screenshots/drills.png && \
	QT_QPA_PLATFORM=offscreen $(BIN)/hinge-desktop --data-dir "$$demo" --demo --screenshot history packaging/screenshots/history.png && \
	rm -rf "$$fresh" "$$demo"

