#!/usr/bin/env bash
# The whole suite: data validation, pytest (domain, actions, NLU floor, running servers),
# and Rasa's dialogue test stories on the trained model.
set -uo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
bin=.venv/bin
status=0
step() { echo; echo "=== $*"; }

step "rasa data validate --fail-on-warnings"
$bin/rasa data validate --fail-on-warnings --quiet || status=1

step "rasa test: tests/test_stories.yml (--fail-on-prediction-errors)"
rm -rf results
$bin/rasa test core --stories tests/test_stories.yml -m models/assistant.tar.gz \
  --fail-on-prediction-errors --out results/stories --quiet || status=1

step "pytest"
$bin/python -m pytest -q -p no:cacheprovider
rc=$?
[ $rc -eq 0 ] || status=1

echo
if [ $status -eq 0 ]; then echo "make test: all passed"; else echo "make test: FAILED"; fi
exit $status
