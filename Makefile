# The two commands of the README: `make run` and `make test`. Both do all set-up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
COOP := source scripts/env.sh && python3 scripts/coop.py

.PHONY: help setup run test test-core newdb update template bench i18n

help:
	@echo "make run    - set up everything, create the demo database 'coopkracht', serve http://localhost:8069"
	@echo "make test   - set up everything, run all tests on a throw-away database"
	@echo "make newdb DB=name        - a development database with all coop addons"
	@echo "make update DB=name ADDONS=coop_x - update addons on a development database"
	@echo "make test ARGS=addons/coop_x/tests - run only some tests"
	@echo "make i18n DB=name ADDONS=coop_x - export terms, merge them into i18n/nl.po"
	@echo "make test-core - Odoo's own tests of the modules we extend, without and with the coop addons"
	@echo "make bench  - the benchmarks under bench/"

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
