"""Make samples/kaohsiung-108-111-demo.plan.json: the Kaohsiung plan with a demonstration draft.

The file holds the revision 109年修正版 exactly as in samples/kaohsiung-108-111.plan.json and a
working draft labelled 110年修正草案（示範） made from it by the editor's own document
operations: a strategy renamed, three chart labels fixed to match their titles, a phrase of a
body edited, a strategy with actions added, an action removed, a strategy moved to another
focus area and one reordered — each with its 修正說明. The amendments are invented to
demonstrate the comparison; the draft's note says so.

Deterministic: new nodes get fixed ids, so running it again gives the same file byte for byte.

    python scripts/make_demo_sample.py [--source samples/kaohsiung-108-111.plan.json] [--output …]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schema.document import Document  # noqa: E402
from schema.fileio import PlanFileError, load_plan, save_plan  # noqa: E402
from schema.model import PlanDocument, Revision  # noqa: E402
from schema.operations import Insert, Move, Remove, SetField  # noqa: E402

DRAFT_LABEL = "110年修正草案（示範）"
DRAFT_NOTE = "示範用草案：本草案之修正內容係為展示修正對照功能而虛擬，並非高雄市政府正式文本。"
PUBLISHED = "109年修正版"

NEW_STRATEGY = {
    "kind": "strategy",
    "id": "demo110s0001",
    "title": "推動智慧防災韌性城市",
    "note": "新增策略：因應極端氣候，強化城市整體防災韌性。",
    "actions": [
        {"kind": "action", "id": "demo110a0001",
         "text": "建置智慧防災資訊整合平台，即時彙整雨量、水位及災情通報資訊，提升災害應變決策效率。"},
        {"kind": "action", "id": "demo110a0002",
         "text": "推動社區防災韌性計畫，輔導里民成立自主防災社區，強化第一線應變能力。"},
    ],
}


def amend(doc: Document) -> None:
    """The demonstration amendments, each an operation plus its 修正說明."""
    areas = {area.title: area for area in doc.content.focus.focus_areas}

    def strategy(area: str, title: str):
        for s in areas[area].strategies:
            if s.title == title:
                return s
        raise SystemExit(f"make_demo_sample: no strategy 「{title}」 under 「{area}」 in the source plan")

    def note(node, text: str) -> None:
        doc.apply(SetField(node.id, "note", text))

    # 1. rename a strategy
    metro = strategy("好生活", "加速興建捷運輕軌")
    doc.apply(SetField(metro.id, "title", "加速興建捷運及輕軌路網"))
    note(metro, "配合捷運黃線、岡山路竹延伸線及小港林園線之推動，標題修正為涵蓋整體路網。")

    # 2. the three chart labels that differed from their titles now follow the titles
    for area, title, old_label in (
        ("拚經濟", "建構農漁高雄隊", "構建農漁高雄隊"),
        ("好生活", "推行共融化公園及親水公園", "推行共融公園及親水公園"),
        ("好生活", "一學區日照中心", "一學區一日照中心"),
    ):
        node = strategy(area, title)
        doc.apply(SetField(node.id, "chart_label", ""))
        note(node, f"架構圖策略名稱「{old_label}」修正為與策略標題一致。")

    # 3. a phrase of a body
    manufacturing = strategy("拚經濟", "轉型高階製造中心")
    body = manufacturing.body
    if "亞洲高階製造中心" not in body:
        raise SystemExit("make_demo_sample: the body of 「轉型高階製造中心」 is not the published one")
    doc.apply(SetField(manufacturing.id, "body", body.replace("亞洲高階製造中心", "亞洲高階製造與研發中心")))
    note(manufacturing, "增列研發功能，以呼應產業升級方向。")

    # 4. a strategy with two actions, at the end of 真安心
    safety = areas["真安心"]
    doc.apply(Insert(safety.id, len(safety.strategies), NEW_STRATEGY))

    # 5. an action removed; the reason is written on its strategy
    park = strategy("拚經濟", "設置科技新創園區")
    doc.apply(Remove(park.id, 2))
    note(park, "文化科技相關作法已併入「營造優良文創環境」推動，刪除原第3項作法。")

    # 6. a strategy moved to another focus area, right after 建構農漁高雄隊
    farmers = strategy("衝就業", "支持青農在地深耕")
    economy = areas["拚經濟"]
    after = [s.title for s in economy.strategies].index("建構農漁高雄隊") + 1
    doc.apply(Move(farmers.id, economy.id, after))
    note(farmers, "青農培育與農漁產業發展相輔相成，移列「拚經濟」並置於「建構農漁高雄隊」之後。")

    # 7. a strategy reordered to the front of its focus area
    air = strategy("好生活", "改善空氣品質")
    doc.apply(Move(air.id, areas["好生活"].id, 0))
    note(air, "改善空污為四大優先施政目標之一，調整為本施政重點之第一項策略。")


def make(source: PlanDocument) -> PlanDocument:
    published = source.revision(PUBLISHED)
    content = published.content.model_copy(deep=True)
    amend(Document(content))
    return PlanDocument(
        title=source.title,
        organisation=source.organisation,
        period=source.period,
        revisions=[published.model_copy(deep=True)],
        draft=Revision(id=source.draft.id, label=DRAFT_LABEL, author="示範", note=DRAFT_NOTE, content=content),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(ROOT / "samples" / "kaohsiung-108-111.plan.json"))
    parser.add_argument("--output", default=str(ROOT / "samples" / "kaohsiung-108-111-demo.plan.json"))
    args = parser.parse_args(argv)
    try:
        plan = make(load_plan(args.source))
        save_plan(plan, args.output)
    except (PlanFileError, KeyError) as exc:
        print(f"make_demo_sample: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
