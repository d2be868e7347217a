#!/usr/bin/env bash
# Run every benchmark of tests/bench/ on plans they generate, print one table (work, ours,
# baseline, ratio, goal, met) and write it to docs/benchmarks.md.
# Usage: scripts/bench.sh [--only bench_export,bench_cli] [--rounds N]
# Takes several minutes; on a shared machine run single benchmarks while working instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if ! .venv/bin/python -c 'import pypandoc' 2>/dev/null; then
  echo "bench: installing the bench extra (pypandoc-binary: pandoc, the export benchmark's baseline)"
  .venv/bin/python -m pip install -q -e '.[bench]'
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python tests/bench/run_all.py --write docs/benchmarks.md "$@"
