#!/usr/bin/env bash
# Start-up benchmark of the INSTALLED workbench (README, "Build the installers"): the median of 5 cold starts on the
# default workspace, as time from JVM start to the window shown and to the Overview showing data (both logged by the
# app itself from its view-models, see StartupMilestones), plus the installer sizes. Targets: window <= 1.0 s,
# Overview <= 2.0 s. "Cold" = a new JVM each time; with DROP_CACHES=1 (root on a machine of its own, as .ci/run) the
# page cache is dropped before each start too, otherwise the script says the cache was warm.
#   bash packaging/startup-benchmark.sh [launcher] [runs]
set -euo pipefail
LAUNCHER="${1:-/opt/consumption-insights-workbench/bin/ConsumptionInsightsWorkbench}"
RUNS="${2:-5}"
cd "$(dirname "$0")/.."
HOME_DIR="${CIW_HOME:-$(mktemp -d)/ciw-home}"
export CIW_HOME="$HOME_DIR"
run_once() {
  # CIW_STARTUP_BENCHMARK makes the workbench quit once the Overview shows data.
  CIW_STARTUP_BENCHMARK=1 timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "$LAUNCHER" >"$1" 2>&1 || true
}
echo "Building the default workspace in $CIW_HOME once (not timed)..."
run_once /dev/null
windows=(); overviews=(); cache="warm (DROP_CACHES not set, or not allowed here)"
for i in $(seq "$RUNS"); do
  if [ "${DROP_CACHES:-0}" = 1 ] && sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then
    cache="dropped before each start"
  fi
  out="$(mktemp)"
  run_once "$out"
  w="$(sed -n 's/.*Window shown \([0-9]*\) ms after the JVM started.*/\1/p' "$out" | head -1)"
  o="$(sed -n 's/.*Overview shows data (.*) \([0-9]*\) ms after the JVM started.*/\1/p' "$out" | head -1)"
  rm -f "$out"
  [ -n "$w" ] && [ -n "$o" ] || { echo "start $i: the workbench did not report its window and Overview" >&2; exit 1; }
  echo "start $i: window ${w} ms, Overview with data ${o} ms"
  windows+=("$w"); overviews+=("$o")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "Median of $RUNS cold starts (page cache $cache): window shown $(median "${windows[@]}") ms (target <= 1000), Overview with data $(median "${overviews[@]}") ms (target <= 2000)"
for f in packaging/target/installers/*; do
  [ -e "$f" ] && awk -v n="$(basename "$f")" -v s="$(stat -c %s "$f")" 'BEGIN {printf "Installer %s: %.1f MB\n", n, s / 1e6}'
done
exit 0
