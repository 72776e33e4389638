# Make targets for briefing. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# An editable install leaves the package uncompiled; write its bytecode up front (as pip does
# for a regular install) so that no start-up compiles it, even with PYTHONDONTWRITEBYTECODE set.
BYTECODE := $(BIN)/python -m compileall -q tui

.DEFAULT_GOAL := help

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test,web]'
	@# pip compiles what it installs unless PYTHONDONTWRITEBYTECODE is set; without bytecode,
	@# every start compiles Textual again (about 0.3 s).
	@$(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null || true
	@touch $(STAMP)

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

.PHONY: setup
setup: $(STAMP) ## Create .venv and install the project with its test tools

.PHONY: run
run: $(STAMP) ## Open the dashboard on the shipped briefings
	@$(BYTECODE)
	$(BIN)/briefing

.PHONY: test
test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

.PHONY: lint
lint: $(STAMP) ## Check the code: ruff, mypy and the import contracts between layers
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

.PHONY: bench
bench: $(STAMP) ## Measure start-up, extraction speed and accuracy; prints figures
	@$(BYTECODE)
	$(BIN)/python benchmarks/run.py

.PHONY: clean
clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache dist build
	find tui tests benchmarks -name __pycache__ -type d -prune -exec rm -rf {} +
