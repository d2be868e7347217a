"""The fuzzing harness on a fixed seed, in the normal suite: 300 mutants, every read command each.

scripts/fuzz.sh N runs N mutants with a fresh seed (and every export of every 20th accepted one).
"""
from collections import Counter

from tests.fuzz.harness import Harness, table
from tests.fuzz.mutants import PLAN_MUTATIONS

SEED = 20261201


def test_300_mutants_keep_the_command_line_contract(qapp, tmp_path):
    harness = Harness(SEED, exports_every=25, save_dir=tmp_path / "failures")
    mutants = harness.run(300)
    report = table(mutants)
    failed = [(m.kind, r.command, r.problem) for m in mutants for r in m.runs if r.problem]
    assert failed == [], report
    kinds = Counter(m.kind for m in mutants)
    assert set(kinds) == {*PLAN_MUTATIONS, "special file", "text (import-text)", "Word/PDF (import)"} and min(kinds.values()) == 17
    outcome = Counter((m.kind, m.outcome) for m in mutants)
    # The harness exercises both sides: damage that must be refused, and odd but legal plans that must work.
    for kind in ("byte flip", "truncation", "huge number", "deep nesting", "deep actions", "unknown version", "odd encoding", "special file"):
        assert outcome[kind, "refused cleanly"] >= 14, report
    assert outcome["Word/PDF (import)", "refused cleanly"] >= 5, report
    for kind in ("Unicode oddity", "cyclic links", "deleted key", "text (import-text)"):
        assert outcome[kind, "accepted"] >= 3, report
    assert outcome["grown plan", "accepted"] + outcome["grown plan", "failed"] >= 15, report
    runs = Counter(r.command for m in mutants for r in m.runs if r.code in (0, 1))
    assert runs["save again"] >= 50 and runs["textconv"] >= 250 and runs["merge"] >= 50, report
    assert runs["export --docx"] >= 1 and runs["diff --table --tracked"] >= 1, report  # and their .docx opened
    assert runs["export summary tables"] >= 1 and runs["export --budget-table csv"] >= 50, report  # .docx and .xlsx opened
