# shellcheck shell=bash
# PostgreSQL for tests: the Debian cluster "main" of the installed major version, listening on
# 127.0.0.1 only, with role `controller` (password `controller`, CREATEDB) and database
# `controller`. Sourced by scripts/test-servers.sh.
#
# Tests create a fresh database per test, so the cluster trades durability for speed: nothing in
# it outlives a test run (see deploy/ and docker-compose.yml for a durable server).

# Overridable for a machine whose 5432 or cluster "main" is already in other use.
POSTGRES_PORT="${TEST_SERVERS_POSTGRES_PORT:-5432}"
POSTGRES_CLUSTER="${TEST_SERVERS_POSTGRES_CLUSTER:-main}"
POSTGRES_ROLE=controller
POSTGRES_PASSWORD=controller
POSTGRES_DATABASE=controller

# The newest installed server major version (15 on Debian 12).
postgres_version() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)"
  [ -x "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql; is the 'postgresql' package installed?"
  basename "$(dirname "$(dirname "$dir")")"
}

postgres_log() {
  echo "/var/log/postgresql/postgresql-$(postgres_version)-$POSTGRES_CLUSTER.log"
}

postgres_ready() {
  pg_isready -q -h 127.0.0.1 -p "$POSTGRES_PORT"
}

postgres_cluster_exists() {
  [ -f "/etc/postgresql/$1/$POSTGRES_CLUSTER/postgresql.conf" ]
}

postgres_cluster_online() {
  pg_lsclusters -h "$1" "$POSTGRES_CLUSTER" 2>/dev/null | awk '{print $4}' | grep -q online
}

# Writes the loopback-only test settings into the cluster's conf.d; returns 0 when they changed.
postgres_configure() {
  local version="$1"
  write_if_changed "/etc/postgresql/$version/$POSTGRES_CLUSTER/conf.d/controller-tests.conf" postgres:postgres <<EOT
# Written by scripts/test-servers.sh: a throwaway test server reachable from this machine only.
listen_addresses = '127.0.0.1'
port = $POSTGRES_PORT
# Loopback only: TLS protects nothing here, and declining it saves every client a handshake
# (Npgsql's default SSL Mode=Prefer then proceeds in plain text).
ssl = off
# Every test creates and drops its own database; durability buys nothing here and costs seconds.
fsync = off
synchronous_commit = off
full_page_writes = off
EOT
}

postgres_stop() {
  local version
  version="$(postgres_version)"
  if ! postgres_cluster_online "$version"; then
    say "PostgreSQL: not running"
    return 0
  fi
  say "PostgreSQL: stopping cluster $version/$POSTGRES_CLUSTER"
  pg_ctlcluster "$version" "$POSTGRES_CLUSTER" stop ||
    die "PostgreSQL cluster $version/$POSTGRES_CLUSTER did not stop; see $(postgres_log)"
}

# Creates the role and database the tests log in with; safe to repeat.
postgres_provision() {
  as_user postgres psql -X -q -v ON_ERROR_STOP=1 -p "$POSTGRES_PORT" -d postgres \
    -v role="$POSTGRES_ROLE" -v password="$POSTGRES_PASSWORD" <<'SQL' ||
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') AS create_role \gset
\if :create_role
CREATE ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
\else
ALTER ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
\endif
SQL
    die "PostgreSQL: could not create role '$POSTGRES_ROLE'; see $(postgres_log)"

  local exists
  exists="$(as_user postgres psql -X -At -p "$POSTGRES_PORT" -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$POSTGRES_DATABASE'")" ||
    die "PostgreSQL: could not list databases; see $(postgres_log)"
  if [ "$exists" != 1 ]; then
    as_user postgres createdb -p "$POSTGRES_PORT" -O "$POSTGRES_ROLE" "$POSTGRES_DATABASE" ||
      die "PostgreSQL: could not create database '$POSTGRES_DATABASE'; see $(postgres_log)"
  fi
}

postgres_start() {
  ensure_packages postgresql
  local version
  version="$(postgres_version)"
  if ! postgres_cluster_exists "$version"; then
    say "PostgreSQL: creating cluster $version/$POSTGRES_CLUSTER"
    pg_createcluster "$version" "$POSTGRES_CLUSTER" --port "$POSTGRES_PORT" >/dev/null ||
      die "PostgreSQL: pg_createcluster $version $POSTGRES_CLUSTER failed"
  fi

  local config_changed=1
  postgres_configure "$version" && config_changed=0

  if postgres_cluster_online "$version"; then
    if [ "$config_changed" = 0 ]; then
      say "PostgreSQL: configuration changed, restarting cluster $version/$POSTGRES_CLUSTER"
      pg_ctlcluster "$version" "$POSTGRES_CLUSTER" restart ||
        die_with_log "$(postgres_log)" "PostgreSQL cluster $version/$POSTGRES_CLUSTER failed to restart; see $(postgres_log)"
    fi
  else
    if tcp_open 127.0.0.1 "$POSTGRES_PORT"; then
      die "port $POSTGRES_PORT is taken by something that is not cluster $version/$POSTGRES_CLUSTER; stop it or see $(postgres_log)"
    fi
    say "PostgreSQL: starting cluster $version/$POSTGRES_CLUSTER (log: $(postgres_log))"
    pg_ctlcluster "$version" "$POSTGRES_CLUSTER" start ||
      die_with_log "$(postgres_log)" "PostgreSQL cluster $version/$POSTGRES_CLUSTER failed to start; see $(postgres_log)." \
        "It holds only test data: 'pg_dropcluster --stop $version $POSTGRES_CLUSTER' and a new start recreate it."
  fi

  wait_until "$TEST_SERVERS_TIMEOUT_S" postgres_ready ||
    die_with_log "$(postgres_log)" "PostgreSQL did not become ready on 127.0.0.1:$POSTGRES_PORT within $TEST_SERVERS_TIMEOUT_S s; see $(postgres_log)"
  postgres_provision
  say "PostgreSQL: up on 127.0.0.1:$POSTGRES_PORT (role $POSTGRES_ROLE, database $POSTGRES_DATABASE)"
}

postgres_status() {
  if postgres_ready; then
    say "PostgreSQL: up on 127.0.0.1:$POSTGRES_PORT (log $(postgres_log))"
    return 0
  fi
  say "PostgreSQL: down (log $(postgres_log))"
  return 1
}
