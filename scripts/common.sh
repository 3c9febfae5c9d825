# Sourced by scripts/run.sh and scripts/run-prod.sh: what both start-ups share.
# shellcheck shell=bash
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
bin=.venv/bin

# The validated settings (defaults filled in, secrets left out) as `export NAME=value` lines;
# an invalid value stops here with the variable's name.
load_settings() {
  local settings
  settings=$($bin/python -m components.settings --shell) || exit 1
  eval "$settings"
}

# Fail fast on a broken call file, write the channels' credentials (REST and socket.io, plus
# Teams and Slack when their secrets are set) and endpoints.yml with the action server's port.
write_config() {
  $bin/python -c "import actions.clock as c; c.check_configuration()" || exit 1
  $bin/python -m components.credentials build/credentials.yml || exit 1
  sed "s#http://127.0.0.1:5055/webhook#http://127.0.0.1:$ACTION_PORT/webhook#" endpoints.yml \
    > build/endpoints.yml
}

# Every process started is in pids; Ctrl-C, or one of them stopping, stops them all. A failed
# start-up step (`exit 1`) keeps its status.
pids=()
stop() {
  local status=${1:-0}
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  exit "$status"
}
trap 'stop 0' INT TERM
trap 'stop $?' EXIT

# rasa_sdk directly: `rasa run actions` runs the same server after importing all of Rasa
# (about 75 MB more memory, README "Performance").
start_actions() {
  $bin/python -m rasa_sdk -p "$ACTION_PORT" --actions actions & pids+=($!)
}

# Rasa on host $1, port $2 (HTTP API only with RASA_ENABLE_API=true, then with the token).
# components.rasa_cli is `rasa` without loading JAX (about 105 MB less, README "Performance").
start_rasa() {
  local api=""
  [ "$RASA_ENABLE_API" = true ] && api=--enable-api
  $bin/python -m components.rasa_cli run -i "$1" -p "$2" -m models \
    --endpoints build/endpoints.yml \
    --credentials build/credentials.yml --cors ${ASSISTANT_CORS_ORIGINS//,/ } \
    $api ${RASA_AUTH_TOKEN:+--auth-token "$RASA_AUTH_TOKEN"} & pids+=($!)
}

wait_and_stop() {
  wait -n "${pids[@]}"
  echo "a process stopped; stopping the others" >&2
  stop
}
