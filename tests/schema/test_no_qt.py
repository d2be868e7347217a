"""The pure-schema tests run without Qt: nothing they import (schema/, their helpers, the suite's
root conftest) loads PySide6, python-docx or lxml. Run them alone with
``.venv/bin/pytest tests/schema -p no:pytestqt`` (pytest-qt itself imports Qt when it starts)."""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CHECK = """
import importlib, pathlib, sys
sys.path.insert(0, {root!r})
importlib.import_module("tests.conftest")
for path in sorted(pathlib.Path({here!r}).glob("*.py")):
    importlib.import_module("tests.schema." + path.stem)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6", "docx", "lxml", "editor"))
print(" ".join(loaded) or "none")
"""


def test_the_schema_tests_import_no_qt_no_word_library_and_nothing_of_the_editor():
    result = subprocess.run([sys.executable, "-c", CHECK.format(root=str(ROOT), here=str(HERE))],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "none"


def test_no_schema_test_imports_them_inside_a_function_either():
    for path in sorted(HERE.glob("*.py")):
        text = path.read_text("utf-8")
        for name in ("PySide6", "import docx", "from docx", "lxml", "from editor", "import editor", "qtbot", "qapp"):
            assert name not in text or path == Path(__file__), f"{path.name} mentions {name}"
