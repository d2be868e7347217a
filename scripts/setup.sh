#!/usr/bin/env bash
# Sets up everything the plan editor needs on a Debian/Ubuntu machine, idempotently:
#   1. the system packages (only the missing ones; needs root or sudo, says what it installs),
#   2. a virtual environment in .venv with the project and its test tools.
# Usage: scripts/setup.sh [run|test]   ("run" adds what a real window needs, "test" what the suite needs)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

qt_runtime="libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0"
cjk_fonts="fonts-arphic-ukai fonts-noto-cjk"
x11_window="xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
docx_to_pdf="libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation"  # calc: the .xlsx tables are opened by a real spreadsheet program
icu_build="libicu-dev pkg-config g++ python3-dev"  # PyICU (the chart's word breaks, the icu extra) builds against the system ICU
uno_reviewer="python3-uno"  # the review tests let LibreOffice edit a document over UNO (system /usr/bin/python3)
real_keys="xvfb xdotool"  # tests/editor/test_x11_keys.py: the real window on X11, keys from xdotool

wanted="$qt_runtime $cjk_fonts $icu_build"
case "$purpose" in
  run)  wanted="$wanted $x11_window" ;;
  test) wanted="$wanted $docx_to_pdf $uno_reviewer git $x11_window $real_keys" ;;  # git: the merge driver is proven with real git
  *) echo "setup.sh: unknown purpose '$purpose' (use run or test)" >&2; exit 2 ;;
esac
python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || wanted="$wanted python3-venv"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
fi

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install these system packages (no root/apt here):$missing" >&2
  else
    echo "setup: installing system packages:$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating the virtual environment .venv"
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "setup: installing the editor and its test tools into .venv (PySide6-Essentials, pydantic, python-docx, diff-match-patch, PyICU, pytest, pytest-qt, hypothesis, ruff, mypy, import-linter)"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[test,icu]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
