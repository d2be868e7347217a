#!/usr/bin/env bash
# Set everything up, then run the whole test suite headless (Qt's offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# The linters first, each failing the run (set -e): style, the types of schema/, the layer rules.
echo "test: ruff"
.venv/bin/ruff check .
echo "test: mypy"
.venv/bin/mypy
echo "test: import-linter"
.venv/bin/lint-imports >/dev/null || .venv/bin/lint-imports  # quiet when kept, the full report when broken
exec .venv/bin/python -m pytest -q "$@"
