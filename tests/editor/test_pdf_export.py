"""plan-editor export --pdf: the official document through LibreOffice, or one sentence when it cannot be."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from editor import cli
from editor.export.pdf_export import docx_to_pdf
from schema.fileio import PlanFileError, load_plan
from tests.paths import SAMPLE

NO_LIBREOFFICE = ("plan-editor export: LibreOffice (soffice) is not installed, and the PDF is made by it; "
                  "install LibreOffice, or write the Word document with --docx\n")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_the_pdf_has_every_strategy_in_a_kai_face_and_only_the_pdf_is_written(tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert cli.main(["export", str(SAMPLE), "--pdf", str(out), "--appendix"]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    for area in load_plan(SAMPLE).draft.content.focus.focus_areas:
        for strategy in area.strategies:
            assert re.sub(r"\s", "", strategy.title) in text, strategy.title
    assert "附錄二" in text and "經費需求表" in text and "總計" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "UKaiTW" in fonts  # 標楷體 through editor/export/fonts.conf
    assert not re.search(r"JP|Mincho|Gothic|IPA|Takao", fonts), fonts


def test_without_libreoffice_one_sentence_and_nothing_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "plan.pdf"
    assert cli.main(["export", str(SAMPLE), "--docx", str(tmp_path / "plan.docx"), "--pdf", str(out)]) == 2
    assert capsys.readouterr().err == NO_LIBREOFFICE
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_name_must_end_in_pdf(tmp_path, capsys):
    assert cli.main(["export", str(SAMPLE), "--pdf", str(tmp_path / "plan.docx")]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {tmp_path / 'plan.docx'}: the PDF (--pdf) must end in .pdf\n"


def _fake_soffice(tmp_path, body: str):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_a_conversion_that_hangs_is_stopped_and_leaves_nothing(tmp_path):
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"PK")
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    with pytest.raises(PlanFileError, match=r"plan\.pdf was not written: LibreOffice did not finish the conversion within 1 seconds$"):
        docx_to_pdf(docx, out, soffice=_fake_soffice(tmp_path, "exec sleep 30"), timeout=1)
    assert list(out.parent.iterdir()) == []


def test_a_window_waiting_for_the_conversion_is_called_every_tenth_of_a_second(tmp_path):
    """The window's progress dialog and repainting live on these calls: LibreOffice takes seconds."""
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"PK")
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    waited: list[float] = []
    with pytest.raises(PlanFileError, match=r"LibreOffice could not convert the document \(exit status 3\)$"):
        docx_to_pdf(docx, out, soffice=_fake_soffice(tmp_path, "sleep 1; exit 3"), waiting=waited.append)
    assert 6 <= len(waited) <= 11  # about ten calls in the second it ran (fewer on a loaded machine)
    assert waited == sorted(waited) and 0.05 < waited[0] < 0.5 and 0.6 < waited[-1] < 1.5
    assert list(out.parent.iterdir()) == []


def test_a_failed_conversion_says_why_and_leaves_nothing(tmp_path):
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"PK")
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    with pytest.raises(PlanFileError, match=r"plan\.pdf was not written: LibreOffice could not convert the document \(Error: source file could not be loaded\)$"):
        docx_to_pdf(docx, out, soffice=_fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1"))
    assert list(out.parent.iterdir()) == []


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_the_pdf_is_made_while_the_users_libreoffice_is_running(tmp_path):
    """Ours runs in a LibreOffice of its own (its own profile), beside the user's, which it leaves running."""
    import os
    import signal
    import sys
    import time

    from tests.paths import ROOT

    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home))
    running = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo"], env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not any(home.glob(".config/libreoffice/*/user/registrymodifications.xcu")) and time.monotonic() < deadline:
            time.sleep(0.2)  # the running instance has made the user's profile
        assert running.poll() is None
        out = tmp_path / "plan.pdf"
        result = subprocess.run([sys.executable, "-m", "editor", "export", str(SAMPLE), "--pdf", str(out)],
                                capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
        assert running.poll() is None  # the user's LibreOffice is left alone
    finally:
        os.killpg(running.pid, signal.SIGTERM)
        running.wait(timeout=30)
