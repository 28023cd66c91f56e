#!/usr/bin/env python3
"""Summarise RESULT lines of the bench (both engines) into a Markdown table.

Input: files (or stdin) holding lines such as
  RESULT engine=torch model=mlp bs=64 threads=2 epochs=2 ... samples_per_s=... test_acc=... peak_rss_mb=...
  RESULT engine=torch mode=step model=cnn bs=64 threads=2 step_ms_median=... step_ms_p10=...
optionally prefixed by anything (compare.sh writes "run=N "), and "PEAK fma_peak ... total_gflops=..." lines
(KernelBench peak) that give the FMA peak the executed GFLOP/s are a share of, and "BANDWIDTH bandwidth ... llc_gbs=...
dram_gbs=..." lines (KernelBench bandwidth), printed at the end: a busy neighbour shows there. Runs of the same engine and configuration
are reduced to their median (and min..max); for every engine other than torch the table adds its speed
ratio to torch (>1: faster than TorchSharp), computed on the medians. A second table repeats the train rows in the
steady state: samples/s over the epochs after the first (from epoch_ms), without the first epoch's JIT and warm-up.
"""
import statistics
import sys
from collections import defaultdict


def parse(line):
    fields = {}
    for token in line[line.index("RESULT") + len("RESULT"):].split():
        if "=" in token:
            key, value = token.split("=", 1)
            fields[key] = value
    return fields


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def spread(values, digits):
    values = [v for v in values if v is not None]
    if not values:
        return "-", None
    median = statistics.median(values)
    text = f"{median:.{digits}f}"
    if len(values) > 1:
        text += f" ({min(values):.{digits}f}..{max(values):.{digits}f})"
    return text, median


def main(paths):
    lines = []
    for path in paths or ["-"]:
        lines += (sys.stdin if path == "-" else open(path)).read().splitlines()
    groups = defaultdict(list)
    peaks = [number(dict(t.split("=", 1) for t in line.split() if "=" in t).get("total_gflops"))
             for line in lines if line.startswith("PEAK ")]
    peaks = [p for p in peaks if p]
    for line in lines:
        if "RESULT" in line:
            r = parse(line)
            key = (r.get("mode", "train"), r.get("model", "?"), r.get("bs", "?"), r.get("threads", "?"), r.get("epochs", ""))
            groups[(key, r.get("engine", "?"))].append(r)
    configs = sorted({k for k, _ in groups})
    print("| mode | model | bs | threads | engine | runs | samples/s or step ms (median, range) | vs torch | test acc | peak RSS MB | CPU stall % (max) | executed GFLOP/s (MLP) | % of FMA peak | model GFLOP/s (6N) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for config in configs:
        mode, model, bs, threads, _ = config
        engines = sorted({e for k, e in groups if k == config}, key=lambda e: (e != "torch", e))
        reference = None
        for engine in engines:
            runs = groups[(config, engine)]
            if mode == "step":
                speed, median = spread([number(r.get("step_ms_median")) for r in runs], 3)
                speed = speed + " ms"
            else:
                speed, median = spread([number(r.get("samples_per_s")) for r in runs], 0)
                speed = speed + " /s"
            if engine == "torch":
                reference = median
                ratio = "1"
            elif reference and median:
                ratio = f"{(reference / median if mode == 'step' else median / reference):.2f}x"
            else:
                ratio = "-"
            accuracy, _ = spread([number(r.get("test_acc")) for r in runs], 4)
            rss, _ = spread([number(r.get("peak_rss_mb")) for r in runs], 0)
            stalls = [number(r.get("cpu_stall_pct")) for r in runs if number(r.get("cpu_stall_pct")) is not None]
            stall = f"{max(stalls):.0f}" if stalls else "-"
            gflops, gflops_median = spread([number(r.get("gflops")) for r in runs if "gflops" in r], 1)
            model_gflops, _ = spread([number(r.get("model_gflops")) for r in runs if "model_gflops" in r], 1)
            share = f"{100 * gflops_median / max(peaks):.0f} % of {max(peaks):.0f}" if peaks and gflops_median else "-"
            print(f"| {mode} | {model} | {bs} | {threads} | {engine} | {len(runs)} | {speed} | {ratio} | {accuracy if mode != 'step' else '-'} | {rss} | {stall} | {gflops} | {share} | {model_gflops} |")
    steady(configs, groups, peaks)
    loop_parts(configs, groups)
    if peaks:
        print()
        print(f"FMA peak (KernelBench peak, all cores): {', '.join(f'{p:.1f}' for p in peaks)} GFLOP/s")
    bandwidths = [dict(t.split("=", 1) for t in line.split() if "=" in t) for line in lines if line.startswith("BANDWIDTH ")]
    if bandwidths:
        print()
        print("Bandwidth (KernelBench bandwidth, triad, all cores), before and after: " + ", ".join(
            f"last-level cache {b.get('llc_gbs', '-')} GB/s, memory {b.get('dram_gbs', '-')} GB/s" for b in bandwidths))


def loop_parts(configs, groups):
    """The engine's steady training step split into gather, forward + loss + backward, and optimizer (means per step)."""
    keys = ["steady_gather_ms", "steady_fwd_bwd_ms", "steady_optimizer_ms"]
    rows = []
    for config in configs:
        mode, model, bs, threads, _ = config
        for engine in sorted({e for k, e in groups if k == config}):
            runs = [r for r in groups[(config, engine)] if all(k in r for k in keys)]
            if mode != "train" or not runs:
                continue
            cells = [spread([number(r[k]) for r in runs], 3)[0] for k in keys]
            rows.append(f"| {model} | {bs} | {threads} | {engine} | " + " | ".join(cells) + " |")
    if rows:
        print()
        print("Steady training step, split (ms per step, median and range over runs):")
        print()
        print("| model | bs | threads | engine | gather | forward + loss + backward | optimizer |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(rows))


def steady_rate(run):
    """Samples/s over the epochs after the first, and the FLOPs per sample the run reported (or None)."""
    epochs = [number(v) for v in run.get("epoch_ms", "").split(",") if v]
    samples = number(run.get("samples_per_s"))
    if len(epochs) < 2 or not samples or None in epochs:
        return None, None
    per_epoch = samples * sum(epochs) / 1000 / len(epochs)
    flops = number(run.get("gflops"))
    return per_epoch * (len(epochs) - 1) / (sum(epochs[1:]) / 1000), (flops * 1e9 / samples if flops else None)


def steady(configs, groups, peaks):
    rows = []
    for config in configs:
        mode, model, bs, threads, _ = config
        if mode != "train":
            continue
        engines = sorted({e for k, e in groups if k == config}, key=lambda e: (e != "torch", e))
        reference = None
        for engine in engines:
            rates = [steady_rate(r) for r in groups[(config, engine)]]
            speed, median = spread([rate for rate, _ in rates], 0)
            if median is None:
                continue
            if engine == "torch":
                reference, ratio = median, "1"
            else:
                ratio = f"{median / reference:.2f}x" if reference else "-"
            flops = [f for _, f in rates if f]
            if flops:
                gflops, gflops_median = spread([rate * flops[0] / 1e9 for rate, _ in rates if rate], 1)
                share = f"{100 * gflops_median / max(peaks):.0f} % of {max(peaks):.0f}" if peaks else "-"
            else:
                gflops, share = "-", "-"
            rows.append(f"| {model} | {bs} | {threads} | {engine} | {speed} /s | {ratio} | {gflops} | {share} |")
    if rows:
        print()
        print("Steady state (epochs after the first):")
        print()
        print("| model | bs | threads | engine | samples/s (median, range) | vs torch | executed GFLOP/s (MLP) | % of FMA peak |")
        print("|---|---|---|---|---|---|---|---|")
        print("\n".join(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
