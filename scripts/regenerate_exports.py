"""Rewrite exports/ from samples/: ``python scripts/regenerate_exports.py``.

For every ``samples/NAME.plan.json``, the working draft's official Word document
(``exports/NAME.docx``) and framework chart (``exports/NAME-chart.svg`` and ``.png``); and when
the sample holds an amendment (a draft that differs from its latest revision, or two
revisions), its 修正對照表 (``NAME-amendment-table.docx``) and the Word document with tracked
changes (``NAME-tracked-changes.docx``). Other files in exports/ are left alone.
tests/editor/test_exports_fresh.py fails when the committed files are stale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root holds editor/ and schema/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
EXPORTS = REPO / "exports"
PLAN_SUFFIX = ".plan.json"


def export_paths(sample: Path, out_dir: Path) -> dict[str, Path]:
    """The files made from one sample: {'docx': …, 'svg': …, 'png': …}."""
    stem = sample.name[: -len(PLAN_SUFFIX)] if sample.name.endswith(PLAN_SUFFIX) else sample.stem
    return {
        "docx": out_dir / f"{stem}.docx",
        "svg": out_dir / f"{stem}-chart.svg",
        "png": out_dir / f"{stem}-chart.png",
    }


def amendment_paths(sample: Path, out_dir: Path) -> dict[str, Path]:
    """The amendment documents of one sample: {'table': …, 'tracked': …} (written only when it has an amendment)."""
    stem = export_paths(sample, out_dir)["docx"].stem
    return {"table": out_dir / f"{stem}-amendment-table.docx", "tracked": out_dir / f"{stem}-tracked-changes.docx"}


def amendment_versions(plan):
    """(older, newer) revision of the sample's amendment: the latest revision and a draft that differs
    from it, else the last two revisions; None when the sample has no amendment."""
    latest = plan.revisions[-1] if plan.revisions else None
    if latest is not None and latest.content != plan.draft.content:
        return latest, plan.draft
    if len(plan.revisions) >= 2:
        return plan.revisions[-2], plan.revisions[-1]
    return None


def sample_files(samples_dir: Path = SAMPLES) -> list[Path]:
    return sorted(samples_dir.glob("*" + PLAN_SUFFIX))


def regenerate(samples_dir: Path = SAMPLES, out_dir: Path = EXPORTS) -> list[Path]:
    """Write the exports of every sample; returns the paths written."""
    from editor.export.amendments import write_amendment_table, write_tracked_document
    from editor.export.chart_layout import layout_chart
    from editor.export.chart_paint import png_bytes, render_image, svg_bytes
    from editor.export.fonts import ensure_gui_application
    from editor.export.official_docx import write_official_docx
    from editor.export.output import save_bytes
    from schema.compare import compare
    from schema.fileio import load_plan

    ensure_gui_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for sample in sample_files(samples_dir):
        plan = load_plan(sample)
        paths = export_paths(sample, out_dir)
        written.append(write_official_docx(plan, plan.draft, paths["docx"]))
        layout = layout_chart(plan, plan.draft)  # one layout, two files
        save_bytes(paths["svg"], svg_bytes(layout))
        save_bytes(paths["png"], png_bytes(render_image(layout)))
        written += [paths["svg"], paths["png"]]
        versions = amendment_versions(plan)
        if versions is not None:
            old, new = versions
            comparison = compare(old.content, new.content)
            targets = amendment_paths(sample, out_dir)
            written.append(write_amendment_table(comparison, plan, old, plan, new, targets["table"]))
            written.append(write_tracked_document(comparison, plan, old, plan, new, targets["tracked"]))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/regenerate_exports.py", description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--out", type=Path, default=EXPORTS)
    args = parser.parse_args(argv)
    from editor.export.fonts import NoChineseFontError
    from schema.fileio import PlanFileError

    try:
        for path in regenerate(args.samples, args.out):
            print(path)
    except (PlanFileError, NoChineseFontError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
