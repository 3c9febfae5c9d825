#!/usr/bin/env bash
# Start the action server (:5055), Rasa (:5005, REST + socket.io) and the web service (:8000).
# Ctrl-C stops all three. Settings come from the environment (README, "Configuration"); their
# defaults and validation are in components/settings.py.
set -uo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
bin=.venv/bin

# The validated settings (defaults filled in, secrets left out) as `export NAME=value` lines;
# an invalid value stops here with the variable's name.
settings=$($bin/python -m components.settings --shell) || exit 1
eval "$settings"
export SANIC_HOST=$ASSISTANT_HOST

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop INT TERM EXIT

# Fail fast on a broken call file, before anything starts.
$bin/python -c "import actions.clock as c; c.check_configuration()" || exit 1

# Channels: REST and socket.io, plus Teams and Slack when their secrets are set (README).
$bin/python -m components.credentials build/credentials.yml || exit 1
# The action server's port in endpoints.yml follows ACTION_PORT.
sed "s#http://127.0.0.1:5055/webhook#http://127.0.0.1:$ACTION_PORT/webhook#" endpoints.yml \
  > build/endpoints.yml

# rasa_sdk directly: `rasa run actions` runs the same server after importing all of Rasa
# (about 75 MB more memory, README "Performance").
$bin/python -m rasa_sdk -p "$ACTION_PORT" --actions actions & pids+=($!)
api=""; [ "$RASA_ENABLE_API" = true ] && api=--enable-api
# components.rasa_cli is `rasa` without loading JAX (about 110 MB less, README "Performance").
$bin/python -m components.rasa_cli run -i "$ASSISTANT_HOST" -p "$RASA_PORT" -m models \
  --endpoints build/endpoints.yml \
  --credentials build/credentials.yml --cors ${ASSISTANT_CORS_ORIGINS//,/ } \
  $api ${RASA_AUTH_TOKEN:+--auth-token "$RASA_AUTH_TOKEN"} & pids+=($!)
# The web service needs no websockets (the widget talks socket.io to Rasa); uvicorn's
# websockets support wants a newer websockets than Rasa 3.6 pins.
$bin/uvicorn web.app:app --host "$ASSISTANT_HOST" --port "$WEB_PORT" --ws none & pids+=($!)

echo "starting: actions :$ACTION_PORT, Rasa :$RASA_PORT, web http://$ASSISTANT_HOST:$WEB_PORT/ (Ctrl-C stops all)"
# Stop everything if one of them dies.
wait -n "${pids[@]}"
echo "a process stopped; stopping the others" >&2
stop
