# shellcheck shell=bash
# RabbitMQ for tests: Debian's rabbitmq-server, run as its own user from its Debian home
# (/var/lib/rabbitmq), reachable on 127.0.0.1 only. Sourced by scripts/test-servers.sh.
#
# The node is named rabbit@localhost so it does not depend on the machine's hostname resolving.
# AMQP listens on 127.0.0.1:5672; epmd and Erlang distribution are bound to 127.0.0.1 too, so
# nothing of the broker is reachable from outside this machine. Tests use the default `guest`
# user, which RabbitMQ only admits from loopback, which is exactly where the tests connect from.

RABBITMQ_PORT=5672
RABBITMQ_NODE=rabbit@localhost
RABBITMQ_HOME_DIR=/var/lib/rabbitmq
RABBITMQ_LOG_DIR=/var/log/rabbitmq
RABBITMQ_LOG="$RABBITMQ_LOG_DIR/$RABBITMQ_NODE.log"

rabbitmq_cli() {
  # The CLI authenticates to the node with the Erlang cookie in the rabbitmq user's home. A CLI
  # call starts epmd when none runs, so it must carry the loopback address as well as the server.
  # shellcheck disable=SC2016 # expanded by the inner shell, as the rabbitmq user
  as_user rabbitmq env ERL_EPMD_ADDRESS=127.0.0.1 sh -c 'cd "$HOME" && exec "/usr/sbin/$0" "$@"' "$@"
}

rabbitmq_ping() {
  rabbitmq_cli rabbitmq-diagnostics -q ping >/dev/null 2>&1
}

# Checks the port first: a closed port answers at once, without starting an Erlang CLI.
rabbitmq_ready() {
  tcp_open 127.0.0.1 "$RABBITMQ_PORT" && rabbitmq_ping
}

# Writes the loopback-only configuration; returns 0 when it changed.
rabbitmq_configure() {
  local changed=1
  write_if_changed /etc/rabbitmq/rabbitmq-env.conf rabbitmq:rabbitmq <<EOT && changed=0
# Written by scripts/test-servers.sh: a test broker reachable from this machine only.
NODENAME=$RABBITMQ_NODE
# epmd (the Erlang port mapper) and inter-node distribution listen on loopback only.
ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOT
  write_if_changed /etc/rabbitmq/rabbitmq.conf rabbitmq:rabbitmq <<EOT && changed=0
# Written by scripts/test-servers.sh: AMQP on loopback only; guest stays loopback-only (default).
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
loopback_users.guest = true
EOT
  return "$changed"
}

rabbitmq_prepare_home() {
  install -d -o rabbitmq -g rabbitmq "$RABBITMQ_HOME_DIR" "$RABBITMQ_LOG_DIR"
  # Erlang refuses a cookie that others can read; it creates one on first start when absent.
  local cookie="$RABBITMQ_HOME_DIR/.erlang.cookie"
  if [ -f "$cookie" ]; then
    chown rabbitmq:rabbitmq "$cookie"
    chmod 0400 "$cookie"
  fi
}

rabbitmq_stop() {
  if ! rabbitmq_ready; then
    say "RabbitMQ: not running"
    return 0
  fi
  say "RabbitMQ: stopping $RABBITMQ_NODE"
  rabbitmq_cli rabbitmqctl -q stop >/dev/null 2>&1 || true
  wait_until "$TEST_SERVERS_TIMEOUT_S" rabbitmq_not_listening ||
    die "RabbitMQ did not stop within $TEST_SERVERS_TIMEOUT_S s; see $RABBITMQ_LOG"
}

rabbitmq_not_listening() {
  ! tcp_open 127.0.0.1 "$RABBITMQ_PORT"
}

rabbitmq_start() {
  ensure_packages rabbitmq-server
  rabbitmq_prepare_home
  local config_changed=1
  rabbitmq_configure && config_changed=0

  if rabbitmq_ready; then
    if [ "$config_changed" = 0 ]; then
      say "RabbitMQ: configuration changed, restarting"
      rabbitmq_stop
    else
      say "RabbitMQ: already up on 127.0.0.1:$RABBITMQ_PORT"
      return 0
    fi
  elif tcp_open 127.0.0.1 "$RABBITMQ_PORT"; then
    die "port $RABBITMQ_PORT is taken by something that is not the test broker $RABBITMQ_NODE; stop it or see $RABBITMQ_LOG"
  fi

  say "RabbitMQ: starting $RABBITMQ_NODE (log: $RABBITMQ_LOG)"
  # The Debian wrapper, run as the rabbitmq user, sends the boot output to startup_log/startup_err.
  # shellcheck disable=SC2016 # expanded by the inner shell, as the rabbitmq user
  as_user rabbitmq env ERL_EPMD_ADDRESS=127.0.0.1 sh -c 'cd "$HOME" && exec /usr/sbin/rabbitmq-server -detached' ||
    die_with_log "$RABBITMQ_LOG_DIR/startup_err" "RabbitMQ failed to launch; see $RABBITMQ_LOG_DIR/startup_err and $RABBITMQ_LOG"
  wait_until "$TEST_SERVERS_TIMEOUT_S" rabbitmq_ready ||
    die_with_log "$RABBITMQ_LOG" "RabbitMQ did not become ready on 127.0.0.1:$RABBITMQ_PORT within $TEST_SERVERS_TIMEOUT_S s; see $RABBITMQ_LOG and $RABBITMQ_LOG_DIR/startup_err"
  say "RabbitMQ: up on 127.0.0.1:$RABBITMQ_PORT"
}

rabbitmq_status() {
  if rabbitmq_ready; then
    say "RabbitMQ: up on 127.0.0.1:$RABBITMQ_PORT (node $RABBITMQ_NODE, log $RABBITMQ_LOG)"
    return 0
  fi
  say "RabbitMQ: down (log $RABBITMQ_LOG)"
  return 1
}
