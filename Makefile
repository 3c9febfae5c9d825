# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

VENV      := .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
CONFIG    ?= config.yml
SPACY_DIR := $(shell sed -n 's/^  model: \(build\/spacy\/.*\)$$/\1/p' config.yml)
MODEL     := models/assistant.tar.gz
TRAIN_INPUTS := $(CONFIG) domain.yml $(shell find data -name '*.yml') \
                components/input_guard.py components/language.py components/nb_pipeline.py $(SPACY_DIR)/meta.json

.PHONY: help install train run run-prod test bench purge lock clean

help:
	@echo "make run    install, train if needed, start action server :5055, Rasa :5005, web :8000"
	@echo "make run-prod  the same behind nginx with ASSISTANT_RASA_REPLICAS Rasa replicas (PostgreSQL, Redis)"
	@echo "make test   install, train if needed, run the whole suite"
	@echo "make bench  NLU quality, dates, eligibility dialogues and end-to-end answers on held-out data,"
	@echo "            answer latency with the call's facts, stored bytes per conversation,"
	@echo "            latency/throughput/memory against a bare rasa init (bench/results.json)"
	@echo "make purge  delete conversations, tickets and feedback older than the retention settings"

install: $(VENV)/.installed $(SPACY_DIR)/meta.json build/.stamp-browser build/.stamp-proxy \
         build/.stamp-spelling

# Chromium for the browser tests, the widget's npm packages (socket.io-client, axe-core) and
# web/static/vendor/socket.io.min.js; reruns only when the npm manifest or the script changes.
build/.stamp-browser: package.json package-lock.json scripts/install-browser.sh
	@scripts/install-browser.sh
	@mkdir -p build && touch $@

$(VENV)/.installed: pyproject.toml requirements.lock scripts/find-python.sh
	@python=$$(scripts/find-python.sh) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "creating $(VENV) with $$python"; "$$python" -m venv $(VENV) || exit 1; fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23" wheel
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	@touch $@

# nginx for `make run-prod` (Debian's nginx-light, only when missing).
build/.stamp-proxy: scripts/install-proxy.sh
	@scripts/install-proxy.sh
	@mkdir -p build && touch $@

# hunspell with Debian's nb_NO and nn_NO dictionaries (hunspell-no) for the spelling test,
# only when missing.
build/.stamp-spelling: scripts/install-spelling.sh
	@scripts/install-spelling.sh
	@mkdir -p build && touch $@

# The offline Norwegian spaCy pipeline (blank nb + Norsk Ordbank and nynorsk lemmas).
$(SPACY_DIR)/meta.json: $(VENV)/.installed components/nb_pipeline.py
	$(PY) -m components.nb_pipeline $(SPACY_DIR)

# Trains only when data, domain, config or the language pipeline changed.
train: install $(MODEL)

$(MODEL): $(TRAIN_INPUTS)
	$(RASA) train --config $(CONFIG) --fixed-model-name assistant --out models --quiet

run: train
	@scripts/run.sh

# Production topology on one host: ASSISTANT_RASA_REPLICAS Rasa replicas, actions, web, nginx
# (README "Scale-out"); needs ASSISTANT_DATABASE_URL (PostgreSQL) and ASSISTANT_REDIS_URL.
run-prod: train
	@scripts/run-prod.sh

test: train
	@scripts/test.sh

bench: train
	-$(PY) bench/bench_nlu.py
	-$(PY) bench/bench_dates.py
	-$(PY) bench/bench_language.py
	-$(PY) bench/bench_dialogues.py
	-$(PY) bench/bench_answers.py
	-$(PY) bench/bench_nlg.py
	-$(PY) bench/bench_stored.py
	-$(PY) bench/bench_staff.py
	-$(PY) bench/bench_latency.py

# Retention (README "Personvern og lagring"): needs only the venv and the database of
# ASSISTANT_DATABASE_URL; the web service also runs it once a day.
purge: $(VENV)/.installed
	$(PY) -m components.retention purge

# Re-resolve every dependency together with rasa in a fresh venv and freeze it.
lock:
	rm -rf build/lock-venv
	"$$(scripts/find-python.sh)" -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet -e ".[test]"
	{ head -2 requirements.lock; build/lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build models results .pytest_cache
