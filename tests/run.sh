#!/usr/bin/env bash
# Runs every test with the set-up the tests need, the same for a newcomer and for CI:
#  - as root on Debian: chromium (browser rendering test), dataset-fashion-mnist (real-data loader test),
#    jupyter-nbconvert + python3-nbclient + python3-ipykernel (the tutorials through Jupyter's protocol);
#  - `dotnet tool restore`: the served notebook kernel (.config/dotnet-tools.json) the real-kernel tests run;
#  - `dotnet test` over the solution, then the engine's tests again on its net8.0 build, then one line
#    "N passed, N failed" summed over every test assembly.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium dataset-fashion-mnist \
    jupyter-nbconvert python3-nbclient python3-ipykernel >/dev/null 2>&1 \
    || echo "warning: apt-get install failed; the browser, Fashion-MNIST and Jupyter tests will fail and say what is missing"
fi

dotnet tool restore || echo "warning: dotnet tool restore failed; the real-kernel tests will fail and say what is missing"

log=$(mktemp)
dotnet test Interactive.DlExt.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The engine ships for net8.0 too: its tests once more against that build, on a .NET 8 runtime when one is
# installed, else rolled forward onto the installed one (RollForward=Major; see Directory.Build.props).
dotnet test tests/Interactive.DlExt.Engine.Tests -c Release -p:DlExtTestNet8=true -f net8.0 2>&1 | tee -a "$log"
status8=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then status=$status8; fi

passed=0; failed=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+).*/\2 \3/p' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
