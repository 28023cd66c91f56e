#!/usr/bin/env bash
# Side-by-side benchmark: TorchSharp-cpu vs the pure C# engine, same models, same batch order
# (Common/BatchOrder.cs), same machine, runs interleaved so that drifting background load hits both.
#
#   bench/torchsharp-setup.sh            # once: builds TorchSharpBench and patches its native shim
#   CS_BENCH=... bench/compare.sh        # results in bench/results/compare-<time>.log and a Markdown summary
#
# KernelBench (dotnet build bench/KernelBench -c Release) adds the FMA peak before and after.
# Both binaries must take the same command lines (train/step/order, see README.md) and print RESULT lines
# with the same keys; engine= tells them apart. Knobs: RUNS, THREADS, MLP_BATCHES, CNN_BATCHES, EPOCHS,
# STEPS, CNN_TRAIN (1 = also train the CNN for EPOCHS epochs), FMNIST_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

TS_BENCH="${TS_BENCH:-$here/TorchSharpBench/bin/Release/net10.0/linux-x64/TorchSharpBench}"
# The pure C# engine's bench (same command lines and RESULT keys): built by
#   dotnet build bench/DlExtBench -c Release
# Set CS_BENCH to another command to compare something else; left empty (no build), only TorchSharp runs.
CS_DLL="$here/DlExtBench/bin/Release/net10.0/DlExtBench.dll"
if [[ -z "${CS_BENCH:-}" && -f "$CS_DLL" ]]; then
  CS_BENCH="dotnet $CS_DLL"
fi
CS_BENCH="${CS_BENCH:-}"

RUNS="${RUNS:-3}"
THREADS="${THREADS:-2}"
MLP_BATCHES="${MLP_BATCHES:-64 256}"
CNN_BATCHES="${CNN_BATCHES:-64}"
EPOCHS="${EPOCHS:-2}"
STEPS="${STEPS:-200}"
CNN_TRAIN="${CNN_TRAIN:-0}"
DATA="${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}"
mkdir -p "$here/results"
LOG="${LOG:-$here/results/compare-$(date -u +%Y%m%dT%H%M%SZ).log}"

[[ -x "$TS_BENCH" ]] || { echo "TorchSharpBench not built: run bench/torchsharp-setup.sh" >&2; exit 1; }
engines=("$TS_BENCH")
if [[ -n "$CS_BENCH" ]]; then
  engines+=("$CS_BENCH")
else
  echo "CS_BENCH is empty: running the TorchSharp side only" >&2
fi

# Same order on both sides, or the comparison is void.
if [[ -n "$CS_BENCH" ]]; then
  for epoch in 0 1; do
    a="$($TS_BENCH order --seed 1 --epoch $epoch --n 20 | grep '^ORDER')"
    b="$($CS_BENCH order --seed 1 --epoch $epoch --n 20 | grep '^ORDER')"
    [[ "$a" == "$b" ]] || { echo "batch orders differ: torch '$a' vs C# '$b'" >&2; exit 1; }
  done
  echo "batch order identical on both sides"
fi

# The machine's FMA peak (register-only FMA chains on every core), before and after: the denominator of the
# GFLOP/s column, and a check that the cores ran at full speed (on a shared host a busy neighbour shows here).
KB_DLL="$here/KernelBench/bin/Release/net10.0/KernelBench.dll"
# The cache and memory bandwidth next to it: a neighbour taking those slows the memory-bound parts of a step
# (optimizer, gather) while the FMA peak stays put.
peak() {
  if [[ -f "$KB_DLL" ]]; then
    dotnet "$KB_DLL" peak "$THREADS" | sed 's/^/PEAK /' | tee -a "$LOG"
    dotnet "$KB_DLL" bandwidth "$THREADS" | sed 's/^/BANDWIDTH /' | tee -a "$LOG"
  fi
}

{ echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; echo "# load before: $(uptime)"; } | tee -a "$LOG"

# Runs one configuration on every engine RUNS times; odd runs start with torch, even runs with the other.
run_config() {
  local run order
  for run in $(seq 1 "$RUNS"); do
    if (( run % 2 )); then order=("${engines[@]}"); else order=(); for ((i=${#engines[@]}-1; i>=0; i--)); do order+=("${engines[i]}"); done; fi
    for engine in "${order[@]}"; do
      $engine "$@" --data "$DATA" | grep '^RESULT' | sed "s/^/run=$run /" | tee -a "$LOG"
    done
  done
}

peak
for threads in $THREADS; do
  for bs in $MLP_BATCHES; do
    run_config train --model mlp --bs "$bs" --epochs "$EPOCHS" --threads "$threads" --seed 1
  done
  for bs in $CNN_BATCHES; do
    run_config step --model cnn --bs "$bs" --threads "$threads" --steps "$STEPS"
    if [[ "$CNN_TRAIN" == 1 ]]; then
      run_config train --model cnn --bs "$bs" --epochs "$EPOCHS" --threads "$threads" --seed 1
    fi
  done
done

peak
echo "# load after: $(uptime)" | tee -a "$LOG"
echo "log: $LOG"
python3 "$here/tools/summarize_results.py" "$LOG" | tee "${LOG%.log}.md"
