#!/usr/bin/env bash
# make bench (docs/benchmarks.md, "make bench"): generate or reuse the benchmark data, collect
# the static files, then load the main pages on gunicorn with production settings and write the
# figures into docs/benchmarks.md. Usage: scripts/bench/run.sh [small|large] [bench_load args…]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE="${1:-small}"
shift || true
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kasipodaq_bench}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}"
# Production settings (DEBUG off, WhiteNoise, secure cookies, the second factor for chairmen),
# with what a benchmark on 127.0.0.1 needs: plain HTTP, its own static root, the peers.
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="${SECRET_KEY:-bench-only-secret-key-not-for-production}"
export ALLOWED_HOSTS="127.0.0.1,localhost,testserver"
export SECURE_SSL_REDIRECT=False
export CELERY_BROKER_URL="$REDIS_URL"
export STATIC_ROOT="$PWD/var/bench/static"
export MEDIA_ROOT="$PWD/var/bench/media"
export TRUSTED_PROXY_COUNT=0
export BENCH_PEERS=true
PY=.venv/bin/python

if command -v psql >/dev/null 2>&1; then
  db="${DATABASE_URL##*/}"
  base="${DATABASE_URL%/*}"
  psql "$base/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
    || psql "$base/postgres" -qc "CREATE DATABASE \"$db\""
fi
mkdir -p var/bench
start=$(date +%s)
$PY manage.py bench_data --size "$SIZE" --recreate
echo "bench data ready in $(( $(date +%s) - start )) s"
$PY manage.py collectstatic --noinput --verbosity 0
$PY manage.py bench_load --size "$SIZE" "$@"
