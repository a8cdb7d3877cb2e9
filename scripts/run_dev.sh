#!/usr/bin/env bash
# `make run`: the web app, a Celery worker and Celery beat, stopped together by Ctrl-C.
set -uo pipefail
BIN=.venv/bin
ADDR=${RUN_ADDR:-127.0.0.1:8000}
pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap stop INT TERM EXIT

"$BIN/celery" -A config worker --pool solo --loglevel INFO --hostname "worker@%h" &
pids+=($!)
"$BIN/celery" -A config beat --loglevel INFO &
pids+=($!)
"$BIN/python" manage.py runserver "$ADDR" &
pids+=($!)
# The Telegram simulator (docs/telegram.md) beside the app, unless a real Bot API is configured;
# the command itself refuses to run under settings that do not allow it (production).
if [[ -z "${TELEGRAM_API_BASE_URL:-}" || "${TELEGRAM_API_BASE_URL}" == http://127.* ]]; then
  "$BIN/python" manage.py telegram_simulator &
  pids+=($!)
  echo "Telegram: the local simulator (not Telegram) runs beside the app."
fi
echo "Serving on http://$ADDR/ with a Celery worker and beat. Ctrl-C stops them all."
# When any of the three exits, stop the others.
wait -n
