# Sourced by .ci/run (bash): a real PostgreSQL server for the tests that run on both storage
# backends (issue 19; docs/postgresql.md). Installs Debian's postgresql package if missing,
# starts its cluster (tolerating one already running), makes a role and a database for the
# tests (idempotent), and exports LINLI_TEST_PG_URL and LINLI_REQUIRE_PG=1, so that a missing
# server fails the PostgreSQL tests instead of skipping them.
#
# CI runs as root without a terminal. LINLI_CI_PG_CLUSTER names another cluster than "main"
# (used to try this script on a machine whose main cluster others are using).

ci_postgres() {
    local cluster="${LINLI_CI_PG_CLUSTER:-main}" version port
    if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
        echo "ci: installing PostgreSQL from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q postgresql
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if [ -z "$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c')" ]; then
        pg_createcluster "$version" "$cluster"
    fi
    if ! pg_ctlcluster "$version" "$cluster" status > /dev/null 2>&1; then
        # A server killed with the session leaves a stale postmaster.pid: postgres checks
        # that its process is gone and starts anyway.
        pg_ctlcluster "$version" "$cluster" start
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')
    for _ in $(seq 60); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    pg_isready -h 127.0.0.1 -p "$port"
    # The tests' role may create databases: each test makes (and drops) its own.
    (cd / && runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -q) <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'linli_ci') THEN
        CREATE ROLE linli_ci;
    END IF;
END $$;
ALTER ROLE linli_ci WITH LOGIN CREATEDB PASSWORD 'linli_ci';
SELECT 'CREATE DATABASE linli_ci OWNER linli_ci'
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'linli_ci') \gexec
SQL
    export LINLI_TEST_PG_URL="postgresql://linli_ci:linli_ci@127.0.0.1:$port/linli_ci"
    export LINLI_REQUIRE_PG=1
    echo "ci: PostgreSQL $version cluster $cluster on port $port"
}

ci_postgres
