"""Write editor/export/words_zh_tw.txt, the word list of the word breaks' fallback (no PyICU):
``python scripts/make_word_list.py`` (needs PyICU, the ``icu`` extra).

The list holds every word of two or more Han characters that ICU's dictionary word breaks find in the
texts of the samples (every revision's titles, texts, bodies, chart labels and notes, and the plan's
title), so that the fallback cuts those texts as ICU does (editor/export/word_breaks.py says where it
still differs). tests/editor/test_word_breaks.py fails when the committed list is stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root holds editor/ and schema/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.export.word_breaks import WORD_LIST, han_runs, icu_word_ends  # noqa: E402
from schema.fileio import load_plan  # noqa: E402
from schema.tree import walk  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples").glob("*.plan.json"))
TEXT_FIELDS = ("title", "text", "body", "chart_label", "note")
HEADER = [
    "# The words of the samples' texts as ICU's dictionary word breaks find them (two or more Han characters),",
    "# for editor/export/word_breaks.py's fallback without PyICU. Written by scripts/make_word_list.py: do not edit.",
]


def sample_texts() -> list[str]:
    """Every text of the samples, each once, in the order met."""
    texts: list[str] = []
    for path in SAMPLES:
        plan = load_plan(path)
        texts.append(plan.title)
        for revision in [*plan.revisions, plan.draft]:
            for node, _parent in walk(revision.content):
                for field in TEXT_FIELDS:
                    value = getattr(node, field, None)
                    if isinstance(value, str) and value:
                        texts.append(value)
    return list(dict.fromkeys(texts))


def word_list() -> list[str]:
    words: set[str] = set()
    for text in sample_texts():
        start = 0
        for end in icu_word_ends(text):
            piece = text[start:end]
            if len(piece) > 1 and han_runs(piece) == [piece]:
                words.add(piece)
            start = end
    return sorted(words)


def main() -> int:
    WORD_LIST.write_text("\n".join([*HEADER, *word_list()]) + "\n", encoding="utf-8")
    print(WORD_LIST)
    return 0


if __name__ == "__main__":
    sys.exit(main())
