# Two commands do all set-up: `make run` (the app with demo data) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ADDR   ?= 127.0.0.1:8000
BENCH_SIZE ?= small

.PHONY: run test install system-check migrate translations demo lint format messages lock check clean bench

run: install migrate translations demo
	RUN_ADDR=$(ADDR) bash scripts/run_dev.sh

test: install translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: system-check $(STAMP)

system-check:
	@$(PYTHON) scripts/check_system.py

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[dev]"
	touch $(STAMP)

migrate:
	$(BIN)/python manage.py migrate --noinput

translations:
	$(BIN)/python manage.py compiletranslations

demo:
	$(BIN)/python manage.py load_demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract messages after changing user-facing strings (needs GNU gettext), then translate
# the new entries in locale/kk and locale/ru.
messages: install
	$(BIN)/python manage.py makemessages -l kk -l ru --no-location --ignore=.venv --ignore=static --ignore=tests

# Regenerate the lock file from a clean environment after changing pyproject.toml.
lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -e ".[dev]"
	(echo "# Exact versions of every dependency (make lock regenerates it from pyproject.toml)."; \
	 /tmp/lock-venv/bin/pip freeze --exclude-editable | grep -v kasipodaq) > requirements/lock.txt

# What CI checks besides the tests.
check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

# The whole product under load (docs/benchmarks.md, "make bench"): generate or reuse the data set
# (BENCH_SIZE=small|large) in BENCH_DATABASE_URL (default kasipodaq_bench), run gunicorn and load
# every main page against its peers, write the figures. Not part of `make test` or CI.
bench: install translations
	bash scripts/bench/run.sh $(BENCH_SIZE) $(BENCH_ARGS)

# Backups (docs/operations.md, "Backups and restore"): database dump + uploaded files + manifest,
# then retention (BACKUP_KEEP_DAILY, BACKUP_KEEP_MONTHLY). `make restore BACKUP=var/backups/…`
# restores into DATABASE_URL/MEDIA_ROOT (or RESTORE_ARGS="--database URL --media DIR"), refusing
# a non-empty target unless RESTORE_ARGS contains --force.
.PHONY: backup restore
backup:
	bash scripts/backup.sh

restore:
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/kasipodaq-… [RESTORE_ARGS=…]"; exit 2; }
	bash scripts/restore.sh "$(BACKUP)" $(RESTORE_ARGS)

clean:
	rm -rf $(VENV) var staticfiles db.sqlite3 db.sqlite3-* locale/*/LC_MESSAGES/*.mo
