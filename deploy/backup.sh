#!/usr/bin/env bash
# Backs up the Village Points database: pg_dump in custom format (compressed, restorable
# table by table) into a directory, as village-points-<UTC time>.dump, keeping the newest N.
#
#   deploy/backup.sh [DIRECTORY]        default: $VP_BACKUP_DIR, else ./backups
#
# The database is the service's: DATASOURCES_DEFAULT_URL (+ _USERNAME, _PASSWORD), run with
# the same environment as the service (set -a; . /etc/village-points.env; set +a); without
# it, the embedded PostgreSQL of the running service in $VP_DATA_DIR (default ./data).
# VP_BACKUP_KEEP (default 14) newest backups are kept; older ones are deleted. A backup is
# written under a temporary name and checked with pg_restore --list before it counts.
set -euo pipefail
. "$(dirname "$0")/lib/pg-env.sh"

dir="${1:-${VP_BACKUP_DIR:-./backups}}"
keep="${VP_BACKUP_KEEP:-14}"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "VP_BACKUP_KEEP must be a positive number"
mkdir -p "$dir"
file="$dir/village-points-$(date -u +%Y%m%dT%H%M%S%3NZ).dump"
tmp="$file.partial"
trap 'rm -f "$tmp"' EXIT

"$PG_DUMP" --format=custom --compress=6 --file="$tmp" || die "pg_dump of $where failed"
"$PG_RESTORE" --list "$tmp" >/dev/null || die "the new backup cannot be read back"
mv "$tmp" "$file"
trap - EXIT
echo "backup of $where: $file ($(du -h "$file" | cut -f1))"

ls -1 "$dir"/village-points-*.dump | sort -r | tail -n +$((keep + 1)) | while read -r old; do
  rm -f -- "$old"
  echo "removed old backup $old"
done
