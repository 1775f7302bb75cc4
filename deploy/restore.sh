#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into the service's database (same settings as
# backup.sh: DATASOURCES_DEFAULT_URL + _USERNAME, _PASSWORD, or the running embedded one).
#
#   deploy/restore.sh [--force] BACKUP.dump
#
# The database must be empty (create it first: createdb -O village_points village_points);
# a database that already holds tables is refused unless --force, which drops its public
# schema with everything in it first. The restore is one transaction: all or nothing.
# Objects are owned by the restoring user (--no-owner). Restart the service afterwards.
set -euo pipefail
. "$(dirname "$0")/lib/pg-env.sh"

force=false
if [ "${1:-}" = "--force" ]; then force=true; shift; fi
[ $# -eq 1 ] || die "usage: deploy/restore.sh [--force] BACKUP.dump"
backup="$1"
[ -f "$backup" ] || die "no such backup: $backup"
"$PG_RESTORE" --list "$backup" >/dev/null || die "$backup is not a pg_dump custom-format backup"

tables="$("$PSQL" -X -A -t -v ON_ERROR_STOP=1 -c \
  "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")" \
  || die "cannot connect to $where"
if [ "$tables" != "0" ]; then
  $force || die "$where is not empty ($tables tables): refusing to overwrite it (use --force to replace everything in it)"
  echo "--force: dropping everything in the public schema of $where"
  "$PSQL" -X -q -v ON_ERROR_STOP=1 -c "drop schema public cascade; create schema public;"
fi

"$PG_RESTORE" --dbname="$PGDATABASE" --no-owner --no-acl --exit-on-error --single-transaction \
  "$backup" || die "restore into $where failed (nothing was restored)"
echo "restored $backup into $where"
