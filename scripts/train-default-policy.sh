#!/usr/bin/env bash
# Reproduces the shipped default policy, policies/edge-cloud-rc-ppo-800/seed-0: RC-PPO on the edge–cloud problem (after
# issue #20) at the binding 800 J window energy budget (README, "Energy budget 800 J (binds …)"), 60,000 steps (the
# results script's setting), seed 0. Training is deterministic for a seed: a second run writes byte-identical weights,
# which this script checks when given --check (it trains into a scratch directory and compares the weights' SHA-256).
set -euo pipefail
cd "$(dirname "$0")/.."
out=policies/edge-cloud-rc-ppo-800
if [[ "${1:-}" == "--check" ]]; then
  out=$(mktemp -d)/edge-cloud-rc-ppo-800
fi
scripts/controller train --env edge-cloud --algo rc-ppo --budget-energy 800 --steps 60000 --seed 0 --out "$out"
if [[ "${1:-}" == "--check" ]]; then
  shipped=$(sha256sum policies/edge-cloud-rc-ppo-800/seed-0/weights.safetensors | cut -d' ' -f1)
  fresh=$(sha256sum "$out/seed-0/weights.safetensors" | cut -d' ' -f1)
  echo "shipped $shipped"
  echo "fresh   $fresh"
  [[ "$shipped" == "$fresh" ]] || { echo "weights differ: the shipped policy is not reproduced" >&2; exit 1; }
  echo "weights are byte-identical"
fi
