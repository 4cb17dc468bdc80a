#!/usr/bin/env bash
# Trains the same policies on both learning backends and evaluates them side by side (issue #15): TMO's learners on
# M4A1 with the 4G profile (30 s / $0.05 budgets, 30,000 steps, seeds 0-19, as scripts/tmo-results.sh) and the
# edge–cloud learners at 2,000 J (60,000 steps, seeds 0-9, as scripts/edge-cloud-results.sh). Each policy's name says
# its backend, so the evaluation tables hold one row per backend; mean ± sd over seeds. Logs carry wall times and load.
# Usage: [TMO_ALGOS="rc-ppo rc-a2c"] [EDGE_ALGOS="rc-ppo rc-a2c rc-dqn"] scripts/backend-results.sh [DATASET] [OUT_DIR] [EDGE_CLOUD_SEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."

dataset=${1:-../shared/m4a1/M4A1.json}
out=${2:-runs/backend-results}
edge_seeds=${3:-0-9}
read -r -a tmo_algos <<<"${TMO_ALGOS-rc-ppo rc-a2c}"
read -r -a edge_algos <<<"${EDGE_ALGOS-rc-ppo rc-a2c rc-dqn}"
if [[ ! -f "$dataset" ]]; then
  echo "backend-results: dataset '$dataset' not found; pass the path to M4A1.json (from the TMO repository, data/M4A1.json)" >&2
  exit 2
fi
if [[ -e "$out" ]]; then
  echo "backend-results: '$out' already exists; remove it or pass another OUT_DIR" >&2
  exit 2
fi
mkdir -p "$out"

dotnet build -c Release src/Controller.Cli >/dev/null
controller() { dotnet run -c Release --no-build --project src/Controller.Cli -- "$@"; }
stamp() { echo "== $* ($(date -u +%H:%M:%S), $(uptime | sed 's/.*load average/load average/'))"; }

tmo=()
for algo in "${tmo_algos[@]}"; do
  for backend in managed torchsharp; do
    stamp "TMO 4G $algo, $backend"
    start=$(date +%s)
    controller train --env m4a1 --dataset "$dataset" --network 4g --budget-latency 30 --budget-usage 0.05 --steps 30000 \
      --seeds 0-19 --algo "$algo" --backend "$backend" --out "$out/policies/$algo-4g-$backend" >"$out/train-tmo-$algo-$backend.log"
    echo "   training wall time $(($(date +%s) - start)) s"
    tmo+=("$out/policies/$algo-4g-$backend")
  done
done
if [[ ${#tmo[@]} -gt 0 ]]; then
  stamp "TMO 4G evaluate"
  controller evaluate --env m4a1 --dataset "$dataset" --policy "${tmo[@]}" --baselines greedy-budget --seeds 0-19 --network 4g \
    --out "$out/m4a1-4g" | tail -n 1
fi

edge=()
for algo in "${edge_algos[@]}"; do
  for backend in managed torchsharp; do
    stamp "edge-cloud 2000 J $algo, $backend"
    start=$(date +%s)
    controller train --env edge-cloud --algo "$algo" --budget-energy 2000 --steps 60000 --seeds "$edge_seeds" --backend "$backend" \
      --out "$out/policies/edge-cloud-$algo-2000-$backend" >"$out/train-edge-cloud-$algo-$backend.log"
    echo "   training wall time $(($(date +%s) - start)) s"
    edge+=(--policy "$out/policies/edge-cloud-$algo-2000-$backend")
  done
done
if [[ ${#edge[@]} -gt 0 ]]; then
  stamp "edge-cloud evaluate"
  controller evaluate --env edge-cloud --budget-energy 2000 --traces datasets/edge-cloud "${edge[@]}" --baselines none \
    --seeds "$edge_seeds" --devices-per-seed 8 --windows 4 --out "$out/edge-cloud-mixed-2000" | tail -n 1
fi
stamp "done"
echo "tables: $out/m4a1-4g/results.md $out/edge-cloud-mixed-2000/results.md"
