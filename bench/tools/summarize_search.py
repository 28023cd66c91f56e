#!/usr/bin/env python3
"""Summarise the RESULT lines of bench/search-compare.sh (SearchBench and search_optuna.py) into Markdown tables.

Input: files (or stdin) holding lines such as
  RESULT objective=branin strategy=tpe budget=50 seed=3 best=0.41 regret=0.0121 trials=50
For every objective and budget, each strategy's regret (best found − known minimum) over the seeds is shown as
median (q1–q3) (inclusive quartiles); then the ratios of medians given by --ratio (default: our tpe to optuna-tpe,
and our tpe to our random; < 1 means the first is better). A last table counts, per budget, the objectives on which
each strategy's median regret is the lowest.

Usage: python3 bench/tools/summarize_search.py [--ratio tpe/optuna-tpe,tpe/random] LOG...
"""
import argparse
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


def quartiles(values):
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def g(x):
    return f"{x:.3g}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ratio", default="tpe/optuna-tpe,tpe/random")
    parser.add_argument("logs", nargs="*")
    args = parser.parse_args()
    lines = []
    for path in args.logs or ["-"]:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        lines.extend(line for line in stream if "RESULT" in line and "objective=" in line)

    regrets = defaultdict(list)  # (objective, budget, strategy) -> regrets
    objectives, strategies, budgets = [], [], set()
    for line in lines:
        f = parse(line)
        o, s, b = f["objective"], f["strategy"], int(f["budget"])
        if o not in objectives:
            objectives.append(o)
        if s not in strategies:
            strategies.append(s)
        budgets.add(b)
        regrets[(o, b, s)].append(max(0.0, float(f["regret"])))
    # Ours first (in the order run), then Optuna's.
    strategies.sort(key=lambda s: s.startswith("optuna-"))
    budgets = sorted(budgets)
    ratios = [r.split("/") for r in args.ratio.split(",") if r]
    ratios = [(a, b) for a, b in ratios if a in strategies and b in strategies]
    seeds = sorted({len(v) for v in regrets.values()})

    print(f"Regret (best − known minimum), median (q1–q3) over {'/'.join(map(str, seeds))} seeds; lower is better. "
          f"Ratios are of medians (< 1: the first is better).\n")
    header = ["objective", "budget"] + strategies + [f"{a} / {b}" for a, b in ratios]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---", "---:"] + ["---:"] * (len(header) - 2)) + "|")
    best_counts = defaultdict(lambda: defaultdict(int))
    for o in objectives:
        for b in budgets:
            cells, medians = [o, str(b)], {}
            for s in strategies:
                values = regrets.get((o, b, s))
                if not values:
                    cells.append("-")
                    continue
                q1, q2, q3 = quartiles(values)
                medians[s] = q2
                cells.append(f"{g(q2)} ({g(q1)}–{g(q3)})")
            if medians:
                low = min(medians.values())
                for s, m in medians.items():
                    if m == low:
                        best_counts[b][s] += 1
                # Bold the lowest median of the row.
                for i, s in enumerate(strategies):
                    if medians.get(s) == low:
                        cells[2 + i] = "**" + cells[2 + i].replace(" (", "** (", 1)
            for a, c in ratios:
                if a in medians and c in medians and medians[c] > 0:
                    cells.append(f"{medians[a] / medians[c]:.2f}")
                else:
                    cells.append("-")
            print("| " + " | ".join(cells) + " |")

    print("\nObjectives on which each strategy has the lowest median regret (ties count for each):\n")
    print("| budget | " + " | ".join(strategies) + " |")
    print("|---:|" + "|".join(["---:"] * len(strategies)) + "|")
    for b in budgets:
        print(f"| {b} | " + " | ".join(str(best_counts[b][s]) for s in strategies) + " |")


if __name__ == "__main__":
    main()
