# shellcheck shell=bash
# Shared shell helpers for test.sh and scripts/. Sourced, never run: no `set` here, the caller owns
# its shell options.

# Prints a progress line on stderr so it never mixes with a command's own output on stdout.
say() {
  printf '[%s] %s\n' "${SCRIPT_TAG:-scripts}" "$*" >&2
}

# Prints the problem and exits non-zero. Messages name the server, the limit and the log to read.
die() {
  printf '[%s] ERROR: %s\n' "${SCRIPT_TAG:-scripts}" "$*" >&2
  exit 1
}

# Like die, but first prints the end of a server log: in CI the log is gone once the run ends.
die_with_log() {
  local log="$1"
  shift
  if [ -r "$log" ]; then
    printf '[%s] last lines of %s:\n' "${SCRIPT_TAG:-scripts}" "$log" >&2
    tail -n 25 "$log" | sed 's/^/    /' >&2
  fi
  die "$@"
}

# Runs a command as a system user with that user's home, the way the Debian packages expect
# (RabbitMQ finds its Erlang cookie in $HOME; PostgreSQL tools authenticate by peer).
as_user() {
  local user="$1"
  shift
  local home
  home="$(getent passwd "$user" | cut -d: -f6)"
  [ -n "$home" ] || die "system user '$user' does not exist; is its package installed?"
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$user" -- env HOME="$home" "$@"
  else
    sudo -n -u "$user" -- env HOME="$home" "$@"
  fi
}

# True when something accepts TCP connections on host:port. Uses bash's /dev/tcp so a minimal
# Debian without iproute2 or netcat still works.
tcp_open() {
  local host="$1" port="$2"
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# Polls a command every half second until it succeeds or the timeout passes.
# Usage: wait_until SECONDS COMMAND [ARGS...]; returns 1 on timeout.
wait_until() {
  local timeout_s="$1"
  shift
  local deadline=$((SECONDS + timeout_s))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 0.5
  done
}

# Writes content (from stdin) to a file only when it differs, so callers know whether a running
# server must restart to pick it up. Returns 0 when the file changed, 1 when it was already right.
write_if_changed() {
  local path="$1" owner="${2:-}"
  local tmp
  tmp="$(mktemp)"
  cat >"$tmp"
  if [ -f "$path" ] && cmp -s "$tmp" "$path"; then
    rm -f "$tmp"
    return 1
  fi
  install -D -m 0644 "$tmp" "$path"
  rm -f "$tmp"
  if [ -n "$owner" ]; then
    chown "$owner" "$path"
  fi
  return 0
}
