#!/usr/bin/env bash
# Restores and builds bench/TorchSharpBench (TorchSharp 0.107.0 + libtorch-cpu-linux-x64 2.10.0) and makes
# TorchSharp's native shim load on Debian 12.
#
# Why the patch: libLibTorchSharp.so 0.107.0 was linked with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32;
# Debian 12's libstdc++ stops at GLIBCXX_3.4.30, so the loader refuses it and TorchSharp throws a misleading
# "libtorch-cpu ... not restored" error. Only one never-called symbol needs that version, so marking the
# requirement weak (tools/mark_version_need_weak.py) is enough. The patch goes into the restored copy in the
# NuGet global packages folder (which the build copies into bin/) and, to be sure, into the bin/ copy too.
# Idempotent: run it again after any clean or restore.
#
# Usage: bench/torchsharp-setup.sh            (then: bench/TorchSharpBench/bin/Release/net10.0/linux-x64/TorchSharpBench ...)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/TorchSharpBench/TorchSharpBench.csproj"
weaken="$here/tools/mark_version_need_weak.py"
output="$here/TorchSharpBench/bin/Release/net10.0/linux-x64"

dotnet restore "$project"

packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
packages="${NUGET_PACKAGES:-${packages%/}}"
shim="$packages/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so"
[[ -f "$shim" ]] || { echo "not found after restore: $shim" >&2; exit 1; }

stdcxx="$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
if [[ -n "$stdcxx" ]]; then
  echo "system libstdc++: $stdcxx, newest version: $(grep -ao 'GLIBCXX_3\.4\.[0-9]*' "$stdcxx" | sort -uV | tail -1)"
fi
python3 "$weaken" "$shim"

dotnet build "$project" -c Release --no-restore -nologo -v quiet
python3 "$weaken" "$output/libLibTorchSharp.so"

# Smoke test: libtorch loads and a few training steps run (needs the data set).
if [[ -d "${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}" ]]; then
  "$output/TorchSharpBench" step --model mlp --bs 64 --threads 1 --steps 3 --warmup 1 \
    --data "${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}"
else
  echo "Fashion-MNIST not found: apt-get install dataset-fashion-mnist (or set FMNIST_DIR) before running the bench"
fi
echo "TorchSharpBench ready: $output/TorchSharpBench"
