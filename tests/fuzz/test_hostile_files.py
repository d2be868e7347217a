"""Regression tests of issue 16, one per row, each with the smallest input that showed it:
hostile plan files and texts get one line naming the file and the limit, exit 2, never a
traceback, a hang or a write; what reaches the terminal cannot crash it or drive it."""
import io
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from editor.cli import main
from editor.terminal import SafeStream, one_line, printable
from schema.document import Document
from schema.fileio import PlanFileError, load_plan, parse_plan, save_plan
from schema.operations import Insert, OperationError, SetField
from schema.textdiff import new_text, old_text, text_diff
from tests.paths import ROOT, SAMPLE, SOURCE

READ_COMMANDS = (["check"], ["revisions"], ["diff"], ["export", "--docx", "{out}.docx"])


def sample_with_note(note_json: bytes) -> bytes:
    """The sample with its first note (the preface's, in the first revision) replaced by raw JSON."""
    raw = SAMPLE.read_bytes()
    assert b'"note": ""' in raw
    return raw.replace(b'"note": ""', b'"note": ' + note_json, 1)


def run(argv, capsys):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused_by_every_command(tmp_path, capsys, payload: bytes, message: str, name: str = "bad.plan.json"):
    """Every read command: exit 2, exactly ``message`` (with {f} the file) as the one line on stderr, nothing written."""
    path = tmp_path / name
    path.write_bytes(payload)
    before = sorted(os.listdir(tmp_path))
    for command in READ_COMMANDS:
        argv = [command[0], path, *[a.format(out=tmp_path / "out") for a in command[1:]]]
        code, out, err = run(argv, capsys)
        assert (code, err, out) == (2, message.format(f=one_line(str(path))) + "\n", ""), command
        assert sorted(os.listdir(tmp_path)) == before


def test_json_nested_10000_levels_deep_in_a_note(tmp_path, capsys):
    payload = sample_with_note(b"[" * 10_000 + b"]" * 10_000)
    refused_by_every_command(tmp_path, capsys, payload, "{f} is nested more than 64 levels deep (a plan file is at most 64).")


def test_brackets_inside_texts_do_not_count_as_nesting(tmp_path):
    path = tmp_path / "p.plan.json"
    path.write_bytes(sample_with_note(json.dumps("[" * 1000 + "{\\\"" * 100).encode()))
    assert load_plan(path).revisions[0].content.preface.note == "[" * 1000 + "{\\\"" * 100


def test_an_integer_of_more_than_4300_digits(tmp_path, capsys):
    payload = sample_with_note(b"9" * 4301)
    refused_by_every_command(tmp_path, capsys, payload, "{f} holds a number of 4,301 digits (a plan's numbers have at most 100).")


@pytest.mark.parametrize("literal, message", [
    (b"1e999", "{f} holds the number 1e999, too large to be stored."),
    (b"NaN", "{f} holds NaN, which is not a number a plan may hold."),
    (b"-Infinity", "{f} holds -Infinity, which is not a number a plan may hold."),
])
def test_numbers_json_cannot_write_back(tmp_path, literal, message):
    path = tmp_path / "p.plan.json"
    path.write_bytes(sample_with_note(literal))
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(info.value) == message.format(f=path)


def test_an_infinite_budget_reached_through_the_fast_path_is_refused_too(tmp_path):
    raw = json.loads(SAMPLE.read_bytes())
    raw["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]["budget"] = {"108": 1}
    text = json.dumps(raw, ensure_ascii=False, indent=2).replace('"108": 1', '"108": 1e999')
    with pytest.raises(PlanFileError) as info:
        parse_plan(text.encode(), "p.plan.json")
    assert "p.plan.json holds the number 1e999, too large to be stored." == str(info.value)


def _nested_actions(depth: int) -> bytes:
    data = json.loads(SAMPLE.read_bytes())
    action = {"kind": "action", "id": "a0", "text": "x", "actions": []}
    top = action
    for level in range(1, depth):
        child = {"kind": "action", "id": f"a{level}", "text": "x", "actions": []}
        action["actions"].append(child)
        action = child
    data["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]["actions"] = [top]
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def test_actions_nested_far_below_the_two_levels(tmp_path, capsys):
    refused_by_every_command(tmp_path, capsys, _nested_actions(40), "{f} is nested more than 64 levels deep (a plan file is at most 64).")
    three = tmp_path / "three.plan.json"
    three.write_bytes(_nested_actions(3))
    with pytest.raises(PlanFileError) as info:
        load_plan(three)
    assert str(info.value) == (
        f"{three} is not a valid plan: at draft.content.focus.focus_areas[0].strategies[0]: "
        "actions nest at most two levels (1. and （1）), but a sub-action holds more."
    )


def test_a_text_over_100000_characters(tmp_path, capsys):
    payload = sample_with_note(json.dumps("長" * 100_001, ensure_ascii=False).encode())
    refused_by_every_command(
        tmp_path, capsys, payload, "{f} is not a valid plan: at revisions[0].content.preface.note: String should have at most 100000 characters."
    )


def test_a_lone_surrogate_in_a_note_is_refused_on_load(tmp_path, capsys):
    refused_by_every_command(
        tmp_path, capsys, sample_with_note(b'"\\ud800"'),
        "{f} is not a valid plan: at revisions[0].content.preface.note: the text holds a lone surrogate "
        "(\\ud800–\\udfff), half of a character that no file can store.",
    )


def test_an_escaped_surrogate_pair_is_an_ordinary_character(tmp_path):
    path = tmp_path / "p.plan.json"
    path.write_bytes(sample_with_note(b'"\\ud83d\\ude00"'))
    plan = load_plan(path)
    assert plan.revisions[0].content.preface.note == "😀"
    save_plan(plan, path)  # and it saves
    assert load_plan(path) == plan


def test_a_lone_surrogate_typed_or_pasted_into_any_field_is_refused():
    plan = load_plan(SAMPLE)
    document = Document(plan.draft.content)
    strategy = plan.draft.content.focus.focus_areas[0].strategies[0]
    with pytest.raises(OperationError, match=r"^the text holds a lone surrogate \(\\ud800–\\udfff\), half of a character that no file can store$"):
        document.apply(SetField(strategy.id, "lead_agencies", ["經發局", "\udfff"]))
    with pytest.raises(OperationError, match="lone surrogate"):
        document.apply(Insert(strategy.id, 0, {"kind": "action", "text": "a\ud800b"}))
    assert strategy.lead_agencies == load_plan(SAMPLE).draft.content.focus.focus_areas[0].strategies[0].lead_agencies


def test_an_unknown_key_with_a_newline_and_an_escape_is_one_line(tmp_path, capsys):
    payload = sample_with_note(b'"", "no\\nte\\u001b": ""')
    refused_by_every_command(
        tmp_path, capsys, payload,
        "{f} is not a valid plan: at revisions[0].content.preface.'no\\nte\\x1b': Extra inputs are not permitted.",
    )


def test_a_file_name_with_a_newline_and_an_escape(tmp_path, capsys):
    name = "bad\n\x1b[2Jname.plan.json"
    refused_by_every_command(tmp_path, capsys, b"hello", "{f} is not valid JSON: expecting value at line 1, column 1.", name=name)
    code, _out, err = run(["check", tmp_path / name], capsys)
    assert err.count("\n") == 1 and "\x1b" not in err and "bad\\n\\u001b[2Jname.plan.json" in err


def test_a_lone_surrogate_or_unencodable_character_reaching_the_terminal():
    ascii_terminal = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    stream = SafeStream(ascii_terminal)
    stream.write("計畫\ud800\n")
    stream.flush()
    assert ascii_terminal.buffer.getvalue() == b"??\\ud800\n"


def test_text_output_of_a_plan_with_escape_sequences_is_escaped(tmp_path, capsys):
    data = json.loads(SAMPLE.read_bytes())
    data["revisions"][0]["note"] = "ok\x1b]0;pwned\x07\rnext\nline"
    data["draft"]["content"]["focus"]["focus_areas"][0]["title"] = "拚經濟\x1b[31m\u202e"
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    outputs = []
    for argv in (["revisions", path], ["diff", path], ["diff", path, "--json"], ["check", path]):
        code, out, err = run(argv, capsys)
        assert code in (0, 1) and err == ""
        outputs.append(out)
        assert not any(ch in out for ch in "\x1b\x07\r\u202e"), argv
    revisions, diff_text, diff_json, _check = outputs
    line = revisions.splitlines()[1]
    assert line.startswith("109年修正版\trevision\t") and line.endswith(" items\tok\\u001b]0;pwned\\u0007\\rnext\\nline")
    assert "拚經濟\\u001b[31m\\u202e" in diff_text
    assert json.loads(diff_json)["changes"][0]["new"]["title"] == "拚經濟\x1b[31m\u202e"  # --json stays valid JSON, exact


def test_printable_keeps_ordinary_text_and_one_line_escapes_line_ends():
    text = "（一）推動「橋頭科學園區」\t😀 e\u0301 \u200f"
    assert printable(text) == text
    assert printable("a\nb") == "a\nb"
    assert one_line("a\nb\r\tc") == "a\\nb\\r\\tc"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_plan_or_the_text_is_refused_without_reading(tmp_path, capsys, device):
    started = time.monotonic()
    for argv in (["check", device], ["revisions", device], ["diff", device], ["import-text", device, "-o", tmp_path / "p.plan.json"]):
        code, out, err = run(argv, capsys)
        assert (code, err) == (2, f"{device} is a device, not a regular file, so it was not read.\n")
    code, out, err = run(["textconv", device], capsys)  # git's diff driver shows any file: only the one line here
    assert (code, out, err) == (0, f"(not a readable plan: {device} is a device, not a regular file, so it was not read.)\n", "")
    assert time.monotonic() - started < 5  # it used to read until MemoryError
    assert os.listdir(tmp_path) == []


def test_a_fifo_nobody_writes_to_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.plan.json"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for args in (["check", str(fifo)], ["import-text", str(fifo), "-o", str(tmp_path / "out.plan.json")]):
        result = subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
        assert (result.returncode, result.stderr) == (2, f"{fifo} is a FIFO (named pipe), not a regular file, so it was not read.\n")
    assert sorted(os.listdir(tmp_path)) == ["pipe.plan.json"]


def test_a_socket_is_refused(tmp_path, capsys):
    path = tmp_path / "s.plan.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert run(["check", path], capsys)[2] == f"{path} is a socket, not a regular file, so it was not read.\n"
    finally:
        server.close()


def test_an_output_path_that_is_a_symlink_loop(tmp_path, capsys):
    (tmp_path / "a.plan.json").symlink_to(tmp_path / "b.plan.json")
    (tmp_path / "b.plan.json").symlink_to(tmp_path / "a.plan.json")
    code, out, err = run(["import-text", SOURCE, "-o", tmp_path / "a.plan.json"], capsys)
    assert (code, out) == (2, "")
    assert err == f"plan-editor import-text: {tmp_path / 'a.plan.json'} is a symbolic link that loops (or cannot be followed); choose another output file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.plan.json", "b.plan.json"]
    assert (tmp_path / "a.plan.json").is_symlink()


def test_long_rewritten_fields_diff_in_about_linear_time():
    """500 clauses rewritten took 1.2 s and 5,000 clauses 55 s (Myers on clauses); now the clause
    pass matches blocks. Counted, not timed: the clause pass must not call Myers on long texts."""
    import schema.textdiff as textdiff

    calls = []
    original = textdiff._dmp.diff_main

    def counting(a, b, *args):
        calls.append(len(a) + len(b))
        return original(a, b, *args)

    old = "".join(f"第{i}項推動產業轉型，" for i in range(5_000))
    new = "".join(f"第{i}項推動產業{'轉型' if i % 2 else '升級'}，" for i in range(5_000))
    textdiff._dmp.diff_main = counting
    try:
        diffs = text_diff(old, new)
    finally:
        textdiff._dmp.diff_main = original
    assert old_text(diffs) == old and new_text(diffs) == new
    assert len(calls) >= 2_500 and max(calls) <= 1000  # each Myers call is bounded, whatever the field's length
    assert diffs[:3] == [(0, "第0項推動產業"), (-1, "轉型"), (1, "升級")]


def _word_document(tmp_path):
    from editor.export.official_docx import write_official_docx

    plan = load_plan(SAMPLE)
    path = tmp_path / "plan.docx"
    write_official_docx(plan, plan.draft, path)
    return path


def test_a_word_document_that_unpacks_to_300_mb_is_refused_unread(qapp, tmp_path, capsys):
    """A 0.3 MB zip whose document.xml unpacks to 300 MB: python-docx took 22 GB of memory reading it."""
    import zipfile

    from tests.fuzz.mutants import _zip_bomb

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip_bomb(zipfile.ZipFile(_word_document(tmp_path))))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    code, out, err = run(["import", bomb, "-o", tmp_path / "out.plan.json"], capsys)
    assert (code, out) == (2, "")
    assert err == f"{bomb} holds a part that unpacks to 300 MB, more than the 64 MB any plan's Word document needs, so it was not read.\n"
    assert not (tmp_path / "out.plan.json").exists()


def test_a_damaged_pdf_is_one_line_without_the_pdf_library_s_own_warnings(qapp, tmp_path, capsys):
    from editor.export.chart_paint import write_chart

    plan = load_plan(SAMPLE)
    pdf = tmp_path / "chart.pdf"
    write_chart(plan, plan.draft, pdf)
    raw = bytearray(pdf.read_bytes())
    start = raw.index(b"stream") + 20  # inside the first compressed stream
    raw[start : start + 8] = b"\x00" * 8
    pdf.write_bytes(bytes(raw))
    code, out, err = run(["import", pdf, "-o", tmp_path / "out.plan.json"], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"{pdf} ")
    assert "Data-loss" not in err


def test_a_text_with_a_paragraph_past_the_text_limit_is_one_line(tmp_path, capsys):
    """A published text with one paragraph of 200,000 characters: the importer's plan broke the limit (a traceback)."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda n: len(lines[n]))
    lines[longest] = lines[longest] * (200_000 // len(lines[longest]) + 1)
    source = tmp_path / "long.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(["import-text", source, "-o", tmp_path / "out.plan.json"], capsys)
    assert (code, out) == (2, "")
    assert err == f"{source} cannot be imported: the plan it holds would be invalid at text: String should have at most 100000 characters.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt"]


def test_a_word_document_with_damaged_compressed_data_is_one_line(tmp_path, capsys):
    """Found by scripts/fuzz.sh 5000 (6 of 294 Word mutants): a flipped byte inside a deflated part made
    zlib raise while the archive was checked, a traceback."""
    source = ROOT / "tests" / "data" / "damaged-deflate.docx"
    code, out, err = run(["import", source, "-o", tmp_path / "out.plan.json"], capsys)
    assert (code, out) == (2, "")
    assert err == f"{source} is damaged: it looks like a Word document but its zip archive cannot be read.\n"
    assert list(tmp_path.iterdir()) == []
