#!/usr/bin/env bash
# Reproduces the edge-cloud table in docs/edge-cloud.md: trains one RC-PPO policy per seed (0-9) on
# generated channel traces, then evaluates it with every edge-cloud baseline on the shipped traces
# (datasets/edge-cloud) over the same 10 seeds (8 simulated devices × 4 windows of 600 s per seed).
# Prints the machine load and wall time of each stage. Usage: scripts/edge-cloud-results.sh [OUT_DIR] [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-results/edge-cloud-mixed}
steps=${2:-60000}
policies=policies/edge-cloud-rc-ppo

dotnet build -c Release src/Controller.Cli >/dev/null
controller() { dotnet run -c Release --no-build --project src/Controller.Cli -- "$@"; }

echo "load before training: $(uptime)"
start=$(date +%s)
rm -rf "$policies"
controller train --env edge-cloud --algo rc-ppo --steps "$steps" --seeds 0-9 --out "$policies"
trained=$(date +%s)
echo "training wall time: $((trained - start)) s; load: $(uptime)"

controller evaluate --env edge-cloud --traces datasets/edge-cloud --policy "$policies" --baselines all \
  --seeds 0-9 --devices-per-seed 8 --windows 4 --out "$out"
done_at=$(date +%s)
echo "evaluation wall time: $((done_at - trained)) s; load: $(uptime)"
