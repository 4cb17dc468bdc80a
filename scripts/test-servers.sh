#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts, stops or reports the real servers the tests use: PostgreSQL and RabbitMQ from Debian,
# on 127.0.0.1 only. Installs them with apt when missing. Safe to run any number of times.
#
#   scripts/test-servers.sh start [postgres|rabbitmq]   install if needed, start, wait until ready
#   scripts/test-servers.sh stop  [postgres|rabbitmq]
#   scripts/test-servers.sh status [postgres|rabbitmq]  exit 0 only when every named server is up
#   scripts/test-servers.sh env                         print the connection settings as exports
#
# TEST_SERVERS_TIMEOUT_S (default 120) bounds each wait for a server to become ready or to stop.
# docs/operations.md explains the settings and where the logs are.
set -euo pipefail

SCRIPT_TAG=test-servers
SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$SCRIPTS_DIR/lib/common.sh"
# shellcheck source=lib/apt.sh
. "$SCRIPTS_DIR/lib/apt.sh"
# shellcheck source=servers/postgres.sh
. "$SCRIPTS_DIR/servers/postgres.sh"
# shellcheck source=servers/rabbitmq.sh
. "$SCRIPTS_DIR/servers/rabbitmq.sh"

TEST_SERVERS_TIMEOUT_S="${TEST_SERVERS_TIMEOUT_S:-120}"
ALL_SERVERS=(postgres rabbitmq)

usage() {
  echo "usage: $0 start|stop|status|env [postgres|rabbitmq]..." >&2
  exit 2
}

print_env() {
  # The same defaults the C# helpers in tests/Shared fall back to when the variables are unset.
  echo "export CONTROLLER_TEST_POSTGRES='Host=127.0.0.1;Port=$POSTGRES_PORT;Username=$POSTGRES_ROLE;Password=$POSTGRES_PASSWORD;Database=$POSTGRES_DATABASE'"
  echo "export CONTROLLER_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/'"
}

main() {
  [ "$#" -ge 1 ] || usage
  local action="$1"
  shift
  local servers=("$@")
  [ "${#servers[@]}" -gt 0 ] || servers=("${ALL_SERVERS[@]}")
  local server
  for server in "${servers[@]}"; do
    case "$server" in
      postgres | rabbitmq) ;;
      *) die "unknown server '$server'; expected one of: ${ALL_SERVERS[*]}" ;;
    esac
  done

  case "$action" in
    start | stop)
      if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "'$action' needs root (apt, pg_ctlcluster, the rabbitmq user); run it as root"
        exec sudo -E "$0" "$action" "${servers[@]}"
      fi
      for server in "${servers[@]}"; do
        "${server}_${action}"
      done
      ;;
    status)
      local status=0
      for server in "${servers[@]}"; do
        "${server}_status" || status=3
      done
      return "$status"
      ;;
    env) print_env ;;
    *) usage ;;
  esac
}

main "$@"
