#!/usr/bin/env bash
# Set everything up, then run the whole test suite headless (Qt's offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
echo "test: ruff"
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
