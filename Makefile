# The two commands a newcomer needs are `make run` and `make test`; both set up what is missing.
PY := .venv/bin/python
export QTWEBENGINE_DISABLE_SANDBOX ?= 1

.PHONY: run test check lint types contracts bench screenshot setup clean-venv

setup:
	@scripts/bootstrap.sh

run: setup
	$(PY) main.py $(ARGS)

# Domain tests first, in a process where Qt cannot be imported; then everything else offscreen.
test:
	@scripts/bootstrap.sh --tests
	.venv/bin/lint-imports
	OMS_BLOCK_QT=1 $(PY) -m pytest -p no:pytest-qt tests/unit -q
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests --ignore=tests/unit -q

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

types: setup
	.venv/bin/mypy

contracts: setup
	.venv/bin/lint-imports

check: lint types test

bench: setup
	$(PY) bench/startup.py

screenshot:
	@scripts/bootstrap.sh --xvfb
	scripts/screenshot.sh resources/screenshot.png

clean-venv:
	rm -rf .venv
