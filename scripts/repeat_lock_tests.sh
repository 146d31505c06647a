#!/usr/bin/env bash
# Run the two-writer tests of tests/test_lock.py N times in a row (default 50), each
# run at another offset between the two writers; stop at the first failure.
# Usage: scripts/repeat_lock_tests.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"
offsets=(0 0.05 0.1 0.2 0.3 0.5 0.8 1.2 1.6 2.0)
for i in $(seq 1 "$n"); do
  t="${offsets[$(( (i - 1) % ${#offsets[@]} ))]}"
  if ! KG_LOCK_TIMINGS="$t" .venv/bin/python -m pytest tests/test_lock.py -q -x -p no:randomly \
      -k "two_builds or build_and_load" > "/tmp/kg-lock-run-$i.log" 2>&1; then
    echo "run $i (offset $t s): FAILED, see /tmp/kg-lock-run-$i.log"; exit 1
  fi
  echo "run $i (offset $t s): passed"
done
echo "$n runs in a row passed"
