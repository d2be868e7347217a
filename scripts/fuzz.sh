#!/usr/bin/env bash
# Fuzz the command line: N mutated plan files, texts and special files (default 1000), a fresh
# seed each run (or --seed S), every read command in-process on each, held to the contract
# (exit 0/1/2, one line naming the file, no traceback, nothing written for bad input, .docx
# that python-docx opens, at most 5 s of CPU per run). Prints tried / accepted / refused cleanly /
# failed by mutation kind and the slowest run; failing inputs are saved in fuzz-failures/ with a
# .problem file giving the command that reproduces each.
#   scripts/fuzz.sh N [--seed S] [--exports-every K] [--save DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
shift || true
QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m tests.fuzz.harness "$count" "$@"
