# Summarises a nongemm A/B log (bench/measured/*-nongemm-*.log): medians over runs of the step, each phase and each PartClock part, before vs after.
# Usage: python3 bench/tools/summarize_nongemm_ab.py LOG
import re, sys, statistics as st, collections
log = open(sys.argv[1]).read().splitlines()
cur = None
step = collections.defaultdict(list); prof = collections.defaultdict(list)
phase = collections.defaultdict(list); part = collections.defaultdict(list); loads = collections.defaultdict(list)
loss = collections.defaultdict(set)
for line in log:
    m = re.match(r'=== round (\d+) side (\w+) model (\w+) bs (\d+) .*load average: ([\d.]+)', line)
    if m:
        cur = (m.group(3), int(m.group(4))); loads[cur].append(float(m.group(5))); continue
    m = re.match(r'\[(\w+)\] RESULT .*mode=(\w+) .*step_ms_median=([\d.]+).*last_loss=([\d.]+)', line)
    if m:
        side, mode, ms, l = m.group(1), m.group(2), float(m.group(3)), m.group(4)
        (step if mode == 'step' else prof)[(cur, side)].append(ms); loss[(cur, mode)].add((side, l)); continue
    m = re.match(r'\[(\w+)\] PHASE (.+?)\s+([\d.]+) ms', line)
    if m:
        phase[(cur, m.group(1), m.group(2).strip())].append(float(m.group(3))); continue
    m = re.match(r'\[(\w+)\] PART  (.+?)\s+([\d.]+) thread-ms', line)
    if m:
        part[(cur, m.group(1), m.group(2).strip())].append(float(m.group(3)))
med = lambda v: st.median(v) if v else float('nan')
for cfg in [c for c in [("cnn", 64), ("mlp", 64), ("mlp", 256)] if loads[c]]:
    print(f"\n### {cfg[0]} batch {cfg[1]}, 2 threads (load averages at the runs' starts: {min(loads[cfg]):.2f}–{max(loads[cfg]):.2f})\n")
    b, a = step[(cfg, 'before')], step[(cfg, 'after')]
    print(f"| | before | after | after/before |\n|---|---|---|---|")
    print(f"| `step` median of the runs' medians, ms ({len(b)}/{len(a)} runs) | {med(b):.3f} | {med(a):.3f} | {med(a)/med(b):.3f} |")
    print(f"| `step` run medians, ms | {' '.join(f'{x:.2f}' for x in b)} | {' '.join(f'{x:.2f}' for x in a)} | |")
    b, a = prof[(cfg, 'before')], prof[(cfg, 'after')]
    print(f"| `profile` step, ms | {med(b):.3f} | {med(a):.3f} | {med(a)/med(b):.3f} |")
    print(f"| last_loss (step / profile) | {sorted(loss[(cfg,'step')])} | {sorted(loss[(cfg,'profile')])} | |")
    print(f"\n| phase (median ms over runs of the per-step medians) | before | after |\n|---|---|---|")
    names = []
    for (c, s, n) in phase:
        if c == cfg and n not in names: names.append(n)
    for n in names:
        print(f"| {n} | {med(phase[(cfg,'before',n)]):.3f} | {med(phase[(cfg,'after',n)]):.3f} |")
    pn = []
    for (c, s, n) in part:
        if c == cfg and n not in pn: pn.append(n)
    if pn:
        print(f"\n| part inside a layer (thread-ms, summed over both threads) | before | after |\n|---|---|---|")
        for n in pn:
            bb, aa = part.get((cfg,'before',n), []), part.get((cfg,'after',n), [])
            print(f"| {n} | {med(bb):.3f} | {med(aa):.3f} |")
