#!/usr/bin/env bash
# make restore BACKUP=var/backups/kasipodaq-…: a backup of scripts/backup.sh into a database and
# a media directory, then checked against the backup's manifest. docs/operations.md,
# "Backups and restore".
#
#   scripts/restore.sh BACKUP [--database URL] [--media DIR] [--force]
#
# --database  where to restore (default: DATABASE_URL, from the environment or .env); created
#             when it does not exist.
# --media     where the uploaded files go (default: MEDIA_ROOT, or media/).
# --force     the database holds tables, or the media directory holds files: replace them (the
#             database's public schema is dropped; the old media directory is moved aside to
#             DIR.before-restore-<time>). Without it, either refuses and nothing changes.
# Stop the web, worker and beat processes that use the target first.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
die() { echo "restore: $*" >&2; exit 1; }
usage="usage: scripts/restore.sh BACKUP [--database URL] [--media DIR] [--force]"

backup="" database="" media="" force=""
while [ $# -gt 0 ]; do
  case "$1" in
    --database) [ $# -ge 2 ] || die "$usage"; database=$2; shift 2 ;;
    --media) [ $# -ge 2 ] || die "$usage"; media=$2; shift 2 ;;
    --force) force=--force; shift ;;
    -*) die "unknown option '$1' ($usage)" ;;
    *) [ -z "$backup" ] || die "$usage"; backup=$1; shift ;;
  esac
done
[ -n "$backup" ] || die "$usage"
backup=${backup%/}
for part in database.dump manifest.tsv; do
  [ -f "$backup/$part" ] || die "$backup is not a complete backup (no $part)"
done

from_dotenv() {
  local name=$1
  if [ -z "${!name:-}" ] && [ -f .env ]; then
    local line
    line=$(grep -E "^[[:space:]]*(export[[:space:]]+)?${name}=" .env | tail -n1 || true)
    if [ -n "$line" ]; then
      line=${line#*=}
      line=${line%\"}; line=${line#\"}; line=${line%\'}; line=${line#\'}
      printf -v "$name" '%s' "$line"
    fi
  fi
}
from_dotenv DATABASE_URL
from_dotenv MEDIA_ROOT
database=${database:-${DATABASE_URL:-}}
media=${media:-${MEDIA_ROOT:-media}}
[ -n "$database" ] || die "no target database (--database URL, or DATABASE_URL)"
case "$database" in
  postgres://*|postgresql://*) ;;
  *) die "the target database must be PostgreSQL" ;;
esac
command -v pg_restore >/dev/null || die "pg_restore not found (apt-get install postgresql-client)"

# Refuse before changing anything: a media directory with files, without --force.
has_media=""
[ -f "$backup/media.tar.gz" ] && has_media=1
if [ -n "$has_media" ] && [ -d "$media" ] && [ -n "$(find "$media" -mindepth 1 -print -quit)" ] \
   && [ -z "$force" ]; then
  die "media directory $media is not empty: refusing to restore over it; give an empty one (--media DIR) or add --force"
fi

# The database: created if missing, refused if it holds tables (unless --force).
rc=0
"$PYTHON" scripts/pgbackup.py prepare "$database" $force || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"

echo "restore $backup"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$database" "$backup/database.dump"
"$PYTHON" scripts/pgbackup.py verify "$database" "$backup/manifest.tsv"

if [ -n "$has_media" ]; then
  if [ -d "$media" ] && [ -n "$(find "$media" -mindepth 1 -print -quit)" ]; then
    aside="${media%/}.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv -- "$media" "$aside"
    echo "media: --force, the previous files moved to $aside"
  fi
  mkdir -p "$media"
  tar -C "$media" -xzf "$backup/media.tar.gz"
  if [ -s "$backup/media.sha256" ]; then
    (cd "$media" && sha256sum --quiet --strict -c -) < "$backup/media.sha256" \
      || die "media files differ from the backup's checksums"
  fi
  echo "media verified: $(wc -l < "$backup/media.sha256") files in $media"
elif [ -f "$backup/MEDIA-IN-OBJECT-STORAGE.txt" ]; then
  echo "media: in object storage, not in this backup:"
  cat "$backup/MEDIA-IN-OBJECT-STORAGE.txt"
fi
echo "restored. Next: manage.py migrate (if the code is newer than the backup), then start the services."
