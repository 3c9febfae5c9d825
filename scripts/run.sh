#!/usr/bin/env bash
# Start the action server (:5055), Rasa (:5005, REST + socket.io) and the web service (:8000).
# Ctrl-C stops all three. Settings come from the environment (README, "Configuration").
set -uo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
HOST=${ASSISTANT_HOST:-127.0.0.1}
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8000}
export SANIC_HOST=$HOST ASSISTANT_RASA_URL=${ASSISTANT_RASA_URL:-http://127.0.0.1:$RASA_PORT}
# Origins allowed to call Rasa and the JSON API from a browser (comma-separated).
export ASSISTANT_CORS_ORIGINS=${ASSISTANT_CORS_ORIGINS:-http://127.0.0.1:$WEB_PORT,http://localhost:$WEB_PORT}
export ASSISTANT_ACTION_URL=${ASSISTANT_ACTION_URL:-http://127.0.0.1:$ACTION_PORT}
bin=.venv/bin

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop INT TERM EXIT

# Fail fast on a broken call file or ASSISTANT_NOW, before anything starts.
$bin/python -c "import actions.clock as c; c.check_configuration()" || exit 1

# Channels: REST and socket.io, plus Teams and Slack when their secrets are set (README).
$bin/python -m components.credentials build/credentials.yml || exit 1
# The action server's port in endpoints.yml follows ACTION_PORT.
sed "s#http://127.0.0.1:5055/webhook#http://127.0.0.1:$ACTION_PORT/webhook#" endpoints.yml \
  > build/endpoints.yml

$bin/rasa run actions -p "$ACTION_PORT" --actions actions & pids+=($!)
$bin/rasa run -i "$HOST" -p "$RASA_PORT" -m models --endpoints build/endpoints.yml \
  --credentials build/credentials.yml --cors ${ASSISTANT_CORS_ORIGINS//,/ } \
  ${RASA_ENABLE_API:+--enable-api} ${RASA_AUTH_TOKEN:+--auth-token "$RASA_AUTH_TOKEN"} & pids+=($!)
# The web service needs no websockets (the widget talks socket.io to Rasa); uvicorn's
# websockets support wants a newer websockets than Rasa 3.6 pins.
$bin/uvicorn web.app:app --host "$HOST" --port "$WEB_PORT" --ws none & pids+=($!)

echo "starting: actions :$ACTION_PORT, Rasa :$RASA_PORT, web http://$HOST:$WEB_PORT/ (Ctrl-C stops all)"
# Stop everything if one of them dies.
wait -n "${pids[@]}"
echo "a process stopped; stopping the others" >&2
stop
