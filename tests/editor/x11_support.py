"""Running a driver of the real window under Xvfb (the xcb platform, keys and mouse from xdotool, both
installed by ``scripts/setup.sh test``) and reading back the JSON of what it saw."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def run_x11_driver(module: str, tmp_path: Path, out_name: str, *args: str) -> dict:
    """``python -m module OUT TMP ARGS…`` under ``xvfb-run -a``; what it wrote to ``tmp_path/out_name``."""
    missing = [tool for tool in ("xvfb-run", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"{missing} not installed: run scripts/setup.sh test"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "xcb"
    out = tmp_path / out_name
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", module, str(out), str(tmp_path), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.exists(), run.stdout + run.stderr
    return json.loads(out.read_text(encoding="utf-8"))
