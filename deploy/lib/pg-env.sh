# Sourced by backup.sh and restore.sh: points libpq (PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD, PGSSLMODE) at the service's database, read from the same settings the service
# uses, and finds pg_dump/pg_restore (the newest installed PostgreSQL client, so that it is
# at least as new as the server).
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

url="${DATASOURCES_DEFAULT_URL:-}"
if [ -n "$url" ]; then
  rest="${url#jdbc:postgresql://}"
  [ "$rest" != "$url" ] || die "DATASOURCES_DEFAULT_URL must look like jdbc:postgresql://host:port/database"
  hostport="${rest%%/*}"
  database="${rest#*/}"
  query=""
  case "$database" in *\?*) query="${database#*\?}"; database="${database%%\?*}" ;; esac
  [ -n "$database" ] && [ "$database" != "$rest" ] || die "no database name in DATASOURCES_DEFAULT_URL"
  export PGHOST="${hostport%%:*}" PGDATABASE="$database"
  if [ "$hostport" != "${hostport#*:}" ]; then export PGPORT="${hostport##*:}"; else export PGPORT=5432; fi
  case "&$query&" in *'&sslmode='*) sslmode="${query#*sslmode=}"; export PGSSLMODE="${sslmode%%&*}" ;; esac
  [ -z "${DATASOURCES_DEFAULT_USERNAME:-}" ] || export PGUSER="$DATASOURCES_DEFAULT_USERNAME"
  [ -z "${DATASOURCES_DEFAULT_PASSWORD:-}" ] || export PGPASSWORD="$DATASOURCES_DEFAULT_PASSWORD"
  where="$PGHOST:$PGPORT/$PGDATABASE"
else
  # The embedded PostgreSQL runs inside the service: its port is in postmaster.pid (line 4).
  pidfile="${VP_DATA_DIR:-./data}/postgres/postmaster.pid"
  [ -f "$pidfile" ] || die "DATASOURCES_DEFAULT_URL is not set and no embedded PostgreSQL is running in ${VP_DATA_DIR:-./data}/postgres: start the service first (or set DATASOURCES_DEFAULT_URL)"
  export PGHOST=127.0.0.1 PGPORT="$(sed -n 4p "$pidfile")" PGDATABASE=postgres PGUSER=postgres
  where="embedded PostgreSQL in ${VP_DATA_DIR:-./data}/postgres (port $PGPORT)"
fi

pg_bin="${VP_PG_BIN:-}"
if [ -z "$pg_bin" ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
fi
if [ -n "$pg_bin" ] && [ -x "$pg_bin/pg_dump" ]; then
  PG_DUMP="$pg_bin/pg_dump" PG_RESTORE="$pg_bin/pg_restore" PSQL="$pg_bin/psql"
else
  PG_DUMP=pg_dump PG_RESTORE=pg_restore PSQL=psql
fi
command -v "$PG_DUMP" >/dev/null || die "pg_dump not found: apt-get install -y postgresql-client (or set VP_PG_BIN)"
