#!/usr/bin/env bash
# Validates deploy/ with whatever tools this machine has, and says what it could not check.
#   systemd units   systemd-analyze verify (required: fails when the tool is missing)
#   compose.yaml    docker compose config -q, with env.example; without docker compose, a
#                   structural check in Python (services, images, volumes, dependencies)
#   nginx.conf      nginx -t on a copy that points at a local upstream and a throw-away
#                   certificate (openssl)
#   gunicorn.conf   loaded by gunicorn --check-config
# Used by .ci/run ("Deploy files"). docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV_BIN=${VENV_BIN:-$ROOT/.venv/bin}
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
checked=() skipped=()

echo "--- systemd units"
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not found: cannot check the units" >&2; exit 1; }
# The units name the installed paths (/srv/kasipodaq/app/.venv/bin/…); verify them against this
# checkout's virtualenv, so a command that does not exist is still an error.
mkdir -p "$tmp/systemd"
for unit in deploy/systemd/*.service deploy/systemd/*.timer; do
  sed -e "s#/srv/kasipodaq/app/.venv/bin#$VENV_BIN#g" "$unit" > "$tmp/systemd/$(basename "$unit")"
done
out=$(cd "$tmp/systemd" && systemd-analyze verify --man=no ./*.service ./*.timer 2>&1) || {
  echo "$out" >&2; echo "systemd-analyze verify: FAILED" >&2; exit 1; }
# verify exits 0 on some warnings; any line naming one of our units is a finding.
if grep -E "kasipodaq-[a-z]+\.(service|timer)" <<<"$out"; then
  echo "systemd-analyze verify: warnings above" >&2; exit 1
fi
echo "systemd-analyze verify: $(ls "$tmp/systemd" | wc -l) units OK"
checked+=("systemd units")

echo "--- gunicorn.conf.py"
if [ -x "$VENV_BIN/gunicorn" ]; then
  (cd "$ROOT" && DJANGO_SETTINGS_MODULE=config.settings.test \
    "$VENV_BIN/gunicorn" --check-config --config deploy/gunicorn.conf.py config.wsgi)
  echo "gunicorn --check-config: OK"
  checked+=("gunicorn config")
else
  echo "gunicorn: not available ($VENV_BIN/gunicorn), NOT CHECKED"
  skipped+=("gunicorn config")
fi

echo "--- compose.yaml"
if docker compose version >/dev/null 2>&1; then
  docker compose -f deploy/compose.yaml --env-file deploy/env.example config -q
  echo "docker compose config: OK"
  checked+=("compose (docker compose config)")
else
  echo "docker compose: not available; structural check only"
  "$VENV_BIN/python" - deploy/compose.yaml <<'PY'
import re
import sys

import yaml

path = sys.argv[1]
doc = yaml.safe_load(open(path, encoding="utf-8"))
services, volumes = doc["services"], set(doc.get("volumes") or {})
problems = []
need = {"web", "worker", "beat", "postgres", "redis", "nginx"}
if missing := need - set(services):
    problems.append(f"services missing: {sorted(missing)}")
for name, svc in services.items():
    if not (svc.get("image") or svc.get("build")):
        problems.append(f"{name}: neither image nor build")
    for dep in svc.get("depends_on") or {}:
        if dep not in services:
            problems.append(f"{name}: depends on unknown service {dep}")
    for mount in svc.get("volumes") or []:
        source = mount.split(":", 1)[0]
        if not source.startswith((".", "/")) and source not in volumes:
            problems.append(f"{name}: volume {source} is not declared")
    if "command" not in svc and name in {"web", "worker", "beat"}:
        problems.append(f"{name}: no command")
beats = [n for n, s in services.items() if " beat" in str(s.get("command", ""))]
if beats != ["beat"]:
    problems.append(f"exactly one beat service expected, found {beats}")
web = " ".join(map(str, services["web"]["command"]))
if "--max-requests" not in web or "--max-requests-jitter" not in web:
    problems.append("web: gunicorn without --max-requests and --max-requests-jitter")
text = open(path, encoding="utf-8").read()
for variable in sorted(set(re.findall(r"\$\{([A-Z_]+)", text))):
    example = open("deploy/env.example", encoding="utf-8").read()
    if not re.search(rf"^{variable}=", example, re.M):
        problems.append(f"${{{variable}}} is not in deploy/env.example")
for problem in problems:
    print(f"compose.yaml: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"compose.yaml: {len(services)} services, {len(volumes)} volumes, structure OK")
PY
  checked+=("compose (structure)")
  skipped+=("docker compose config (docker compose not installed)")
fi

echo "--- nginx.conf"
if command -v nginx >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
  mkdir -p "$tmp/nginx/tls" "$tmp/nginx/logs"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=check.invalid" \
    -keyout "$tmp/nginx/tls/privkey.pem" -out "$tmp/nginx/tls/fullchain.pem" 2>/dev/null
  # The compose network's `web` host does not exist here, nor do the log folders.
  sed -e "s#server web:8000;#server 127.0.0.1:8000;#" \
      -e "s#/etc/nginx/tls/#$tmp/nginx/tls/#g" \
      -e "s#/var/log/nginx/#$tmp/nginx/logs/#g" \
      -e "s#/var/run/nginx.pid#$tmp/nginx/nginx.pid#" \
      deploy/nginx.conf > "$tmp/nginx/nginx.conf"
  grep -q "internal;" "$tmp/nginx/nginx.conf" || { echo "nginx.conf: no internal location" >&2; exit 1; }
  nginx -t -q -e "$tmp/nginx/logs/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" \
    || { cat "$tmp/nginx/logs/error.log" >&2 2>/dev/null; exit 1; }
  echo "nginx -t: OK ($(nginx -v 2>&1))"
  checked+=("nginx config")
elif [ "${CI:-}" = "true" ]; then
  echo "nginx or openssl not installed: CI installs nginx-light (.ci/run), nothing may skip" >&2
  exit 1
else
  echo "nginx or openssl: not available, NOT CHECKED"
  skipped+=("nginx -t (nginx not installed)")
fi

echo
echo "checked: ${checked[*]/%/;}"
if [ ${#skipped[@]} -gt 0 ]; then
  echo "not checked: ${skipped[*]/%/;}"
fi
