#!/usr/bin/env python3
"""What a strategy samples, from the TRIAL lines of SearchBench --trace B or search_optuna.py --trace B.

For every (objective, strategy): the choice parameters' value counts in the start-up trials (number < STARTUP)
and after; how many seeds end "locked" (one value in >= 90% of the last 20 trials) and on which value; and, for
the mixed and conditional objectives, the learning-rate mismatch |u − u*(optimizer, batch[, momentum])| in decades
(u = log10 lr) of the model trials, i.e. whether lr is drawn for the optimizer it is paired with.

Usage: python3 bench/tools/search_trace.py [--startup 10] TRACE...
"""
import argparse
import math
import statistics
import sys
from collections import Counter, defaultdict

CHOICES = {"optimizer"}


def parse(line):
    fields = {}
    for token in line[line.index("TRIAL") + len("TRIAL"):].split():
        if "=" in token:
            key, value = token.split("=", 1)
            fields[key] = value
    return fields


def lr_mismatch(objective, p):
    u = math.log10(float(p["lr"]))
    v = math.log2(float(p["batch"]))
    o = p["optimizer"]
    if objective == "mixed":
        c = {"sgd": -1.0, "momentum": -2.0, "adam": -3.0}[o]
        return abs(u - (c + 0.15 * (v - 6)))
    if objective == "conditional":
        c = {"sgd": -1.0, "momentum": -2.0, "adam": -3.0}[o]
        m = float(p.get("momentum", 0)) if o == "momentum" else 0.0
        return abs(u - math.log10(1 - m) - c)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--startup", type=int, default=10)
    parser.add_argument("traces", nargs="*")
    args = parser.parse_args()
    runs = defaultdict(lambda: defaultdict(list))  # (objective, strategy) -> seed -> trials
    for path in args.traces or ["-"]:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        for line in stream:
            if line.startswith("TRIAL"):
                f = parse(line)
                runs[(f["objective"], f["strategy"])][int(f["seed"])].append(f)
    for (objective, strategy), seeds in runs.items():
        print(f"## {objective} / {strategy} ({len(seeds)} seeds)")
        trials = [t for ts in seeds.values() for t in ts]
        for name in sorted({k for t in trials for k in t} & CHOICES):
            early = Counter(t[name] for t in trials if int(t["number"]) < args.startup and name in t)
            late = Counter(t[name] for t in trials if int(t["number"]) >= args.startup and name in t)
            print(f"  {name}: start-up {dict(early)}; model trials {dict(late)}")
            locked, as_startup_best, first_switch = Counter(), 0, []
            for ts in seeds.values():
                ordered = sorted(ts, key=lambda t: int(t["number"]))
                last = Counter(t[name] for t in ordered[-20:])
                value, count = last.most_common(1)[0]
                if count >= 18:
                    locked[value] += 1
                    startup = [t for t in ordered if int(t["number"]) < args.startup and name in t]
                    if startup and min(startup, key=lambda t: float(t["value"]))[name] == value:
                        as_startup_best += 1
                    # The trial from which on (nearly) only that value is drawn: the last other value before the end.
                    others = [int(t["number"]) for t in ordered if t.get(name) != value]
                    first_switch.append(max(others) + 1 if others else 0)
            print(f"  seeds locked on one {name} in their last 20 trials: {sum(locked.values())} {dict(locked)}"
                  + (f"; the best start-up trial's {name} in {as_startup_best}; only that value from trial "
                     f"{statistics.median(first_switch):.0f} on (median)" if first_switch else ""))
        mismatches = [lr_mismatch(objective, t) for t in trials if int(t["number"]) >= args.startup]
        mismatches = [m for m in mismatches if m is not None]
        if mismatches:
            q = statistics.quantiles(mismatches, n=4)
            share = sum(m > 1 for m in mismatches) / len(mismatches)
            print(f"  lr mismatch of model trials (decades): median {q[1]:.2f} (q1 {q[0]:.2f}, q3 {q[2]:.2f}); "
                  f"{share:.0%} more than one decade off")
        if "batch" in trials[0]:
            late = [math.log2(float(t["batch"])) for t in trials if int(t["number"]) >= args.startup]
            print(f"  log2 batch of model trials: median {statistics.median(late):.2f}, "
                  f"spread (q3-q1) {statistics.quantiles(late, n=4)[2] - statistics.quantiles(late, n=4)[0]:.2f}")


if __name__ == "__main__":
    main()
