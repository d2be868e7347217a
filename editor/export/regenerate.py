"""Rewrite exports/ from samples/: ``python -m editor.export.regenerate``.

For every ``samples/NAME.plan.json``, the working draft's official Word document
(``exports/NAME.docx``) and framework chart (``exports/NAME-chart.svg`` and ``.png``). Other
files in exports/ (e.g. the 修正對照表 written by the comparison's exporter) are left alone.
tests/editor/test_exports_fresh.py fails when the committed files are stale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
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


def sample_files(samples_dir: Path = SAMPLES) -> list[Path]:
    return sorted(samples_dir.glob("*" + PLAN_SUFFIX))


def regenerate(samples_dir: Path = SAMPLES, out_dir: Path = EXPORTS) -> list[Path]:
    """Write the exports of every sample; returns the paths written."""
    from editor.export.chart_layout import layout_chart
    from editor.export.chart_paint import png_bytes, render_image, svg_bytes
    from editor.export.fonts import ensure_gui_application
    from editor.export.official_docx import write_official_docx
    from editor.export.output import save_bytes
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
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m editor.export.regenerate", description=__doc__.splitlines()[0])
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
