"""Benchmark of the comparison: two ~5,000-node revisions with 5 % of the nodes changed.

    python tests/bench/bench_compare.py

Goals (issue 4): with shared ids ≤ 50 ms; without shared ids (two imported texts) ≤ 1 s.
Each figure is also printed as a ratio to baselines measured in the same run, so the numbers
mean something on any machine: a plain walk of both plans (the least any comparison must do)
and json.loads of the saved plan file holding both revisions.

The plan is 20 focus areas × 50 strategies × 4 actions, its sentences made of the published
Kaohsiung text's words (so the shingle index sees real Chinese, not a handful of repeated words).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.compare import compare  # noqa: E402
from schema.document import Document, with_new_ids  # noqa: E402
from schema.fileio import dump_plan  # noqa: E402
from schema.model import Action, FocusArea, Paragraph, Period, PlanContent, PlanDocument, Revision, Strategy  # noqa: E402
from schema.operations import Insert, Move, Remove, SetField  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.timing import median_of  # noqa: E402

SOURCE = ROOT / "samples" / "source" / "kaohsiung-108-111-rev109.txt"
REPEAT = 7


def corpus() -> list[str]:
    """The two-character words of the published text (about 4,000 distinct ones)."""
    text = SOURCE.read_text(encoding="utf-8") if SOURCE.exists() else "推動產業轉型增加就業改善交通建設空污教育長照"
    chars = [ch for ch in text if ch.isalnum()]
    return sorted({"".join(chars[i : i + 2]) for i in range(0, len(chars) - 1, 2)})


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    """Real words in random order: texts as distinct from one another as a real plan's are."""
    return "".join(rng.choice(words) for _ in range(length // 2))[: length - 1] + "。"


def generate(rng: random.Random, chars: str) -> PlanContent:
    content = PlanContent()
    content.preface.paragraphs = [Paragraph(text=sentence(rng, chars, 150)) for _ in range(5)]
    content.focus.focus_areas = [
        FocusArea(title=sentence(rng, chars, 4)[:-1], strategies=[
            Strategy(
                title=sentence(rng, chars, 10)[:-1],
                body=sentence(rng, chars, 120) if s % 3 == 0 else "",
                actions=[Action(text=sentence(rng, chars, 80)) for _ in range(4)],
            )
            for s in range(50)
        ])
        for _ in range(20)
    ]
    content.closing.paragraphs = [Paragraph(text=sentence(rng, chars, 150)) for _ in range(2)]
    return PlanContent.model_validate(content.model_dump())


def amend(content: PlanContent, rng: random.Random, chars: str, within: range | None = None, id_prefix: str = "bench") -> int:
    """Change 5 % of the nodes: edits, removals, additions, moves across areas, reorders; how many nodes there were.

    ``within``: only in these focus areas (by index; all by default), as the merge benchmark's two sides
    do so as to meet only where it wants them to. Added actions get the ids ``{id_prefix}{serial}``."""
    doc = Document(content)
    total = len(doc)
    budget = total * 5 // 100
    areas = content.focus.focus_areas if within is None else [content.focus.focus_areas[i] for i in within]
    kinds = ["edit"] * 6 + ["remove", "add", "move", "reorder"]
    for serial in range(budget):
        kind = rng.choice(kinds)
        area = rng.choice(areas)
        strategy = rng.choice(area.strategies)
        if kind == "edit":
            node = rng.choice([strategy, *strategy.actions])
            field = "title" if node.kind == "strategy" else "text"
            old = getattr(node, field)
            cut = rng.randrange(max(1, len(old) - 6))
            doc.apply(SetField(node.id, field, old[:cut] + sentence(rng, chars, 6)[:-1] + old[cut + 4 :]))
        elif kind == "remove" and strategy.actions:
            doc.apply(Remove(strategy.id, rng.randrange(len(strategy.actions))))
        elif kind == "add":
            doc.apply(Insert(strategy.id, len(strategy.actions), {"kind": "action", "id": f"{id_prefix}{serial}", "text": sentence(rng, chars, 80)}))
        elif kind == "move":
            target = rng.choice(areas)
            if target is not area:
                doc.apply(Move(strategy.id, target.id, rng.randrange(len(target.strategies) + 1)))
        elif kind == "reorder":
            doc.apply(Move(strategy.id, area.id, rng.randrange(len(area.strategies))))
    return total


def fresh_ids(content: PlanContent) -> PlanContent:
    data = content.model_dump(mode="json")
    for section in ("preface", "goals", "focus", "closing"):
        data[section] = with_new_ids(data[section])
    return PlanContent.model_validate(data)


def timed(func) -> float:
    """Median wall time of REPEAT runs, in seconds."""
    return median_of(func, REPEAT)

def main() -> int:
    rng = random.Random(2020)
    chars = corpus()
    old = generate(rng, chars)
    new = old.model_copy(deep=True)
    total = amend(new, rng, chars)
    other = fresh_ids(new)
    plan_text = dump_plan(PlanDocument(title="基準計畫", period=Period(start=108, end=111),
                                       revisions=[Revision(label="A", content=old)], draft=Revision(label="B", content=new)))

    medians = report.interleaved_calls({
        "walk": lambda: (list(walk(old)), list(walk(new))), "json": lambda: json.loads(plan_text),
        "ids": lambda: compare(old, new), "no ids": lambda: compare(old, other)}, REPEAT)
    walk_both, load_json, with_ids, without_ids = medians["walk"], medians["json"], medians["ids"], medians["no ids"]

    by_id, by_content = compare(old, new), compare(old, other)
    same = [(c.kind, c.node_kind, c.old and c.old.number, c.new and c.new.number) for c in by_id.changes] == [
        (c.kind, c.node_kind, c.old and c.old.number, c.new and c.new.number) for c in by_content.changes
    ]
    print(f"plan: {total} nodes, {len(plan_text) / 1e6:.1f} MB file with both revisions; median of {REPEAT} runs")
    print(f"changes by id:      {by_id.counts}")
    print(f"changes by content: {by_content.counts} ({'the same list' if same else 'a different list'})")
    print(f"baseline  walk both plans         {walk_both * 1000:8.1f} ms")
    print(f"baseline  json.loads of the file  {load_json * 1000:8.1f} ms")
    for name, value, goal in (("compare, shared ids  ", with_ids, 0.050), ("compare, no shared ids", without_ids, 1.0)):
        verdict = "ok" if value <= goal else "OVER GOAL"
        print(
            f"{name}  {value * 1000:8.1f} ms  = {value / walk_both:5.1f} × walk, {value / load_json:5.2f} × json.loads"
            f"  (goal ≤ {goal * 1000:.0f} ms: {verdict})"
        )
        report.emit(report.Row(f"{name.strip()}, two 5k revisions, 5 % changed, in process", value, walk_both, goal_seconds=goal,
                               baseline_name="walk both plans"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
