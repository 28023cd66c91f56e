#!/usr/bin/env bash
# Hand-run probe (issue 11): runs `dlext` on every bad input the issue lists and prints a markdown table
# (input | command | exit | message | what was kept). Usage: bench/probe-inputs.sh [path/to/dlext.dll]
# Needs Debian's dataset-fashion-mnist for the damaged-file cases (built from its real files).
set -u
dll=${1:-src/Interactive.DlExt.Cli/bin/Release/net10.0/dlext.dll}
dll=$(realpath "$dll")
src=/usr/share/datasets/fashion-mnist
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
cd "$w"

# Damaged copies of Fashion-MNIST, one fault each.
python3 - "$src" <<'PY'
import gzip, os, shutil, struct, sys
src = sys.argv[1]
def folder(name):
    os.makedirs(name, exist_ok=True)
    for f in os.listdir(src): shutil.copy(os.path.join(src, f), name)
    return name
d = folder("truncated"); raw = gzip.open(f"{d}/train-images-idx3-ubyte.gz").read()
with gzip.open(f"{d}/train-images-idx3-ubyte.gz", "wb") as g: g.write(raw[: len(raw) // 2])
d = folder("garbage"); open(f"{d}/train-images-idx3-ubyte.gz", "wb").write(os.urandom(4096))
d = folder("swapped")
os.replace(f"{d}/train-images-idx3-ubyte.gz", f"{d}/tmp"); os.replace(f"{d}/train-labels-idx1-ubyte.gz", f"{d}/train-images-idx3-ubyte.gz"); os.replace(f"{d}/tmp", f"{d}/train-labels-idx1-ubyte.gz")
d = folder("mismatch"); raw = gzip.open(f"{d}/train-labels-idx1-ubyte.gz").read()
with gzip.open(f"{d}/train-labels-idx1-ubyte.gz", "wb") as g: g.write(struct.pack(">II", 2049, 59000) + raw[8:59008])
d = folder("overflow")
with gzip.open(f"{d}/train-images-idx3-ubyte.gz", "wb") as g: g.write(struct.pack(">BBBBIIII", 0, 0, 8, 4, 65536, 65536, 65536, 65536))
os.makedirs("empty", exist_ok=True)
PY
long=$(printf 'r%.0s' $(seq 245)).html
printf -- '--epochs\n1\n--sweep-trials\n0\n' > args.rsp

echo "| input | command | exit | message (first error line) | kept | seconds |"
echo "|---|---|---|---|---|---|"
probe() {  # probe LABEL ARGS...
  local label=$1; shift
  rm -f *.html
  local t0=$SECONDS
  timeout -s INT 600 dotnet "$dll" "$@" >out.txt 2>err.txt; local rc=$?
  local msg; msg=$(grep -v '^run .dlext --help' err.txt | head -1 | cut -c1-160 | sed 's/|/\\|/g')
  [ -z "$msg" ] && msg="(none) last output: $(tail -1 out.txt | cut -c1-100 | sed 's/|/\\|/g')"
  grep -q 'at Interactive\|Unhandled exception' err.txt out.txt && msg="STACK TRACE: $msg"
  local kept; kept=$(ls *.html 2>/dev/null | cut -c1-40 | tr '\n' ' '); kept=${kept:-no report}
  echo "| $label | \`dlext $(echo "$*" | cut -c1-70)\` | $rc | $msg | $kept | $((SECONDS - t0)) |"
}
q="--epochs 1 --sweep-trials 0"
for d in truncated garbage swapped mismatch overflow; do
  probe "$d train images (Fashion-MNIST)" --data fashion-mnist --data-dir "$d" $q
done
probe "no data files" --data fashion-mnist --data-dir empty $q
probe "mnist without files or dir" --data mnist $q
probe "report in /sys" --report /sys/r.html $q
probe "250-char report name" --report "$long" $q
probe "report folder missing" --report /no/such/dir/r.html
probe "empty report path" --report "" $q
probe "threads 100000" --threads 100000 $q
probe "exploding learning rate" --lr 1e6 --epochs 3
probe "typo --epoch" --epoch 5
probe "wrong case --LR" --LR 0.1
probe "--lr without value" --lr
probe "--val-split 2" --val-split 2 $q
probe "batch 100000 on digits" --batch-size 100000 $q
probe "--data-dir with digits" --data-dir /tmp $q
probe "response file" @args.rsp
# Ctrl-C (SIGINT) four seconds into a Fashion-MNIST run, during training. timeout delivers it (a background job of a
# script starts with SIGINT ignored); --preserve-status passes dlext's own exit code on.
rm -f *.html; t0=$SECONDS
timeout -s INT --preserve-status 4 dotnet "$dll" --data fashion-mnist --data-dir "$src" --epochs 5 >out.txt 2>err.txt; rc=$?
echo "| Ctrl-C during training | \`dlext --data fashion-mnist --epochs 5\` + SIGINT at 4 s | $rc | $(tail -1 err.txt | cut -c1-100); $(grep '^done' out.txt | cut -c1-80) | $(ls *.html 2>/dev/null) $(grep -o '<title>dlext[^<]*' *.html 2>/dev/null | head -1 | sed 's/<title>//') | $((SECONDS - t0)) |"
