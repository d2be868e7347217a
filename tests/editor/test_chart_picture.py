"""The official document's chart picture (editor.export.chart_picture): painted in a forked child by
the command line (forked before the plan is loaded), the same picture as painted in process; a failed
child leaves the work to the process; a refused plan or a failed export leaves no child behind; the
PNG writer's pieces (deflated in threads) hold exactly the image's pixels."""
from __future__ import annotations

import os
import subprocess
import sys
import zlib

from docx.enum.section import WD_SECTION
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QImage

from editor.export import styles
from editor.export.chart_paint import _adler32_combine, png_bytes
from editor.export.chart_picture import chart_room, landscape_chart_room
from editor.export.official_styles import new_official_document
from tests.paths import ROOT, SAMPLE

# Run in a fresh interpreter (Qt not loaded, so the picture may be painted in a forked child).
FORKED = r"""
import os, sys
from schema.fileio import load_plan
from editor.export import chart_picture
plan = load_plan(sys.argv[1])
if sys.argv[2] == "child dies":
    chart_picture._paint_in_child = lambda *args: os._exit(3)
pending = chart_picture.start_chart_picture(plan, plan.draft)
forked = pending._child is not None
picture = pending.result()
here = chart_picture.chart_picture(plan, plan.draft, chart_picture.landscape_chart_room())
print(f"forked {forked}; same picture {picture == here}; {picture.width}x{picture.height} EMU; {len(picture.png) > 100_000}")
"""


# `plan-editor export --docx` in a fresh interpreter, with the child's work changed as the case says;
# afterwards: no child of the command is left (running or a zombie), and what the parent imported.
EXPORT = r"""
import os, sys
from editor.cli import main
from editor.export import chart_picture, fonts
case = sys.argv[1]
if case == "child dies":
    chart_picture._paint_data_in_child = lambda *args: os._exit(3)
if case == "child raises":
    def fail(*args):
        raise RuntimeError("not a picture")
    chart_picture._paint_data_in_child = fail
if case == "no Chinese font":
    def no_font(available=None):
        raise fonts.NoChineseFontError("No Traditional Chinese font is installed, so the framework chart cannot be drawn.")
    fonts.choose_chart_family = no_font
status = main(sys.argv[2:])
try:
    left = os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    left = "none"
print(f"status {status}; children left {left}; Qt {'PySide6.QtGui' in sys.modules}; models {'schema.model' in sys.modules}")
"""


def export_with(case: str, *args: str) -> tuple[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", EXPORT, case, "export", *args], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip(), result.stderr


def test_a_child_forked_before_the_plan_is_loaded_paints_the_picture_of_the_window_s_document(qapp, tmp_path):
    from editor.export.official_docx import write_official_docx
    from schema.fileio import load_plan

    out = tmp_path / "cli.docx"
    assert export_with("child paints", str(SAMPLE), "--docx", str(out)) == (
        f"{out}\nstatus 0; children left none; Qt False; models True", "")
    in_process = write_official_docx(load_plan(SAMPLE), None, tmp_path / "window.docx")  # Qt loaded here: no child
    assert out.read_bytes() == in_process.read_bytes()


def test_a_child_that_dies_or_fails_leaves_the_picture_to_the_process(qapp, tmp_path):
    from editor.export.official_docx import write_official_docx
    from schema.fileio import load_plan

    in_process = write_official_docx(load_plan(SAMPLE), None, tmp_path / "window.docx").read_bytes()
    for case in ("child dies", "child raises"):
        out = tmp_path / f"{case}.docx"
        assert export_with(case, str(SAMPLE), "--docx", str(out)) == (
            f"{out}\nstatus 0; children left none; Qt True; models True", "")
        assert out.read_bytes() == in_process


def test_a_refused_plan_stops_the_child_and_says_one_sentence(tmp_path):
    broken = tmp_path / "broken.plan.json"
    broken.write_text('{"format_version": 2, "title": ', encoding="utf-8")
    out = tmp_path / "out.docx"
    stdout, stderr = export_with("child paints", str(broken), "--docx", str(out))
    assert stdout == "status 2; children left none; Qt False; models True"
    assert stderr == f"{broken} ends unexpectedly at line 1: the file is truncated or incomplete.\n"
    assert not out.exists()


def test_an_unknown_revision_stops_the_child_and_says_one_sentence(tmp_path):
    out = tmp_path / "out.docx"
    stdout, stderr = export_with("child paints", str(SAMPLE), "--revision", "no such label", "--docx", str(out))
    assert stdout == "status 2; children left none; Qt False; models True"
    assert stderr == f"plan-editor export: {SAMPLE}: no revision labelled 'no such label' (known: 109年修正版)\n"
    assert not out.exists()


def test_no_chinese_font_in_the_child_is_the_command_s_one_sentence_and_no_file(tmp_path):
    out = tmp_path / "out.docx"
    stdout, stderr = export_with("no Chinese font", str(SAMPLE), "--docx", str(out))
    assert stdout == "status 2; children left none; Qt True; models True"
    assert stderr == "plan-editor export: No Traditional Chinese font is installed, so the framework chart cannot be drawn.\n"
    assert not out.exists()


def run_forked(case: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", FORKED, str(SAMPLE), case], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_chart_painted_in_a_forked_child_is_the_picture_painted_in_process():
    assert run_forked("child paints") == "forked True; same picture True; 8570752x4998720 EMU; True"


def test_a_child_that_dies_leaves_the_picture_to_the_process():
    assert run_forked("child dies") == "forked True; same picture True; 8570752x4998720 EMU; True"


def test_the_room_computed_without_python_docx_is_the_chart_section_s():
    doc = new_official_document()
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    styles.page_setup(section, landscape=True)  # read back from its XML: lengths in whole twips
    assert landscape_chart_room() == chart_room(*styles.content_size(section)) == (8892540, 4998720)


def test_in_process_the_picture_is_painted_when_asked_for(qapp):
    from editor.export.chart_picture import start_chart_picture
    from schema.fileio import load_plan

    plan = load_plan(SAMPLE)
    pending = start_chart_picture(plan, plan.draft)  # Qt is loaded here: no child
    assert pending._child is None
    picture = pending.result()
    image = QImage.fromData(picture.png, "PNG")
    assert (image.width(), image.height(), picture.width, picture.height) == (2812, 1640, 8570752, 4998720)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 9), st.integers(1, 7), st.integers(0, 2**32 - 1))
def test_png_pieces_decode_to_exactly_the_image_s_pixels(width, height, seed):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for x in range(width):
        for y in range(height):
            value = (seed * (x + 1) * 2654435761 + y * 40503) & 0xFFFFFF
            image.setPixelColor(x, y, QColor(value >> 16, (value >> 8) & 0xFF, value & 0xFF))
    decoded = QImage.fromData(png_bytes(image), "PNG").convertToFormat(QImage.Format.Format_RGB32)
    assert (decoded.width(), decoded.height()) == (width, height)
    assert [decoded.pixel(x, y) for y in range(height) for x in range(width)] == [image.pixel(x, y) for y in range(height) for x in range(width)]


@given(st.binary(max_size=3000), st.binary(max_size=3000))
def test_the_combined_checksum_is_the_checksum_of_the_pieces_joined(first, second):
    assert _adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(first + second)


def test_a_long_piece_of_one_byte_still_checks_out():
    first, second = b"\xff" * 200_000, b"\xff" * 300_001  # sums past the modulus many times over
    assert _adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(first + second)


def test_the_command_line_s_document_with_its_forked_chart_is_the_window_s_byte_for_byte(qapp, tmp_path):
    from editor.export.official_docx import write_official_docx
    from schema.fileio import load_plan

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "editor", "export", str(SAMPLE), "--docx", str(tmp_path / "cli.docx")],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{tmp_path / 'cli.docx'}\n", "")
    in_process = write_official_docx(load_plan(SAMPLE), None, tmp_path / "window.docx")  # Qt loaded here: no child
    assert (tmp_path / "cli.docx").read_bytes() == in_process.read_bytes()
