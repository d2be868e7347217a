"""The chart's word breaks with and without PyICU (editor/export/word_breaks.py): ICU where installed,
else the fallback of the samples' word list; on the samples' texts both cut the same words but in two
named places, and the charts they lay out are the same line for line; the program runs without PyICU."""
from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from editor.export import word_breaks
from editor.export.chart_layout import clear_layout_caches, layout_chart
from editor.export.line_breaking import words
from schema.fileio import load_plan
from scripts.make_word_list import sample_texts, word_list
from tests.paths import DEMO, ROOT, SAMPLE

# Where the fallback cuts a sample's text otherwise than ICU: the same span, cut in as many pieces.
KNOWN_DIFFERENCES = {
    "高雄市民": (["高雄", "市民"], ["高雄市", "民"]),  # 還給高雄市民更好、更乾淨的空氣 (a preface paragraph)
    "都能夠": (["都", "能夠"], ["都能", "夠"]),  # 讓每一個人都能夠在高雄尋找自己的夢想 (the closing)
}


def pieces(text: str, ends: list[int]) -> list[str]:
    return [text[start:end] for start, end in zip([0, *ends], ends)]


def differences(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """The spans where ICU's and the fallback's pieces differ, each with both cuts of it."""
    icu_ends, fallback_ends = word_breaks.icu_word_ends(text), word_breaks.fallback_word_ends(text)
    shared = {0, *(set(icu_ends) & set(fallback_ends))}
    found = {}
    starts = sorted(shared)
    for start, end in zip(starts, starts[1:]):
        icu_cut = [e for e in icu_ends if start < e <= end]
        fallback_cut = [e for e in fallback_ends if start < e <= end]
        if icu_cut != fallback_cut:
            found[text[start:end]] = (pieces(text[start:end], [e - start for e in icu_cut]),
                                      pieces(text[start:end], [e - start for e in fallback_cut]))
    return found


def test_icu_is_the_path_where_pyicu_is_installed():
    assert word_breaks.uses_icu()  # the test environment installs the icu extra (scripts/setup.sh)
    assert word_breaks.word_ends("推動智慧城市") == word_breaks.icu_word_ends("推動智慧城市") == [2, 4, 6]


def test_on_every_text_of_the_samples_both_paths_cut_the_same_words_but_in_two_named_places():
    texts = sample_texts()
    assert len(texts) == 112 and sum(map(len, texts)) == 4829
    found: dict[str, tuple[list[str], list[str]]] = {}
    same = 0
    for text in texts:
        here = differences(text)
        found.update(here)
        same += not here
    assert found == KNOWN_DIFFERENCES
    assert same == len(texts) - 2
    assert [text for text in texts if differences(text)] == [
        next(t for t in texts if "還給高雄市民" in t), next(t for t in texts if "都能夠在高雄" in t)]


def test_the_charts_of_both_samples_are_the_same_line_for_line(monkeypatch):
    def chart_lines(plan) -> list[list[str]]:
        clear_layout_caches()
        return [[line.text for line in box.lines] for box in layout_chart(plan).boxes]

    for path in (SAMPLE, DEMO):
        plan = load_plan(path)
        with_icu = chart_lines(plan)
        monkeypatch.setattr(word_breaks, "_icu_iterator", lambda: None)
        assert not word_breaks.uses_icu()
        without = chart_lines(plan)
        monkeypatch.undo()
        assert without == with_icu and sum(map(len, with_icu)) > 40  # every box's every line
    clear_layout_caches()


def test_plan_terms_and_latin_words_are_cut_alike_by_both():
    for text in ("加速興建捷運及輕軌路網", "推動 smart city 與 5G 應用，2.5 億", "１，０００人、3.5%", "推動😀智慧城市\r\n發展",
                 "don't stop: a,b 1,000", "https://www.kcg.gov.tw/", "（一）推動\t\t路網"):
        assert word_breaks.fallback_word_ends(text) == word_breaks.icu_word_ends(text), text
    assert words("加速興建捷運及輕軌路網") == ["加速", "興建", "捷運", "及", "輕軌", "路網"]


def test_a_word_that_no_sample_has_is_cut_into_characters_by_the_fallback_only():
    assert differences("推動3D列印與億元預算") == {"列印": (["列印"], ["列", "印"]), "億元": (["億元"], ["億", "元"])}


@given(st.text(alphabet=st.sampled_from("推動智慧城市高雄港灣 ab12.,'，、😀\r\n\t「」"), max_size=40))
def test_the_fallbacks_pieces_make_the_text_again_in_order(text):
    ends = word_breaks.fallback_word_ends(text)
    assert ends == sorted(set(ends)) and (ends[-1] == len(text) if text else ends == [])
    assert "".join(pieces(text, ends)) == text


def test_the_word_list_is_what_the_script_makes_of_the_samples():
    listed = [line for line in word_breaks.WORD_LIST.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert listed == word_list() and len(listed) == 742


def test_the_program_exports_the_same_chart_without_pyicu(tmp_path):
    """The whole command with ``import icu`` failing, as on a machine without PyICU: the same SVG."""
    outputs = {}
    for name, block in (("with", ""), ("without", "sys.modules['icu'] = None; ")):
        out = tmp_path / f"{name}.svg"
        code = f"import sys; {block}from editor.cli import main; sys.exit(main(['export', {str(SAMPLE)!r}, '--chart', {str(out)!r}]))"
        run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                             env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        assert run.returncode == 0 and run.stdout.strip() == str(out), run.stderr
        outputs[name] = out.read_bytes()
    assert outputs["with"] == outputs["without"] and len(outputs["with"]) > 10_000
