#!/usr/bin/env bash
# Install kg with every dependency at the lowest version setup.cfg allows (each `>=X`
# pinned to `==X`), into a fresh venv outside the checkout, and run the tests against
# that install: a lower bound nobody has tried is a guess.
# Usage: bash scripts/check_lower_bounds.sh [pytest args...]   (default: a quick subset)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - >"$WORK/lowest.txt" <<'PY'
import configparser, re
cfg = configparser.ConfigParser()
cfg.read("setup.cfg")
for line in cfg["options"]["install_requires"].splitlines():
    m = re.match(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,\s]*)", line)
    if m:
        print(f"{m.group(1)}=={m.group(2)}")
PY
echo "lowest versions:"; sed 's/^/  /' "$WORK/lowest.txt"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q -c "$WORK/lowest.txt" "$ROOT[test]"
"$WORK/venv/bin/pip" list 2>/dev/null | grep -iEf <(cut -d= -f1 "$WORK/lowest.txt") | sed 's/^/installed: /'
# pytest, not `python -m pytest`: the checkout must not shadow the installed kg
[ $# -gt 0 ] || set -- tests/test_cli_contract.py tests/test_query.py tests/test_netx.py tests/test_viz.py \
  tests/test_validate.py
cd "$ROOT" && "$WORK/venv/bin/pytest" -q -p no:randomly -p no:cacheprovider "$@"
