#!/bin/sh
# Creates and migrates the Temporal server's two databases on PostgreSQL: the one schema step of
# the production topology. docker-compose runs it in temporalio/admin-tools (temporal-schema
# service); `TEMPORAL_MODE=server npm start` and the tests run this same file with the locally
# built tool (libs/platform/src/temporal-server.ts). Safe to run again: each step is idempotent.
#
# temporal-sql-tool reads SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD and SQL_PLUGIN itself.
set -eu
: "${SQL_TOOL:=temporal-sql-tool}"
: "${SCHEMA_DIR:=/etc/temporal/schema/postgresql/v12}"
: "${TEMPORAL_DB:=temporal}"
: "${TEMPORAL_VISIBILITY_DB:=temporal_visibility}"
export SQL_PLUGIN="${SQL_PLUGIN:-postgres12}"

migrate() {
  db="$1"
  versioned="$SCHEMA_DIR/$2/versioned"
  # Creates it when missing (a no-op otherwise); a server that cannot be reached fails the next step.
  "$SQL_TOOL" --db "$db" create-database >/dev/null 2>&1 || true
  # A database without Temporal's schema_version table has never been set up.
  if ! "$SQL_TOOL" --db "$db" update-schema -d "$versioned" >/dev/null 2>&1; then
    "$SQL_TOOL" --db "$db" setup-schema -v 0.0
    echo "$db: schema set up"
  fi
  "$SQL_TOOL" --db "$db" update-schema -d "$versioned"
  echo "$db: schema at the newest version"
}

migrate "$TEMPORAL_DB" temporal
migrate "$TEMPORAL_VISIBILITY_DB" visibility
