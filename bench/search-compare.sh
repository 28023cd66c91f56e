#!/usr/bin/env bash
# Search benchmark: our strategies (bench/SearchBench, through the public Study API) against Optuna's TPE
# (default and multivariate) and random samplers (bench/search_optuna.py), same objectives, spaces and
# known minima, budgets 10/25/50/100, seeds 0..29. One log with both sides' RESULT lines and a Markdown summary
# (bench/tools/summarize_search.py): median regret (q1–q3) per objective, budget and strategy.
#
#   apt-get install -y python3-optuna     # once (Debian's Optuna 3.1)
#   bench/search-compare.sh               # results in bench/results/search-<time>.log and .md (~7 min on 2 cores)
#
# Knobs: STRATEGIES (ours, any names Sweep.CreateStrategy knows; default random,tpe,coarse-to-fine),
# OPTUNA_STRATEGIES (optuna-tpe,optuna-tpe-mv,optuna-random), OBJECTIVES (all), BUDGETS (10,25,50,100),
# SEEDS (0..29), JOBS (Optuna processes, 2), PYTHON (the python3 that has optuna), LOG, NO_BUILD=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

STRATEGIES="${STRATEGIES:-random,tpe,coarse-to-fine}"
OPTUNA_STRATEGIES="${OPTUNA_STRATEGIES:-optuna-tpe,optuna-tpe-mv,optuna-random}"
OBJECTIVES="${OBJECTIVES:-all}"
BUDGETS="${BUDGETS:-10,25,50,100}"
SEEDS="${SEEDS:-0..29}"
JOBS="${JOBS:-2}"
mkdir -p "$here/results"
LOG="${LOG:-$here/results/search-$(date -u +%Y%m%dT%H%M%SZ).log}"

# The first python3 with optuna importable (pyenv shims may hide Debian's /usr/bin/python3).
if [[ -z "${PYTHON:-}" ]]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c "import optuna" 2>/dev/null; then PYTHON="$p"; break; fi
  done
fi
[[ -n "${PYTHON:-}" ]] || { echo "no python3 with optuna: apt-get install -y python3-optuna" >&2; exit 1; }

if [[ "${NO_BUILD:-0}" != 1 ]]; then
  dotnet build "$here/SearchBench" -c Release -nologo -v quiet >&2
fi
DLL="$here/SearchBench/bin/Release/net10.0/SearchBench.dll"

{
  echo "# search-compare.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')" \
       "host $(nproc) cores; STRATEGIES=$STRATEGIES OPTUNA_STRATEGIES=$OPTUNA_STRATEGIES OBJECTIVES=$OBJECTIVES BUDGETS=$BUDGETS SEEDS=$SEEDS"
  start=$SECONDS
  dotnet "$DLL" --strategies "$STRATEGIES" --objectives "$OBJECTIVES" --budgets "$BUDGETS" --seeds "$SEEDS" 2>&1
  echo "# SearchBench: $((SECONDS - start)) s"
  start=$SECONDS
  "$PYTHON" "$here/search_optuna.py" --strategies "$OPTUNA_STRATEGIES" --objectives "$OBJECTIVES" \
    --budgets "$BUDGETS" --seeds "$SEEDS" --jobs "$JOBS" 2>&1
  echo "# search_optuna.py: $((SECONDS - start)) s"
} | tee "$LOG"

echo "log: $LOG"
"$PYTHON" "$here/tools/summarize_search.py" "$LOG" | tee "${LOG%.log}.md"
