#!/usr/bin/env bash
# The production topology on one host: ASSISTANT_RASA_REPLICAS Rasa replicas (RASA_PORT,
# RASA_PORT+1, ...), one action server, the web service, and nginx in front of them on
# ASSISTANT_PROXY_PORT (config generated into build/nginx/ by components/proxy.py: socket.io
# sticky by client address, REST round robin). The replicas share the tracker database
# (ASSISTANT_DATABASE_URL, PostgreSQL) and the lock store (ASSISTANT_REDIS_URL). Ctrl-C stops all.
set -uo pipefail
source "$(dirname "$0")/common.sh"

# what was set by hand, before the validated settings fill in their defaults
set_public=${ASSISTANT_PUBLIC_RASA_URL:-}; set_cors=${ASSISTANT_CORS_ORIGINS:-}
load_settings
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

write_config
$bin/python -m components.proxy build/nginx >/dev/null || exit 1
"$nginx" -t -q -p build/nginx -c "$PWD/build/nginx/nginx.conf" || exit 1

start_actions
ports=()
for ((i = 0; i < ASSISTANT_RASA_REPLICAS; i++)); do
  port=$((RASA_PORT + i)); ports+=($port)
  start_rasa 127.0.0.1 "$port"
done
$bin/uvicorn web.app:app --host 127.0.0.1 --port "$WEB_PORT" --ws none \
  --proxy-headers --forwarded-allow-ips 127.0.0.1 & pids+=($!)
"$nginx" -p build/nginx -c "$PWD/build/nginx/nginx.conf" -g "daemon off;" & pids+=($!)

echo "starting: actions :$ACTION_PORT, Rasa ${ports[*]}, web :$WEB_PORT, nginx $proxy_url/ (Ctrl-C stops all)"
wait_and_stop
