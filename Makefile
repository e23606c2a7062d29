# CLARA Partnerships. `make demo` serves the site with the CLARA dataset; `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Django 6.1 needs Python >= 3.12: take the first suitable interpreter found.
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV) /root/.pyenv/versions/3.13*/bin/python /root/.pyenv/versions/3.12*/bin/python; do \
	p=$$(command -v $$c 2>/dev/null) || continue; \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)

.PHONY: demo serve install install-dev test test-api bench lint format migrate dataset ror check-python messages clean

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is needed (Django 6.1); none was found on PATH or under pyenv." >&2; \
		echo "Install python3.12 or set PYTHON=/path/to/python3.12." >&2; exit 1; fi

$(VENV)/.installed: pyproject.toml | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet ".[dev]"
	@touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

dataset: migrate
	$(PY) manage.py load_clara_dataset
	$(PY) manage.py ensure_admin

demo: dataset
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The ROR directory of research organisations into the demo database, and CLARA's links to it.
ROR_DUMP ?= ../shared/ror/ror-records-v2.json.gz
ror: dataset
	$(PY) manage.py import_ror $(ROR_DUMP)
	$(PY) manage.py match_ror --apply

# Production settings locally against PostgreSQL (docs/deployment.md), gunicorn on 127.0.0.1.
serve: install
	HOST=$(HOST) PORT=$(PORT) ./deploy/serve-local.sh

# One pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto
test: install-dev
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The API against its own OpenAPI schema: schemathesis, all checks, on the live test server.
test-api: install-dev
	$(PY) -m pytest -m api_schema $(PYTEST_ARGS)

# The benchmark at full scale on PostgreSQL (docs/performance.md); never part of `make test`/CI.
bench: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk; }
	$(PY) scripts/bench/run.py $(BENCH_ARGS)
	$(PY) scripts/bench/affiliations.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install-dev
	$(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles var
