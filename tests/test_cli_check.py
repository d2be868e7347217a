"""plan-editor check FILE [--json]: the report, its JSON form, exit statuses and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from schema.checks import run_checks
from schema.fileio import load_plan, save_plan
from schema.model import FocusArea, FocusSection, Paragraph, Period, PlanContent, PlanDocument, Preface, Revision, Strategy
from tests.paths import ROOT, SAMPLE

KEYS = ["code", "severity", "node_id", "number", "title", "message"]


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def write_plan(path: Path, *strategies: Strategy, paragraphs=("高雄是我們共同的故鄉。",)) -> Path:
    content = PlanContent(
        preface=Preface(paragraphs=[Paragraph(text=t) for t in paragraphs]),
        focus=FocusSection(focus_areas=[FocusArea(title="拚經濟", strategies=list(strategies))]),
    )
    plan = PlanDocument(title="高雄市政府108至111年度中程施政計畫理念", period=Period(start=108, end=111),
                        draft=Revision(content=content))
    save_plan(plan, path)
    return path


def test_the_kaohsiung_sample_report(capsys):
    code, out, err = run(capsys, SAMPLE)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[-1] == "5 findings: 0 errors, 3 warnings, 2 info"
    assert [line for line in lines if line.startswith("warning")] == [  # English, as the whole command line; the plan's words as written
        "warning\t一、（五）\t建構農漁高雄隊\tThe chart label 「構建農漁高雄隊」 differs from the title 「建構農漁高雄隊」.",
        "warning\t四、（四）\t推行共融化公園及親水公園\tThe chart label 「推行共融公園及親水公園」 differs from the title 「推行共融化公園及親水公園」.",
        "warning\t四、（五）\t一學區日照中心\tThe chart label 「一學區一日照中心」 differs from the title 「一學區日照中心」.",
    ]
    assert len(lines) == 6 and all(len(line.split("\t")) == 4 for line in lines[:-1])


def test_the_kaohsiung_sample_as_json(capsys):
    code, out, err = run(capsys, SAMPLE, "--json")
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert all(list(item) == KEYS for item in data)
    plan = load_plan(SAMPLE)
    assert data == [f.as_dict() for f in run_checks(plan.draft.content, plan.period, lang="en")]
    mismatches = [(d["number"], d["title"]) for d in data if d["code"] == "chart-label-mismatch"]
    assert mismatches == [("一、（五）", "建構農漁高雄隊"), ("四、（四）", "推行共融化公園及親水公園"), ("四、（五）", "一學區日照中心")]


def test_a_clean_plan_exits_0(tmp_path, capsys):
    path = write_plan(tmp_path / "ok.plan.json", Strategy(title="推動橋頭科學園區", body="引進民間資源。"))
    assert run(capsys, path) == (0, "No problems found.\n", "")
    assert run(capsys, path, "--json") == (0, "[]\n", "")


def test_info_alone_exits_0(tmp_path, capsys):
    title = "扶植在地藝術，成立文化藝術聚落"
    path = write_plan(tmp_path / "info.plan.json", Strategy(title=title, body="強化策展能量。"))
    code, out, _err = run(capsys, path)
    assert code == 0
    assert out.splitlines() == [
        f"info\t一、（一）\t{title}\tThe chart label 「{title}」 is 15 characters long, more than 14: it takes several lines in the "
        "chart; consider shortening it.",
        "1 finding: 0 errors, 0 warnings, 1 info",
    ]


def test_an_error_exits_1_and_an_unnumbered_item_has_an_empty_number(tmp_path, capsys):
    path = write_plan(tmp_path / "bad.plan.json", Strategy(title="推動", body="引進\x07民間資源。"), paragraphs=("",))
    code, out, _err = run(capsys, path)
    assert code == 1
    assert out.splitlines() == [
        "error\t\t\tThis paragraph is empty.",
        "error\t一、（一）\t推動\tThe body holds characters that cannot go into a Word document: U+0007.",
        "2 findings: 2 errors, 0 warnings, 0 info",
    ]


@pytest.mark.parametrize("content, message", [
    (None, "{path} does not exist."),
    (b"", "{path} is empty, not a plan file."),
    (b'{"format_version": 1, "title": ', "{path} ends unexpectedly at line 1: the file is truncated or incomplete."),
    (b'{"a": 1}', "{path} is JSON but not a plan file (it has no format_version)."),
])
@pytest.mark.parametrize("as_json", [False, True])
def test_a_bad_file_is_one_line_and_exit_2(tmp_path, capsys, content, message, as_json):
    path = tmp_path / "broken.plan.json"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, path, *(["--json"] if as_json else []))
    assert (code, out, err) == (2, "", message.format(path=path) + "\n")
    if content is not None:
        assert path.read_bytes() == content


def test_without_a_file_it_is_a_usage_error(capsys):
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err == "plan-editor check: the following arguments are required: file\n"


def test_the_installed_program_prints_json_and_nothing_else(tmp_path):
    path = write_plan(tmp_path / "p.plan.json", Strategy(title="推動", chart_label="推行", body="說明。"))
    result = subprocess.run([sys.executable, "-m", "editor", "check", str(path), "--json"],
                            capture_output=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (1, b"")
    [finding] = json.loads(result.stdout.decode("utf-8"))
    assert (finding["code"], finding["severity"], finding["message"]) == (
        "chart-label-mismatch", "warning", "The chart label 「推行」 differs from the title 「推動」.")
