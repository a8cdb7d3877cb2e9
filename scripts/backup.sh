#!/usr/bin/env bash
# make backup: one consistent backup of the database and the uploaded files, then retention.
# docs/operations.md, "Backups and restore".
#
#   scripts/backup.sh               back up, then prune old backups
#   scripts/backup.sh --prune-only  prune only
#
# Environment (read from .env when not set):
#   DATABASE_URL         PostgreSQL to back up (required)
#   MEDIA_ROOT           uploaded files (default: media/); skipped with FILE_STORAGE=s3
#   FILE_STORAGE         filesystem (default) or s3: the bucket is not copied (see the docs)
#   BACKUP_DIR           where backups go (default: var/backups)
#   BACKUP_KEEP_DAILY    newest backup of each of the last N days that have one (default 7)
#   BACKUP_KEEP_MONTHLY  newest backup of each of the last M months that have one (default 12)
#
# A backup is a directory BACKUP_DIR/kasipodaq-<UTC time>/ with
#   database.dump   pg_dump --format=custom (pg_restore reads it)
#   manifest.tsv    every table's row count and checksum, from the dump's own snapshot
#   media.tar.gz    MEDIA_ROOT, and media.sha256 the checksum of every file in it
#                   (or MEDIA-IN-OBJECT-STORAGE.txt with FILE_STORAGE=s3)
# It is written under a .partial name and renamed when complete: retention and restore never
# see half a backup.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

from_dotenv() {  # the value of $1 in .env, if the environment does not set it
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
for var in DATABASE_URL MEDIA_ROOT FILE_STORAGE BACKUP_DIR BACKUP_KEEP_DAILY BACKUP_KEEP_MONTHLY; do
  from_dotenv "$var"
done
MEDIA_ROOT=${MEDIA_ROOT:-media}
FILE_STORAGE=${FILE_STORAGE:-filesystem}
BACKUP_DIR=${BACKUP_DIR:-var/backups}
BACKUP_KEEP_DAILY=${BACKUP_KEEP_DAILY:-7}
BACKUP_KEEP_MONTHLY=${BACKUP_KEEP_MONTHLY:-12}

die() { echo "backup: $*" >&2; exit 1; }
[[ $BACKUP_KEEP_DAILY =~ ^[0-9]+$ && $BACKUP_KEEP_DAILY -ge 1 ]] \
  || die "BACKUP_KEEP_DAILY must be a whole number of at least 1, not '$BACKUP_KEEP_DAILY'"
[[ $BACKUP_KEEP_MONTHLY =~ ^[0-9]+$ ]] \
  || die "BACKUP_KEEP_MONTHLY must be a whole number, not '$BACKUP_KEEP_MONTHLY'"

# Retention: walk the backups newest first; keep the first of each day while fewer than
# BACKUP_KEEP_DAILY days are kept, and the first of each month while fewer than
# BACKUP_KEEP_MONTHLY months are kept; delete the rest. Leftover .partial directories (a backup
# that was interrupted) older than a day go too.
prune() {
  [ -d "$BACKUP_DIR" ] || return 0
  local -A days=() months=()
  local name day month keep
  while IFS= read -r name; do
    day=${name:10:10} month=${name:10:7} keep=""
    if [ -z "${days[$day]:-}" ] && [ "${#days[@]}" -lt "$BACKUP_KEEP_DAILY" ]; then
      days[$day]=1 keep=daily
    fi
    if [ -z "${months[$month]:-}" ] && [ "${#months[@]}" -lt "$BACKUP_KEEP_MONTHLY" ]; then
      months[$month]=1 keep="${keep:+$keep+}monthly"
    fi
    if [ -n "$keep" ]; then
      echo "keep   $name ($keep)"
    else
      echo "delete $name"
      rm -rf -- "${BACKUP_DIR:?}/$name"
    fi
  done < <(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d \
             -regextype posix-extended -regex '.*/kasipodaq-[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z' \
             -printf '%f\n' | LC_ALL=C sort -r)
  find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'kasipodaq-*.partial' -mtime +0 \
    -exec rm -rf -- {} + 2>/dev/null || true
}

if [ "${1:-}" = "--prune-only" ]; then
  prune
  exit 0
fi
[ $# -eq 0 ] || die "unknown argument '$1' (usage: scripts/backup.sh [--prune-only])"

[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set (environment or .env)"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) die "DATABASE_URL is not PostgreSQL; with SQLite (make run) copy db.sqlite3 and media/ instead" ;;
esac
command -v pg_dump >/dev/null || die "pg_dump not found (apt-get install postgresql-client)"

mkdir -p "$BACKUP_DIR"
name="kasipodaq-$(date -u +%Y-%m-%dT%H%M%SZ)"
target="$BACKUP_DIR/$name"
[ ! -e "$target" ] || die "$target exists already (two backups in one second?)"
work="$target.partial"
rm -rf -- "$work"
mkdir -m 700 "$work"
trap 'rm -rf -- "$work"' EXIT

echo "backup $name"
"$PYTHON" scripts/pgbackup.py dump "$DATABASE_URL" "$work/database.dump" "$work/manifest.tsv"

if [ "$FILE_STORAGE" = "s3" ]; then
  cat > "$work/MEDIA-IN-OBJECT-STORAGE.txt" <<EOF
Uploads are in the S3 bucket ${S3_BUCKET:-(S3_BUCKET)} (FILE_STORAGE=s3), not in this backup.
Keep versioning (and the provider's replication or backup) on for that bucket; objects are
never overwritten (generated names), so the database of this backup matches the bucket's
objects as of $(date -u +%Y-%m-%dT%H:%M:%SZ). docs/operations.md, "Backups and restore".
EOF
  echo "media: in object storage (not copied)"
elif [ -d "$MEDIA_ROOT" ]; then
  (cd "$MEDIA_ROOT" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum) \
    > "$work/media.sha256"
  tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" .
  echo "media: $(wc -l < "$work/media.sha256") files from $MEDIA_ROOT"
else
  echo "media: $MEDIA_ROOT does not exist, nothing uploaded yet"
  : > "$work/media.sha256"
  tar -czf "$work/media.tar.gz" -T /dev/null
fi

mv -- "$work" "$target"
trap - EXIT
echo "written: $target ($(du -sh "$target" | cut -f1))"
prune
