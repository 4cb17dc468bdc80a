#!/usr/bin/env bash
# Issue #12 target: the simulated fleet (controller demo: 4 agents, in-memory bus, SQLite) run with the same seeds once with
# the shipped learned policy and once with baseline-greedy, then mean ± sd over seeds of quality-weighted tokens/s
# (Σ quality·tokens / Σ latency over every outcome), energy and cost per request, the share of dialogues over their latency
# ($DIALOGUE_LATENCY_MS) or spend ($DIALOGUE_USD) budget, and the fallback share. Usage: scripts/fleet-ab.sh [SEEDS] [DURATION]
# (default "0 1 2 3 4" and 15s). The fleet is driven by wall time: each run serves as many requests as the box allows, so the
# runs are seeded but not bit-reproducible; compare the means against their spread.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-"0 1 2 3 4"}
duration=${2:-15s}
out=$(mktemp -d)
for seed in $seeds; do
  for policy in default baseline-greedy; do
    scripts/controller demo --seed "$seed" --duration "$duration" --policy "$policy" --database "$out/$policy-$seed.db" > "$out/$policy-$seed.txt"
    tail -1 "$out/$policy-$seed.txt" | grep -q "Every decision got its outcome." || { echo "seed $seed $policy: not every decision got its outcome" >&2; exit 1; }
  done
done
python3 - "$out" $seeds <<'PY'
import sqlite3, statistics as st, sys
out, seeds = sys.argv[1], sys.argv[2:]
LAT_MS, USD = 30_000, 0.05  # Decision:DialogueLatencyBudgetMs and Decision:DialogueCloudBudgetUsd defaults
def run(path):
    c = sqlite3.connect(path)
    rows = c.execute("""select d.DeviceId, d.DialogueId, o.TotalLatencyMs, o.CloudCostUsd, o.DeviceEnergyJoules,
                               coalesce(o.QualityScore, 0), o.TokensGenerated, d.FallbackReason is not null
                        from Decisions d join Outcomes o on o.DecisionId = d.DecisionId""").fetchall()
    qw = sum(r[5] * r[6] for r in rows) / (sum(r[2] for r in rows) / 1000)
    dialogues = {}
    for r in rows:
        lat, usd = dialogues.get((r[0], r[1]), (0.0, 0.0))
        dialogues[(r[0], r[1])] = (lat + r[2], usd + r[3])
    over = sum(1 for lat, usd in dialogues.values() if lat > LAT_MS or usd > USD) / len(dialogues)
    return dict(qw=qw, energy=st.mean(r[4] for r in rows), cost=st.mean(r[3] for r in rows), over=100 * over,
                fallback=100 * sum(r[7] for r in rows) / len(rows), n=len(rows))
def fmt(xs, digits): return f"{st.mean(xs):.{digits}f} ± {st.stdev(xs):.{digits}f}" if len(xs) > 1 else f"{xs[0]:.{digits}f}"
print(f"| policy | QW tok/s | J/request | $/request | dialogues over a budget (%) | fallback (%) | requests/run |")
print("|---|---|---|---|---|---|---|")
for policy in ["default", "baseline-greedy"]:
    rs = [run(f"{out}/{policy}-{s}.db") for s in seeds]
    name = "learned (edge-cloud-rc-ppo-800)" if policy == "default" else policy
    print(f"| {name} | {fmt([r['qw'] for r in rs], 2)} | {fmt([r['energy'] for r in rs], 2)} | {fmt([r['cost'] for r in rs], 5)} | "
          f"{fmt([r['over'] for r in rs], 1)} | {fmt([r['fallback'] for r in rs], 1)} | {fmt([r['n'] for r in rs], 0)} |")
print(f"seeds {' '.join(seeds)}; databases in {out}")
PY
