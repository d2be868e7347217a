"""Where the tests find the project's samples and the published text they were made from."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kaohsiung-108-111.plan.json"  # 109年修正版 as published
DEMO = ROOT / "samples" / "kaohsiung-108-111-demo.plan.json"  # plus the illustrative 110 draft
SOURCE = ROOT / "samples" / "source" / "kaohsiung-108-111-rev109.txt"  # the text the sample was imported from
AMENDED = ROOT / "tests" / "data" / "kaohsiung-amended-demo.txt"  # the demo's amendments as a second text
