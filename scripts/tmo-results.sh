#!/usr/bin/env bash
# Reproduces the M4A1 results tables in docs/tmo.md and the README: for the Wired and 4G profiles,
# trains RC-A2C and RC-PPO (masks on, the default) and, on 4G where the budgets bind, RC-PPO with
# masks off, one policy per seed (0-19) on that seed's 80% split; then evaluates them with every
# baseline on the 20% test splits. Training logs (with per-seed wall and processor times) go to
# OUT_DIR/train-*.log, tables to OUT_DIR/m4a1-{4g,wired}/results.{md,csv,json} plus charts.
# Usage: scripts/tmo-results.sh [DATASET] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

dataset=${1:-../shared/m4a1/M4A1.json}
out=${2:-runs/tmo-results}
if [[ ! -f "$dataset" ]]; then
  echo "tmo-results: dataset '$dataset' not found; pass the path to M4A1.json (from the TMO repository, data/M4A1.json)" >&2
  exit 2
fi
if [[ -e "$out" ]]; then
  # Policy bundles are immutable versions: a second run into the same place would be refused half-way.
  echo "tmo-results: '$out' already exists; remove it or pass another OUT_DIR" >&2
  exit 2
fi
mkdir -p "$out"

dotnet build -c Release src/Controller.Cli >/dev/null
controller() { dotnet run -c Release --no-build --project src/Controller.Cli -- "$@"; }
train() { # NAME NETWORK [extra train options...]
  local name=$1 net=$2; shift 2
  echo "== train $name ($(uptime | sed 's/.*load average/load average/'))"
  controller train --env m4a1 --dataset "$dataset" --network "$net" --budget-latency 30 --budget-usage 0.05 \
    --steps 30000 --seeds 0-19 --out "$out/policies/$name" "$@" | tee "$out/train-$name.log" | tail -n 1
}

for net in 4g wired; do
  train "rc-a2c-$net" "$net" --algo rc-a2c
  train "rc-ppo-$net" "$net" --algo rc-ppo
  policies=("$out/policies/rc-a2c-$net" "$out/policies/rc-ppo-$net")
  if [[ $net == 4g ]]; then
    train "rc-ppo-unmasked-$net" "$net" --algo rc-ppo --mask false
    policies+=("$out/policies/rc-ppo-unmasked-$net")
  fi
  echo "== evaluate $net ($(uptime | sed 's/.*load average/load average/'))"
  controller evaluate --env m4a1 --dataset "$dataset" --policy "${policies[@]}" \
    --baselines all --seeds 0-19 --network "$net" --out "$out/m4a1-$net" | tail -n 1
done
echo "tables: $out/m4a1-4g/results.md $out/m4a1-wired/results.md"
