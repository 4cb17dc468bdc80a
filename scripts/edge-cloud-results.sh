#!/usr/bin/env bash
# Reproduces the edge-cloud tables in docs/edge-cloud.md: for each energy budget per 600 s window (2000 J,
# slack, and 800 J, binding once the radio tail is charged over real gaps), trains one policy per seed (0-9) and learner (RC-PPO, RC-A2C, RC-DQN) on generated
# channel traces, then evaluates them with every edge-cloud baseline on the shipped traces (datasets/edge-cloud)
# over the same 10 seeds (8 simulated devices × 4 windows per seed), judges each window's feasibility, and writes
# the learned policies' sanity checks (sanity.md).
# Prints the machine load and wall time of each stage. Usage: scripts/edge-cloud-results.sh [OUT_DIR] [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-runs/edge-cloud-results}
steps=${2:-60000}

dotnet build -c Release src/Controller.Cli >/dev/null
controller() { dotnet run -c Release --no-build --project src/Controller.Cli -- "$@"; }

for energy in 2000 800; do
  policy_args=()
  for algo in rc-ppo rc-a2c rc-dqn; do
    policies=$out/policies/edge-cloud-$algo-$energy
    echo "budget $energy J, $algo: load before training: $(uptime)"
    start=$(date +%s)
    rm -rf "$policies"
    controller train --env edge-cloud --algo "$algo" --budget-energy "$energy" --steps "$steps" --seeds 0-9 --out "$policies"
    echo "budget $energy J, $algo: training wall time $(($(date +%s) - start)) s; load: $(uptime)"
    policy_args+=(--policy "$policies")
  done
  trained=$(date +%s)
  controller evaluate --env edge-cloud --budget-energy "$energy" --traces datasets/edge-cloud "${policy_args[@]}" \
    --baselines all --seeds 0-9 --devices-per-seed 8 --windows 4 --out "$out/edge-cloud-mixed-$energy"
  echo "budget $energy J: evaluation wall time $(($(date +%s) - trained)) s; load: $(uptime)"
done
