import re,sys,statistics as st,collections
d=collections.defaultdict(list)
for line in open(sys.argv[1]):
    if not line.startswith('v='): continue
    v=line.split()[0][2:]
    kv=dict(x.split('=',1) for x in line.split() if '=' in x)
    if kv.get('mode')=='step':
        d[(v,'cnn step ms')].append(float(kv['step_ms_median']))
    else:
        bs=kv['bs']; ep=[int(x) for x in kv['epoch_ms'].split(',')]
        d[(v,f'mlp{bs} samples/s')].append(float(kv['samples_per_s']))
        d[(v,f'mlp{bs} steady epoch ms')].append(ep[1])
        d[(v,f'mlp{bs} loss')].append(kv['last_loss'])
keys=sorted(set(k for _,k in d))
for k in keys:
    print(k.ljust(24), '  '.join(f"{v}: {st.median(d[(v,k)]) if 'loss' not in k else set(d[(v,k)])} {d[(v,k)] if 'loss' not in k else ''}" for v in ['before','mask','d256']))
