#!/usr/bin/env bash
# Install (Debian), start and prepare a PostgreSQL server for the store tests.
# Prints the URL to export as PACTWATCH_TEST_PG.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n1)
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 >&2
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pactwatch') THEN
    CREATE ROLE pactwatch LOGIN PASSWORD 'pactwatch' CREATEDB;
  END IF;
END $$;
SQL
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='pactwatch_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O pactwatch pactwatch_test" >&2
echo "postgresql://pactwatch:pactwatch@127.0.0.1:5432/pactwatch_test"
