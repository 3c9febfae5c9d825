#!/bin/sh
# Start one server of the assistant in a container, as scripts/run.sh does: `assistant rasa`,
# `assistant actions` or `assistant web`. Settings are validated first (an invalid value stops
# here, naming the variable); Rasa finds the action server at ASSISTANT_ACTION_URL.
set -eu
settings=$(python -m components.settings --shell) || exit 1
eval "$settings"
export SANIC_HOST="$ASSISTANT_HOST"
case "${1:-}" in
  rasa)
    python -m components.credentials build/credentials.yml
    sed "s#http://127.0.0.1:5055#${ASSISTANT_ACTION_URL}#" endpoints.yml > build/endpoints.yml
    set -- python -m components.rasa_cli run -i "$ASSISTANT_HOST" -p "$RASA_PORT" -m models \
      --endpoints build/endpoints.yml --credentials build/credentials.yml \
      --cors $(echo "$ASSISTANT_CORS_ORIGINS" | tr ',' ' ')
    if [ "$RASA_ENABLE_API" = true ]; then
      exec "$@" --enable-api --auth-token "$RASA_AUTH_TOKEN"
    fi
    exec "$@" ;;
  actions)
    python -c "import actions.clock as c; c.check_configuration()"
    exec python -m rasa_sdk -p "$ACTION_PORT" --actions actions ;;  # `rasa run actions` without Rasa
  web)
    exec uvicorn web.app:app --host "$ASSISTANT_HOST" --port "$WEB_PORT" --ws none \
      --proxy-headers --forwarded-allow-ips '*' ;;
  *)
    echo "usage: assistant rasa|actions|web" >&2; exit 64 ;;
esac
