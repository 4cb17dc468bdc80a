#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Mutation check: do the tests notice small, plausible bugs? Copies the working tree (tracked and
# untracked, not ignored) to a scratch folder, then for each mutation in the table below puts one
# one-line bug into the copy, builds the named test project and runs the named tests, and expects
# them to FAIL. A mutation whose tests still pass "survived": the suite does not pin that code.
#
# Usage: scripts/mutation-check.sh [NAME...]      (no names: every mutation in the table)
#   MUTATION_SCRATCH=DIR  use DIR as the scratch copy (default: a new temporary folder, removed at exit)
# Exit 0 when every selected mutation was killed; 1 when one survived, did not apply or did not build.
# Servers the tests need (CONTROLLER_TEST_POSTGRES / _RABBITMQ) are taken from the environment, as
# in ./test.sh; run `scripts/test-servers.sh start` first for mutations whose tests use them.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT_TAG=mutation-check
# shellcheck source=lib/common.sh
. "$REPO_ROOT/scripts/lib/common.sh"

# ---- the table -------------------------------------------------------------------------------
# mutation NAME ORIGINAL REPLACEMENT TEST_PROJECT TEST_FILTER
# ORIGINAL is exact text that must occur exactly once under src/ (the file is found by it, so the
# entry survives files being moved or renamed); REPLACEMENT is the bug. TEST_FILTER is a
# `dotnet test --filter` expression selecting the tests that should catch it.
MUTATION_NAMES=() MUTATION_ORIGINALS=() MUTATION_REPLACEMENTS=() MUTATION_PROJECTS=() MUTATION_FILTERS=()
mutation() {
  MUTATION_NAMES+=("$1") MUTATION_ORIGINALS+=("$2") MUTATION_REPLACEMENTS+=("$3") MUTATION_PROJECTS+=("$4") MUTATION_FILTERS+=("$5")
}

mutation gae-gamma-lambda-as-lambda-lambda \
  'delta + (gamma * lambda * notDone * nextAdvantage)' \
  'delta + (lambda * lambda * notDone * nextAdvantage)' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~GaeTests|FullyQualifiedName~RolloutAdvantages'

mutation pid-integral-without-anti-windup \
  '_integral[k] = Math.Max(0, _integral[k] + (pid.Integral * error));' \
  '_integral[k] = _integral[k] + (pid.Integral * error);' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~LagrangeMultipliersTests'

mutation pid-derivative-without-clamp \
  'Math.Max(0, _smoothedCost[k] - _previousSmoothedCost[k])' \
  '(_smoothedCost[k] - _previousSmoothedCost[k])' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~LagrangeMultipliersTests'

mutation pid-smoothing-weights-swapped \
  '((1 - pid.CostSmoothing) * _smoothedCost[k]) + (pid.CostSmoothing * meanCost)' \
  '(pid.CostSmoothing * _smoothedCost[k]) + ((1 - pid.CostSmoothing) * meanCost)' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~LagrangeMultipliersTests'

mutation on-policy-truncation-not-bootstrapped \
  'if (_env.Truncated[e] && !_env.Terminated[e])' \
  'if (_env.Truncated[e] && _env.Terminated[e])' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~ChainMdpTests.Ppo_Truncated|FullyQualifiedName~ChainMdpTests.A2c_Truncated'

mutation on-policy-bootstrap-from-reset-observation \
  '_observation.Normalize(_env.TerminalObservations.AsSpan(env * o, o), terminal);' \
  '_observation.Normalize(_env.Observations.AsSpan(env * o, o), terminal);' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~ChainMdpTests.Ppo_Truncated|FullyQualifiedName~ChainMdpTests.A2c_Truncated'

mutation dqn-truncation-stored-as-termination \
  '_nextNormalized, nextMask, _env.Terminated[e]);' \
  '_nextNormalized, nextMask, done);' \
  tests/Controller.Learning.Tests 'FullyQualifiedName~ChainMdpTests.Dqn_Truncated'
# Issue #22/#21: an outcome redelivered (or reported after its expectation) must replace the
# decision's committed energy, not add to it; the ledger keys commitments by decision id.
mutation device-energy-commitment-not-keyed-by-decision \
  '_commitments[commitment.DecisionId] = commitment;' \
  '_commitments[Guid.NewGuid()] = commitment;' \
  tests/Controller.Service.Tests 'FullyQualifiedName~Redelivered'
# ---- end of the table ------------------------------------------------------------------------

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

selected=()
if [ "$#" -eq 0 ]; then
  selected=("${!MUTATION_NAMES[@]}")
else
  for name in "$@"; do
    found=
    for i in "${!MUTATION_NAMES[@]}"; do
      [ "${MUTATION_NAMES[$i]}" = "$name" ] && found=$i
    done
    [ -n "$found" ] || die "no mutation named '$name'; the table has: ${MUTATION_NAMES[*]}"
    selected+=("$found")
  done
fi

scratch="${MUTATION_SCRATCH:-}"
if [ -z "$scratch" ]; then
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/mutation-check.XXXXXX")"
  trap 'rm -rf "$scratch"' EXIT
fi
mkdir -p "$scratch"
say "copying the working tree to $scratch"
(cd "$REPO_ROOT" && git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$scratch"
log_dir="$scratch/.mutation-logs"
mkdir -p "$log_dir"

# Runs the filter's tests in the scratch copy; prints "passed N" or "failed N" ($1 project, $2 filter, $3 log).
run_tests() {
  local project="$1" filter="$2" log="$3" exit_code=0
  (cd "$scratch" && dotnet test "$project" --no-build --filter "$filter") >"$log" 2>&1 || exit_code=$?
  local total
  total="$(grep -oE 'Total: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{t += $1} END {print t + 0}')"
  if [ "$exit_code" = 0 ]; then echo "passed $total"; else echo "failed $total"; fi
}

build() { # project log
  (cd "$scratch" && dotnet build "$1" -nologo -v q) >"$2" 2>&1
}

# Where the original text lives: exactly one file under src/, exactly one occurrence in it.
locate() {
  local original="$1" files count
  files="$(cd "$scratch" && grep -rlF --include='*.cs' -- "$original" src || true)"
  count="$(printf '%s' "$files" | grep -c . || true)"
  if [ "$count" != 1 ]; then
    echo "ERROR: the text occurs in $count files under src/ (${files//$'\n'/, }); make it longer or fix the table" >&2
    return 1
  fi
  if [ "$(grep -oF -- "$original" "$scratch/$files" | wc -l)" != 1 ]; then
    echo "ERROR: the text occurs more than once in $files; make it longer" >&2
    return 1
  fi
  echo "$files"
}

replace() { # file original replacement
  ORIGINAL="$2" REPLACEMENT="$3" python3 -c '
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace(os.environ["ORIGINAL"], os.environ["REPLACEMENT"], 1))
' "$1"
}

# The unmutated tests must pass, or a failure below would prove nothing.
say "baseline: building and running each mutation's tests on the unmutated copy"
declare -A built=()
for i in "${selected[@]}"; do
  project="${MUTATION_PROJECTS[$i]}" name="${MUTATION_NAMES[$i]}"
  [ -d "$scratch/$project" ] || die "$name: test project $project does not exist"
  if [ -z "${built[$project]:-}" ]; then
    build "$project" "$log_dir/baseline-build.log" || die_with_log "$log_dir/baseline-build.log" "$project does not build unmutated"
    built[$project]=1
  fi
  read -r verdict total <<<"$(run_tests "$project" "${MUTATION_FILTERS[$i]}" "$log_dir/baseline-$name.log")"
  [ "$total" -gt 0 ] || die "$name: the filter '${MUTATION_FILTERS[$i]}' selects no test in $project"
  [ "$verdict" = passed ] || die_with_log "$log_dir/baseline-$name.log" "$name: its $total tests fail without the mutation"
  say "  $name: $total tests pass unmutated"
done

results=()
bad=0
for i in "${selected[@]}"; do
  name="${MUTATION_NAMES[$i]}" project="${MUTATION_PROJECTS[$i]}" filter="${MUTATION_FILTERS[$i]}"
  if ! file="$(locate "${MUTATION_ORIGINALS[$i]}" 2>"$log_dir/$name.locate")"; then
    results+=("NOT APPLIED  $name: $(cat "$log_dir/$name.locate")")
    bad=1
    continue
  fi
  say "$name: $file"
  cp "$scratch/$file" "$log_dir/$name.original"
  replace "$scratch/$file" "${MUTATION_ORIGINALS[$i]}" "${MUTATION_REPLACEMENTS[$i]}"
  if ! build "$project" "$log_dir/$name.build.log"; then
    results+=("NO BUILD     $name ($file): the mutant does not compile; see $log_dir/$name.build.log")
    bad=1
  else
    read -r verdict total <<<"$(run_tests "$project" "$filter" "$log_dir/$name.test.log")"
    if [ "$verdict" = failed ]; then
      failing="$(grep -cE '^\s+Failed ' "$log_dir/$name.test.log" || true)"
      results+=("killed       $name ($file): $failing of $total tests fail")
    else
      results+=("SURVIVED     $name ($file): all $total tests of '$filter' pass")
      bad=1
    fi
  fi
  cp "$log_dir/$name.original" "$scratch/$file"
done

# The last mutant's build is still in the scratch copy's bin/; rebuilding restores it for reuse via MUTATION_SCRATCH.
build "${MUTATION_PROJECTS[${selected[-1]}]}" "$log_dir/final-build.log" || true

echo
echo "mutation-check: ${#selected[@]} mutations"
printf '  %s\n' "${results[@]}"
exit "$bad"
