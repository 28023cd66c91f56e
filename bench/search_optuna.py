#!/usr/bin/env python3
"""Optuna's samplers on the objectives of bench/SearchBench (same functions, same spaces, same known minima).

Prints the same RESULT lines as SearchBench:
    RESULT objective=branin strategy=optuna-tpe budget=50 seed=3 best=0.41 regret=0.0121 trials=50
Strategies: optuna-tpe (TPESampler(seed=s), default settings), optuna-tpe-mv (TPESampler(seed=s, multivariate=True)),
optuna-random (RandomSampler(seed=s)).

Optuna's samplers do not know the budget, and trials run one at a time, so one study of max(budgets) trials per
(objective, sampler, seed) gives the best after 10/25/50/100 trials exactly as separate studies would; that is what
this script does (SearchBench runs one study per budget, because coarse-to-fine sizes its rounds from the budget).

Usage: python3 bench/search_optuna.py [--strategies optuna-tpe,optuna-tpe-mv,optuna-random] [--objectives all|branin,...]
           [--budgets 10,25,50,100] [--seeds 0..29] [--jobs 2] [--trace N]
"""
import argparse
import logging
import math
import multiprocessing
import sys
import time
import warnings

import optuna

OPTIMIZERS = ["sgd", "momentum", "adam"]
STYBLINSKI_TANG_PER_DIMENSION = -39.16616570377142


def branin(x1, x2):
    """Branin on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887."""
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    u = x2 - b * x1 * x1 + c * x1 - 6
    return u * u + 10 * (1 - t) * math.cos(x1) + 10


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(x):
    """Hartmann-6 on [0, 1]^6; minimum -3.32237."""
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(x):
    """sum 100(x[i+1] - x[i]^2)^2 + (1 - x[i])^2; minimum 0 at (1, ..., 1)."""
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def styblinski_tang(x):
    """1/2 sum (x^4 - 16x^2 + 5x) on [-5, 5]^d; minimum -39.16617 d."""
    return 0.5 * sum(v ** 4 - 16 * v * v + 5 * v for v in x)


def mixed(lr, batch, optimizer):
    """u = log10(lr), v = log2(batch): off[o] + (u - (c[o] + 0.15(v - 6)))^2/2 + 0.05(v - v*[o])^2;
    off = sgd 0.3, momentum 0.1, adam 0; c = -1, -2, -3; v* = 5, 7, 8. Minimum 0 (adam, batch 256, lr 10^-2.7)."""
    off, c, v_star = {"sgd": (0.3, -1.0, 5.0), "momentum": (0.1, -2.0, 7.0), "adam": (0.0, -3.0, 8.0)}[optimizer]
    u = math.log10(lr)
    v = math.log2(batch)
    du = u - (c + 0.15 * (v - 6))
    dv = v - v_star
    return off + 0.5 * du * du + 0.05 * dv * dv


def conditional(optimizer, lr, momentum, batch):
    """momentum m in [0, 0.99] exists only for the momentum optimizer (m = 0 otherwise); u = log10(lr / (1 - m)):
    off[o] + (u - c[o])^2/2 + [o = momentum] 2(m - 0.9)^2 + 0.05(log2(batch) - 7)^2;
    off = sgd 0.3, momentum 0, adam 0.1; c = -1, -2, -3. Minimum 0 (momentum, m 0.9, lr 1e-3, batch 128)."""
    off, c = {"sgd": (0.3, -1.0), "momentum": (0.0, -2.0), "adam": (0.1, -3.0)}[optimizer]
    m = momentum if optimizer == "momentum" else 0.0
    du = math.log10(lr / (1 - m)) - c
    dm = m - 0.9 if optimizer == "momentum" else 0.0
    dv = math.log2(batch) - 7
    return off + 0.5 * du * du + 2 * dm * dm + 0.05 * dv * dv


def box(trial, d, low, high):
    return [trial.suggest_float(f"x{i}", low, high) for i in range(1, d + 1)]


def objective_mixed(t):
    lr = t.suggest_float("lr", 1e-5, 1, log=True)
    batch = t.suggest_int("batch", 16, 512, log=True)
    optimizer = t.suggest_categorical("optimizer", OPTIMIZERS)
    return mixed(lr, batch, optimizer)


def objective_conditional(t):
    # Define-by-run: momentum is asked for only when the optimizer is momentum (as ParameterCondition in SearchBench).
    optimizer = t.suggest_categorical("optimizer", OPTIMIZERS)
    lr = t.suggest_float("lr", 1e-5, 1, log=True)
    momentum = t.suggest_float("momentum", 0, 0.99) if optimizer == "momentum" else 0.0
    batch = t.suggest_int("batch", 16, 512, log=True)
    return conditional(optimizer, lr, momentum, batch)


OBJECTIVES = {
    "branin": (lambda t: branin(t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)), 0.39788735772973816),
    "hartmann6": (lambda t: hartmann6(box(t, 6, 0, 1)), -3.32236801141551),
    "rosenbrock2": (lambda t: rosenbrock(box(t, 2, -2, 2)), 0.0),
    "rosenbrock4": (lambda t: rosenbrock(box(t, 4, -2, 2)), 0.0),
    "styblinski4": (lambda t: styblinski_tang(box(t, 4, -5, 5)), 4 * STYBLINSKI_TANG_PER_DIMENSION),
    "mixed": (objective_mixed, 0.0),
    "conditional": (objective_conditional, 0.0),
}

SAMPLERS = {
    "optuna-tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "optuna-tpe-mv": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "optuna-random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
}


def quiet():
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    optuna.logging.disable_default_handler()
    warnings.filterwarnings("ignore")
    logging.getLogger("optuna").setLevel(logging.ERROR)


def run(job):
    objective_name, strategy, budgets, seed, trace = job
    quiet()
    function, minimum = OBJECTIVES[objective_name]
    study = optuna.create_study(direction="minimize", sampler=SAMPLERS[strategy](seed))
    study.optimize(function, n_trials=max(budgets))
    values = [t.value for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    lines = []
    for t in study.trials[:trace]:
        params = " ".join(f"{k}={v:.6g}" if isinstance(v, float) else f"{k}={v}" for k, v in t.params.items())
        lines.append(f"TRIAL objective={objective_name} strategy={strategy} seed={seed} number={t.number} value={t.value:.10g} {params}")
    for budget in budgets:
        best = min(values[:budget])
        lines.append(f"RESULT objective={objective_name} strategy={strategy} budget={budget} seed={seed} "
                     f"best={best:.10g} regret={best - minimum:.10g} trials={min(budget, len(values))}")
    return lines


def parse_seeds(text):
    if ".." in text:
        a, b = text.split("..")
        return list(range(int(a), int(b) + 1))
    return [int(s) for s in text.split(",")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies", default="optuna-tpe,optuna-tpe-mv,optuna-random")
    parser.add_argument("--objectives", default="all")
    parser.add_argument("--budgets", default="10,25,50,100")
    parser.add_argument("--seeds", default="0..29")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--trace", type=int, default=0, help="also print TRIAL lines of the first N trials of each study")
    args = parser.parse_args()
    quiet()
    strategies = args.strategies.split(",")
    objectives = list(OBJECTIVES) if args.objectives == "all" else args.objectives.split(",")
    budgets = sorted(int(b) for b in args.budgets.split(","))
    seeds = parse_seeds(args.seeds)
    for name in strategies:
        if name not in SAMPLERS:
            sys.exit(f"unknown strategy {name}; known: {', '.join(SAMPLERS)}")
    print(f"# search_optuna.py optuna {optuna.__version__} strategies={','.join(strategies)} "
          f"budgets={','.join(map(str, budgets))} seeds={len(seeds)} (one study of {max(budgets)} trials per seed)", flush=True)
    with multiprocessing.Pool(args.jobs) as pool:
        for objective_name in objectives:
            for strategy in strategies:
                start = time.monotonic()
                jobs = [(objective_name, strategy, budgets, seed, args.trace) for seed in seeds]
                for lines in pool.imap(run, jobs):
                    print("\n".join(lines), flush=True)
                print(f"# {objective_name} {strategy}: {time.monotonic() - start:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
