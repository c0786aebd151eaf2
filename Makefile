# Two commands for a newcomer: `make run` (try the platform) and `make test` (the whole suite on PostgreSQL).
SHELL := /bin/bash
.DEFAULT_GOAL := help
.SHELLFLAGS := -eu -o pipefail -c

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# `make run` uses an embedded SQLite database under the git-ignored var/ folder, with DEBUG on.
RUN_ENV := DEBUG=true DATABASE_URL=sqlite:///$(CURDIR)/var/db.sqlite3
# `make test` uses PostgreSQL; DATABASE_URL may point elsewhere.
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/ondernemend
# Security lint: medium and high findings fail; bandit's notes on lines it was told to skip are left out.
BANDIT := $(VENV)/bin/bandit -q -c pyproject.toml -ll -r ondernemend initiatives workshops challenge \
	2> >(grep -v 'nosec encountered' >&2)
TEST_ENV := DATABASE_URL=$(DATABASE_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true
PO_FILES := $(shell find locale ondernemend initiatives workshops challenge -name '*.po' 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: help setup run test lint format messages clean lock

help:
	@echo "make run    set everything up and serve the platform with demo data on http://127.0.0.1:$(PORT)/"
	@echo "make test   set everything up and run the whole test suite on PostgreSQL (with browser tests)"
	@echo "make setup  only the shared set-up: .venv, Python and front-end packages, translations"
	@echo "make lint   ruff, the import contracts and bandit;  make messages  update the translation files;  make clean  remove what set-up made"
	@echo "make lock   pin the whole Python dependency tree in requirements.lock after changing pyproject.toml"

setup: $(VENV)/.installed static/vendor/.installed $(MO_FILES)

$(VENV)/.python:
	@python=$$(scripts/find-python.sh); \
	if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Replacing .venv: it was made with a Python older than 3.12."; rm -rf $(VENV); fi; \
	[ -x $(PY) ] || { echo "Creating .venv with $$python"; "$$python" -m venv $(VENV); }; \
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip; \
	touch $@

$(VENV)/.installed: pyproject.toml requirements.lock scripts/requirements.py | $(VENV)/.python
	$(PY) scripts/requirements.py | $(PY) -m pip install --quiet --disable-pip-version-check -r /dev/stdin -c requirements.lock
	touch $@

$(VENV)/.test-installed: pyproject.toml requirements.lock scripts/requirements.py $(VENV)/.installed
	$(PY) scripts/requirements.py test | $(PY) -m pip install --quiet --disable-pip-version-check -r /dev/stdin -c requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for the front-end packages: install Node.js 20 or newer." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.installed: node_modules/.installed scripts/vendor-static.sh
	scripts/vendor-static.sh

%.mo: %.po $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "GNU gettext (msgfmt) is needed to compile translations: apt-get install gettext" >&2; exit 1; }
	msgfmt --check -o $@ $<

var/db.sqlite3: $(VENV)/.installed
	mkdir -p var

run: setup var/db.sqlite3
	$(RUN_ENV) $(PY) manage.py migrate --verbosity 0
	$(RUN_ENV) $(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	$(RUN_ENV) $(PY) manage.py runserver --skip-checks 127.0.0.1:$(PORT)

test: setup $(VENV)/.test-installed
	@DATABASE_URL=$(DATABASE_URL) scripts/ensure-postgres.sh
	@scripts/ensure-redis.sh
	@chromium=$$(scripts/ensure-chromium.sh | tail -n 1); \
	echo "Browser tests use $$chromium"; \
	$(VENV)/bin/ruff check . ; \
	$(VENV)/bin/ruff format --check . ; \
	$(VENV)/bin/lint-imports ; \
	$(BANDIT) ; \
	$(TEST_ENV) CHROMIUM_PATH=$$chromium $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports && $(BANDIT)

format: $(VENV)/.test-installed
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l nl --no-obsolete --no-location \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=static/vendor --ignore=tests --ignore=scripts
	$(PY) manage.py makemessages -d djangojs -l nl --no-obsolete --no-location \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=static/vendor --ignore=tests

clean:
	rm -rf $(VENV) node_modules static/vendor var
	find . -name '*.mo' -not -path './.venv/*' -delete

# Pin the whole dependency tree: install pyproject.toml's choices (with the test extra) into a throw-away venv
# and write every installed package's version to requirements.lock.
lock: $(VENV)/.python
	@tmp=$$(mktemp -d); $(PY) -m venv $$tmp/venv; \
	$(PY) scripts/requirements.py test | $$tmp/venv/bin/pip install --quiet --disable-pip-version-check -r /dev/stdin; \
	{ sed -n '1,2p' requirements.lock; $$tmp/venv/bin/pip freeze; } > requirements.lock.new; \
	mv requirements.lock.new requirements.lock; rm -rf $$tmp; echo "requirements.lock written"
