#!/usr/bin/env bash
# Reproduces the M4A1 results table in docs/tmo.md: for the Wired and 4G profiles, trains one RC-A2C
# and one RC-PPO policy per seed (0-19) on that seed's 80% split, then evaluates them with every
# baseline on the 20% test splits. Usage: scripts/tmo-results.sh [DATASET] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

dataset=${1:-../shared/m4a1/M4A1.json}
out=${2:-results}
if [[ ! -f "$dataset" ]]; then
  echo "tmo-results: dataset '$dataset' not found; pass the path to M4A1.json (from the TMO repository, data/M4A1.json)" >&2
  exit 2
fi

dotnet build -c Release src/Controller.Cli >/dev/null
controller() { dotnet run -c Release --no-build --project src/Controller.Cli -- "$@"; }

for net in 4g wired; do
  for algo in rc-a2c rc-ppo; do
    controller train --env m4a1 --dataset "$dataset" --algo "$algo" --network "$net" \
      --budget-latency 30 --budget-usage 0.05 --steps 30000 --seeds 0-19 --out "policies/$algo-$net"
  done
  controller evaluate --env m4a1 --dataset "$dataset" --policy "policies/rc-a2c-$net" "policies/rc-ppo-$net" \
    --baselines all --seeds 0-19 --network "$net" --out "$out/m4a1-$net"
done
