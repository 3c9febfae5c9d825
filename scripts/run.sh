#!/usr/bin/env bash
# Start the action server (:5055), Rasa (:5005, REST + socket.io) and the web service (:8000).
# Ctrl-C stops all three. Settings come from the environment (README, "Configuration"); their
# defaults and validation are in components/settings.py.
set -uo pipefail
source "$(dirname "$0")/common.sh"

load_settings
export SANIC_HOST=$ASSISTANT_HOST
write_config

start_actions
start_rasa "$ASSISTANT_HOST" "$RASA_PORT"
# The web service needs no websockets (the widget talks socket.io to Rasa); uvicorn's
# websockets support wants a newer websockets than Rasa 3.6 pins.
$bin/uvicorn web.app:app --host "$ASSISTANT_HOST" --port "$WEB_PORT" --ws none & pids+=($!)

echo "starting: actions :$ACTION_PORT, Rasa :$RASA_PORT, web http://$ASSISTANT_HOST:$WEB_PORT/ (Ctrl-C stops all)"
wait_and_stop
