#!/usr/bin/env bash
# The production topology on one host: ASSISTANT_RASA_REPLICAS Rasa replicas (RASA_PORT,
# RASA_PORT+1, ...), one action server, the web service, and nginx in front of them on
# ASSISTANT_PROXY_PORT (config generated into build/nginx/ by components/proxy.py: socket.io
# sticky by client address, REST round robin). The replicas share the tracker database
# (ASSISTANT_DATABASE_URL, PostgreSQL) and the lock store (ASSISTANT_REDIS_URL). Ctrl-C stops all.
set -uo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
bin=.venv/bin

# what was set by hand, before the validated settings fill in their defaults
set_public=${ASSISTANT_PUBLIC_RASA_URL:-}; set_cors=${ASSISTANT_CORS_ORIGINS:-}
settings=$($bin/python -m components.settings --shell) || exit 1
eval "$settings"
export SANIC_HOST=127.0.0.1
host=$ASSISTANT_HOST; [ "$host" = 0.0.0.0 ] && host=localhost
proxy_url="http://$host:$ASSISTANT_PROXY_PORT"
# Browsers reach Rasa through the proxy, on the page's own origin. The web service's own calls
# (/readyz, /api/chat) go to ASSISTANT_RASA_URL, by default the first replica.
export ASSISTANT_PUBLIC_RASA_URL=${set_public:-$proxy_url}
export ASSISTANT_CORS_ORIGINS=${set_cors:-$proxy_url,$ASSISTANT_CORS_ORIGINS}

nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  echo "run-prod: nginx is missing; scripts/install-proxy.sh (make install) installs it" >&2
  exit 1
fi

$bin/python -c "import actions.clock as c; c.check_configuration()" || exit 1
$bin/python -m components.credentials build/credentials.yml || exit 1
$bin/python -m components.proxy build/nginx >/dev/null || exit 1
"$nginx" -t -q -p build/nginx -c "$PWD/build/nginx/nginx.conf" || exit 1
sed "s#http://127.0.0.1:5055/webhook#http://127.0.0.1:$ACTION_PORT/webhook#" endpoints.yml \
  > build/endpoints.yml

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop INT TERM EXIT

$bin/python -m rasa_sdk -p "$ACTION_PORT" --actions actions & pids+=($!)  # as scripts/run.sh
api=""; [ "$RASA_ENABLE_API" = true ] && api=--enable-api
ports=()
for ((i = 0; i < ASSISTANT_RASA_REPLICAS; i++)); do
  port=$((RASA_PORT + i)); ports+=($port)
  $bin/python -m components.rasa_cli run -i 127.0.0.1 -p "$port" -m models \
    --endpoints build/endpoints.yml \
    --credentials build/credentials.yml --cors ${ASSISTANT_CORS_ORIGINS//,/ } \
    $api ${RASA_AUTH_TOKEN:+--auth-token "$RASA_AUTH_TOKEN"} & pids+=($!)
done
$bin/uvicorn web.app:app --host 127.0.0.1 --port "$WEB_PORT" --ws none \
  --proxy-headers --forwarded-allow-ips 127.0.0.1 & pids+=($!)
"$nginx" -p build/nginx -c "$PWD/build/nginx/nginx.conf" -g "daemon off;" & pids+=($!)

echo "starting: actions :$ACTION_PORT, Rasa ${ports[*]}, web :$WEB_PORT, nginx $proxy_url/ (Ctrl-C stops all)"
wait -n "${pids[@]}"
echo "a process stopped; stopping the others" >&2
stop
