#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Runs the whole test suite against real servers on this machine:
#   1. installs the Debian packages the tests need (only the missing ones, one `apt-get update`),
#   2. starts PostgreSQL and RabbitMQ on 127.0.0.1 (scripts/test-servers.sh; idempotent),
#   3. regenerates the PyTorch reference fixtures into a temporary folder and fails when they differ
#      from the committed ones (tests/reference/fixtures),
#   4. runs `dotnet test Controller.sln` (or $CONTROLLER_TEST_TARGET), passing every argument
#      through (./test.sh --filter …). The solution holds the TorchSharp backend: its first build restores LibTorch
#      (NuGet, ~600 MB), and on Debian 12 its tests adapt the build output's libLibTorchSharp.so (no package needed).
# Exits non-zero when any step or any test fails. docs/operations.md has the details.
#
# Under CI=true nothing may be left out silently: a missing torch, a missing M4A1 dataset
# (../shared/m4a1/M4A1.json beside the clone) or any skipped test fails the run. Outside CI each
# of those is reported and the run goes on, so a developer without them can still test.
#
# CONTROLLER_TEST_POSTGRES / CONTROLLER_TEST_RABBITMQ are honoured when already set; set
# CONTROLLER_TEST_SKIP_SERVERS=1 to use servers of your own instead of starting the local ones.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"
SCRIPT_TAG=test.sh
# shellcheck source=scripts/lib/common.sh
. scripts/lib/common.sh
# shellcheck source=scripts/lib/apt.sh
. scripts/lib/apt.sh

# Debian packages the tests need; adding one is adding its name here.
TEST_PACKAGES=(rabbitmq-server postgresql python3-torch)

FIXTURE_GENERATOR=tests/reference/generate_fixtures.py
FIXTURE_DIR=tests/reference/fixtures
M4A1_DATASET="$(dirname "$REPO_ROOT")/shared/m4a1/M4A1.json"
TORCH_PYTHON=/usr/bin/python3
LOG_DIR="$REPO_ROOT/artifacts/test-logs"
TEST_LOG="$LOG_DIR/dotnet-test.log"
# What `dotnet test` runs; a single test project can be named to try the setup on it alone.
TEST_TARGET="${CONTROLLER_TEST_TARGET:-Controller.sln}"
# A single test running longer than this is taken as hung: its test host is killed and the test
# named, so one deadlock cannot use up CI's time budget. No dump: the test's name is what helps.
HANG_TIMEOUT="${CONTROLLER_TEST_HANG_TIMEOUT:-10m}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step_started=0
step() {
  step_started=$SECONDS
  say "== $*"
}
step_done() {
  say "   done in $((SECONDS - step_started)) s"
}

install_packages() {
  step "packages: ${TEST_PACKAGES[*]}"
  ensure_packages "${TEST_PACKAGES[@]}"
  step_done
}

start_servers() {
  if [ "${CONTROLLER_TEST_SKIP_SERVERS:-0}" = 1 ]; then
    say "== servers: CONTROLLER_TEST_SKIP_SERVERS=1, using the servers the variables name"
    return 0
  fi
  step "servers: PostgreSQL and RabbitMQ on 127.0.0.1"
  scripts/test-servers.sh start
  step_done
}

export_settings() {
  # Already-set values win, so a developer can point the tests at other servers.
  eval "$(scripts/test-servers.sh env)"
  export CONTROLLER_TEST_POSTGRES="${saved_postgres:-$CONTROLLER_TEST_POSTGRES}"
  export CONTROLLER_TEST_RABBITMQ="${saved_rabbitmq:-$CONTROLLER_TEST_RABBITMQ}"
  say "CONTROLLER_TEST_POSTGRES=$CONTROLLER_TEST_POSTGRES"
  say "CONTROLLER_TEST_RABBITMQ=$CONTROLLER_TEST_RABBITMQ"
}

in_ci() {
  [ "${CI:-}" = true ]
}

# Under CI a missing prerequisite is an error; elsewhere a notice, and the run goes on.
missing() {
  if in_ci; then
    die "CI=true: $*"
  fi
  say "== $*; going on without it (under CI=true this fails the run)"
}

check_fixtures() {
  if ! "$TORCH_PYTHON" -c 'import torch' 2>/dev/null; then
    missing "fixtures: '$TORCH_PYTHON -c \"import torch\"' fails, so the PyTorch fixtures cannot be checked (install Debian's python3-torch)"
    return 0
  fi
  step "fixtures: $TORCH_PYTHON $FIXTURE_GENERATOR into a temporary folder, compared with $FIXTURE_DIR"
  local scratch
  scratch="$(mktemp -d)"
  # shellcheck disable=SC2064 # the folder's name is fixed now, on purpose
  trap "rm -rf '$scratch'" EXIT
  "$TORCH_PYTHON" "$FIXTURE_GENERATOR" --out "$scratch/fixtures" || die "$FIXTURE_GENERATOR failed (exit $?); see its output above"
  if ! diff -rq "$FIXTURE_DIR" "$scratch/fixtures" >"$scratch/diff" 2>&1; then
    sed "s|$scratch/fixtures|<regenerated>|g" "$scratch/diff" >&2
    die "the committed fixtures in $FIXTURE_DIR differ from what $FIXTURE_GENERATOR writes now (above); run '$TORCH_PYTHON $FIXTURE_GENERATOR' and commit the result (deleting files only the committed folder has), or revert the generator"
  fi
  step_done
}

check_dataset() {
  if [ ! -f "$M4A1_DATASET" ]; then
    missing "dataset: $M4A1_DATASET not found, so the M4A1 tests will be skipped (download data/M4A1.json from the TMO repository, liangqiyuan/TMO)"
  fi
}

# Adds up the per-assembly "Passed!/Failed! - Failed: n, Passed: n, Skipped: n, Total: n" lines.
summarise() {
  local exit_code="$1"
  local counts
  counts="$(grep -E '^\s*(Passed|Failed)!\s+- Failed:' "$TEST_LOG" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
    awk '{f += $1; p += $2; s += $3; n += 1} END {printf "%d %d %d %d", p, f, s, n}')"
  local passed failed skipped assemblies
  read -r passed failed skipped assemblies <<<"$counts"
  echo
  echo "test.sh summary: $assemblies test assemblies, $((SECONDS)) s in all, exit code $exit_code (log: ${TEST_LOG#"$REPO_ROOT"/})"
  if [ "$exit_code" != 0 ] && [ "$assemblies" = 0 ]; then
    echo "test.sh: the build or the test run failed before any test assembly reported; see the errors above"
  fi
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  if [ "$skipped" != 0 ]; then
    echo "skipped tests:"
    grep -E '^\s+Skipped ' "$TEST_LOG" | sed -E 's/^\s+Skipped /  /' | sort -u || true
    if in_ci; then
      echo "test.sh: CI=true and $skipped tests were skipped; in CI every test must run"
      return 1
    fi
  fi
}

run_tests() {
  step "dotnet test $TEST_TARGET $*"
  mkdir -p "$LOG_DIR"
  local exit_code=0
  dotnet test "$TEST_TARGET" --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none "$@" 2>&1 |
    tee "$TEST_LOG" || exit_code=$?
  summarise "$exit_code" || exit_code=1
  return "$exit_code"
}

saved_postgres="${CONTROLLER_TEST_POSTGRES:-}"
saved_rabbitmq="${CONTROLLER_TEST_RABBITMQ:-}"
install_packages
start_servers
export_settings
check_fixtures
check_dataset
run_tests "$@"
