#!/usr/bin/env bash
# The two-writer tests of tests/test_lock.py at N different offsets between the two
# writers (default 50: 0, 0.04, ... 1.96 s), in one run so the reference builds are made
# once; every one must pass (the issue asks for 50 in a row).
# Usage: scripts/repeat_lock_tests.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"
offsets=$(python3 -c "print(','.join(str(round(i * 0.04, 2)) for i in range($n)))")
KG_LOCK_TIMINGS="$offsets" exec .venv/bin/python -m pytest tests/test_lock.py -p no:randomly -v \
  -k "two_builds_at_once or build_and_load"
