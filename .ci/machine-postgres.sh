#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 and gives Taskstream an empty database on it.
# Prints the JDBC URL to use as TASKSTREAM_DB_URL. Needs root (CI runs as root).
set -euo pipefail

db=${1:-taskstream_ci}
cluster_version=15
pg_lsclusters -h | grep -q "^$cluster_version main" || pg_createcluster "$cluster_version" main >&2
pg_ctlcluster "$cluster_version" main status >/dev/null 2>&1 || pg_ctlcluster "$cluster_version" main start >&2

as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -q -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'taskstream') THEN
    CREATE ROLE taskstream LOGIN PASSWORD 'taskstream';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $db;
CREATE DATABASE $db OWNER taskstream;
SQL
echo "jdbc:postgresql://127.0.0.1:5432/$db"
