# The two commands of the README: `make run` and `make test`. Both do all set-up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
COOP := source scripts/env.sh && python3 scripts/coop.py

.PHONY: help setup run test test-core newdb update template bench i18n backup restore

help:
	@echo "make run    - set up everything, create the demo database 'coopkracht', serve http://localhost:8069"
	@echo "make test   - set up everything, run all tests on a throw-away database"
	@echo "make newdb DB=name        - a development database with all coop addons"
	@echo "make update DB=name ADDONS=coop_x - update addons on a development database"
	@echo "make test ARGS=addons/coop_x/tests - run only some tests"
	@echo "make i18n DB=name ADDONS=coop_x - export terms, merge them into i18n/nl.po"
	@echo "make test-core - Odoo's own tests of the modules we extend, without and with the coop addons"
	@echo "make bench  - the benchmarks under bench/"
	@echo "make backup [DB=coopkracht]            - dump + filestore into backups/<db>-<time>.tar.gz"
	@echo "make restore FILE=backups/x.tar.gz [DB=name] [FORCE=1] - restore a backup (an existing database only with FORCE=1)"

setup:
	@bash scripts/setup.sh

run: setup
	@$(COOP) run

test: setup
	@$(COOP) test $(ARGS)

test-core: setup
	@$(COOP) test-core $(MODULES)

newdb: setup
	@$(COOP) newdb $(DB)

update: setup
	@$(COOP) update $(DB) $(ADDONS)

template: setup
	@$(COOP) template

bench: setup
	@source scripts/env.sh && for b in bench/bench_*.py; do python3 "$$b" || exit 1; done

i18n: setup
	@source scripts/env.sh && python3 scripts/i18n.py $(DB) $(ADDONS)

backup: setup
	@source scripts/env.sh && python3 scripts/backup.py backup --db $(or $(DB),coopkracht)

restore: setup
	@test -n "$(FILE)" || { echo "make restore FILE=backups/<db>-<time>.tar.gz [DB=name] [FORCE=1]"; exit 2; }
	@source scripts/env.sh && python3 scripts/backup.py restore "$(FILE)" $(if $(DB),--db $(DB)) $(if $(FORCE),--force)
