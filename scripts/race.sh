#!/usr/bin/env bash
# The full-size races of issue 16 (slow: minutes; the suite runs small versions):
#   200 saves of the 5,000-node plan while another process rewrites the file at random moments
#   (0 may overwrite its change without asking), and 100 SIGKILLs inside compound edits (each
#   recovered whole or not at all).
#   scripts/race.sh [SAVES] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
saves="${1:-200}"
kills="${2:-100}"
export QT_QPA_PLATFORM=offscreen
status=0
.venv/bin/python tests/fuzz/save_race.py --saves "$saves" --nodes 5000 --pause 6 || status=1
.venv/bin/python tests/fuzz/kill_compound.py --trials "$kills" || status=1
exit $status
