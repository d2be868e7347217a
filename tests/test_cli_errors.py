"""Every command says a bad input file the same way: exit status 2, nothing on stdout, one line on stderr
that begins with the file and says its problem in English ("FILE does not exist.", "FILE is not valid JSON:
…"). A problem with the arguments themselves is "plan-editor COMMAND: …", as argparse says it. And the
help names both ways of starting the program and explains every option of diff."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import SUBCOMMANDS, build_parser, main
from tests.paths import ROOT, SAMPLE

NOT_JSON = "is not valid JSON: expecting value at line 1, column 1."
NOT_DOCX = "is not a Word document (.docx): it is not a zip package, or it is damaged."


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _cases(folder: Path) -> list[tuple[str, list, Path, str]]:
    """(command, arguments, the bad file, its problem) for a missing and a damaged file of each command."""
    missing = folder / "missing.plan.json"
    damaged = folder / "damaged.plan.json"
    damaged.write_text("hello", encoding="utf-8")
    missing_doc, fake_doc = folder / "missing.docx", folder / "fake.docx"
    fake_doc.write_text("這只是一段文字。\n", encoding="utf-8")
    out = folder / "out.plan.json"
    gone = "does not exist."
    return [
        ("import", ["import", missing_doc, "-o", out], missing_doc, gone),
        ("import", ["import", fake_doc, "-o", out], fake_doc, NOT_DOCX),
        ("import-text", ["import-text", missing_doc, "-o", out], missing_doc, gone),
        ("import-text", ["import-text", fake_doc, "-o", out], fake_doc, NOT_DOCX),
        ("export", ["export", missing, "--docx", folder / "out.docx"], missing, gone),
        ("export", ["export", damaged, "--docx", folder / "out.docx"], damaged, NOT_JSON),
        ("diff", ["diff", missing], missing, gone),
        ("diff", ["diff", damaged], damaged, NOT_JSON),
        ("diff", ["diff", SAMPLE, missing], missing, gone),
        ("diff", ["diff", SAMPLE, damaged], damaged, NOT_JSON),
        ("check", ["check", missing], missing, gone),
        ("check", ["check", damaged], damaged, NOT_JSON),
        ("revisions", ["revisions", missing], missing, gone),
        ("revisions", ["revisions", damaged], damaged, NOT_JSON),
        ("merge", ["merge", missing, SAMPLE, SAMPLE, "-o", out], missing, gone),
        ("merge", ["merge", SAMPLE, SAMPLE, damaged, "-o", out], damaged, NOT_JSON),
        ("merge", ["merge", SAMPLE, missing, "-o", out], missing, gone),
        ("part", ["part", missing, "--focus", "1", "-o", out], missing, gone),
        ("part", ["part", damaged, "--focus", "1", "-o", out], damaged, NOT_JSON),
        ("review", ["review", missing, fake_doc], missing, gone),
        ("review", ["review", damaged, fake_doc], damaged, NOT_JSON),
        ("review", ["review", SAMPLE, missing_doc], missing_doc, gone),
        ("review", ["review", SAMPLE, fake_doc], fake_doc, NOT_DOCX),
        ("git-setup", ["git-setup", folder / "missing-folder"], folder / "missing-folder", gone),
        ("git-setup", ["git-setup", damaged], damaged, "is not a folder."),
    ]


def test_every_command_says_a_missing_or_damaged_file_in_one_line_beginning_with_it(tmp_path, capsys):
    cases = _cases(tmp_path)
    # every command but textconv (below) is here with a missing file and a damaged one
    assert {command for command, *_ in cases} == set(SUBCOMMANDS) - {"textconv"}
    for command, args, bad, problem in cases:
        before = sorted(p.name for p in tmp_path.iterdir())
        code, out, err = _run(capsys, *args)
        assert (command, code, out, err) == (command, 2, "", f"{bad} {problem}\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_textconv_shows_an_unreadable_file_as_git_needs_it(tmp_path, capsys):
    """git's diff driver must not fail, so textconv says why on its first line and shows the raw text (exit 0)."""
    missing, damaged = tmp_path / "missing.plan.json", tmp_path / "damaged.plan.json"
    damaged.write_text("hello", encoding="utf-8")
    assert _run(capsys, "textconv", missing) == (0, f"(not a readable plan: {missing} does not exist.)\n", "")
    assert _run(capsys, "textconv", damaged) == (0, f"(not a readable plan: {damaged} {NOT_JSON})\nhello", "")


def test_a_problem_with_the_arguments_names_the_command(tmp_path, capsys):
    assert _run(capsys, "diff", SAMPLE, "--from", "108年原版") == (
        2, "", f"plan-editor diff: {SAMPLE}: there is no revision labelled '108年原版' (known: 109年修正版、draft)\n")
    assert _run(capsys, "part", SAMPLE, "--focus", "x", "-o", tmp_path / "p.plan.json") == (
        2, "", "plan-editor part: --focus takes focus area numbers such as 1,3, not 'x'\n")


def test_the_help_names_the_editor_and_the_commands():
    text = build_parser().format_help()
    assert text.startswith("usage: plan-editor [FILE.plan.json]\n       plan-editor COMMAND [options] (see plan-editor COMMAND --help)\n")
    assert "Without a command it opens the editor window, on FILE.plan.json when one is given" in " ".join(text.split())
    for command in SUBCOMMANDS:
        assert f"\n    {command}" in text


def test_every_option_of_every_command_is_explained():
    """diff's --from, --to and --json had no help; now no option or argument of any command goes without."""
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse keeps them nowhere public
    unexplained = [f"{name} {action.dest}" for name, sub in commands.items() for action in sub._actions
                   if action.help is None]
    assert unexplained == []
    diff_help = " ".join(commands["diff"].format_help().split())
    assert "--from LABEL the older revision's label (default: the latest revision; with two files: OLD's current text)" in diff_help
    assert "--to LABEL the newer revision's label, or 'draft' (default: the working draft; with two files: NEW's current text)" in diff_help
    assert "--json print the changes as one JSON document" in diff_help


def test_the_help_is_what_the_program_prints():
    result = subprocess.run([sys.executable, "-m", "editor", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == build_parser().format_help()


@pytest.mark.parametrize("label, header", [
    ("110年修正草案", "working draft (工作草稿): 110年修正草案 王小明"),
    ("", "working draft (工作草稿), without a label: 王小明"),
])
def test_textconv_header_is_english_with_the_domain_terms_in_parentheses(tmp_path, capsys, label, header):
    from schema.fileio import load_plan, save_plan

    plan = load_plan(SAMPLE)
    plan.draft.label, plan.draft.author = label, "王小明"
    path = tmp_path / "p.plan.json"
    save_plan(plan, path)
    code, out, err = _run(capsys, "textconv", path)
    assert (code, err) == (0, "")
    assert out.splitlines()[1:4] == [
        "organisation (機關): 高雄市政府, period (期程): ROC 108–111",
        "revision (修正版): 109年修正版",
        header,
    ]
