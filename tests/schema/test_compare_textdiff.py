"""Character-level differences judged on the plan's own sentences (Chinese has no spaces)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.textdiff import DIFF_TIMEOUT, clauses, new_text, old_text, render_marked, text_diff

METRO = (
    "加速推動服務範圍涵蓋大岡山、路竹、湖內地區的捷運岡山路竹延伸線、行經三民、新興、苓雅、前鎮、鳳山、鳥松等六個核心行政區的"
    "捷運黃線以及串聯小港、林園生活圈，未來可連結屏東大鵬灣的捷運小港林園線，以帶動地區繁榮，打造本市進入公共運輸為導向的新階段。"
)
AIR = "推動國營事業帶頭降低固定污染源，並運用科技監控污染微粒及移動污染源，另針對空污累犯業者採取累進處罰，雙管齊下改善空氣品質。"
POLICE = "鼓勵民眾與警察充分合作，建構全民治安防護網，另運用大數據等科技方式，提升犯罪預防及偵查效率。"


def test_swapped_characters_read_as_one_replaced_word():
    # diff-match-patch alone gives 「構」 deleted, 「建」 kept, 「構」 inserted
    assert text_diff("構建農漁高雄隊", "建構農漁高雄隊") == [(-1, "構建"), (1, "建構"), (0, "農漁高雄隊")]


def test_one_inserted_character():
    assert text_diff("推行共融公園及親水公園", "推行共融化公園及親水公園") == [(0, "推行共融"), (1, "化"), (0, "公園及親水公園")]
    assert text_diff("一學區一日照中心", "一學區日照中心") == [(0, "一學區"), (-1, "一"), (0, "日照中心")]


def test_a_phrase_replaced_in_a_long_action_shows_only_that_phrase():
    new = METRO.replace("帶動地區繁榮", "促進區域均衡發展")
    diffs = text_diff(METRO, new)
    assert [d for d in diffs if d[0] != 0] == [(-1, "帶動地區繁榮"), (1, "促進區域均衡發展")]
    assert render_marked(diffs).endswith("林園線，以[-帶動地區繁榮-]{+促進區域均衡發展+}，打造本市進入公共運輸為導向的新階段。")


def test_edits_in_several_clauses_stay_in_their_clauses():
    new = "要求國營事業提出減量計畫並帶頭降低固定污染源，並運用科技監控污染微粒及移動污染源，另針對空污累犯業者提高罰鍰額度，多管齊下改善空氣品質。"
    assert render_marked(text_diff(AIR, new)) == (
        "[-推動-]{+要求+}國營事業{+提出減量計畫並+}帶頭降低固定污染源，並運用科技監控污染微粒及移動污染源，"
        "另針對空污累犯業者[-採取累進處罰-]{+提高罰鍰額度+}，[-雙-]{+多+}管齊下改善空氣品質。"
    )


def test_punctuation_insertion_and_deletion_in_one_sentence():
    new = "鼓勵民眾與警察充分合作，建構全民治安防護網；另運用大數據及人工智慧等科技方式，提升犯罪預防效率。"
    assert render_marked(text_diff(POLICE, new)) == (
        "鼓勵民眾與警察充分合作，建構全民治安防護網[-，-]{+；+}另運用大數據{+及人工智慧+}等科技方式，提升犯罪預防[-及偵查-]效率。"
    )


def test_a_new_clause_is_inserted_whole():
    new = POLICE.replace("建構全民治安防護網，", "建構全民治安防護網，強化社區巡守，")
    assert [d for d in text_diff(POLICE, new) if d[0] != 0] == [(1, "強化社區巡守，")]


def test_empty_and_equal_texts():
    assert text_diff("", "") == []
    assert text_diff(AIR, AIR) == [(0, AIR)]
    assert text_diff("", "新增") == [(1, "新增")]
    assert text_diff("刪除", "") == [(-1, "刪除")]


def test_timeout_is_off_so_the_result_never_depends_on_the_machine():
    assert DIFF_TIMEOUT == 0
    long_old = METRO * 40
    long_new = long_old[:3000] + "新增一句話。" + long_old[3000:]
    assert [d for d in text_diff(long_old, long_new) if d[0] != 0] == [(1, "新增一句話。")]


def test_clauses_split_after_chinese_and_ascii_marks():
    assert clauses("甲，乙。丙；丁、戊：己\n庚") == ["甲，", "乙。", "丙；", "丁、", "戊：", "己\n", "庚"]
    assert clauses("a, b") == ["a,", " b"]


CJK = st.text(alphabet="推動產業轉型就業交通建設改善空污，。；、\n ab", max_size=60)


@settings(max_examples=150, deadline=None)
@given(CJK, CJK)
def test_the_diff_rebuilds_both_texts(old, new):
    diffs = text_diff(old, new)
    assert old_text(diffs) == old
    assert new_text(diffs) == new
    assert all(text for _op, text in diffs)
    # runs are normalised: never two parts of the same kind side by side
    assert all(diffs[i][0] != diffs[i + 1][0] for i in range(len(diffs) - 1))


def test_a_deleted_clause_beside_an_edited_one():
    new = "鼓勵民眾與警察充分合作，建構全民治安防護網，提升犯罪預防效率。"
    assert render_marked(text_diff(POLICE, new)) == (
        "鼓勵民眾與警察充分合作，建構全民治安防護網，[-另運用大數據等科技方式，-]提升犯罪預防[-及偵查-]效率。"
    )


def test_a_list_grown_by_one_item_keeps_the_edited_item_apart():
    assert render_marked(text_diff("產業轉型優先", "產業升級優先、增加就業優先")) == "產業[-轉型-]{+升級+}優先{+、增加就業優先+}"


def test_long_rewrites_stay_exact_and_a_small_edit_in_a_long_text_stays_small():
    """Texts far longer than any real clause: the diff still rebuilds both sides exactly, and a
    word inserted into a 20,000-character text is reported as just that word."""
    import random

    rng = random.Random(7)

    def text(n: int) -> str:
        parts: list[str] = []
        while len(parts) < n:
            parts += [chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(8, 25))] + [rng.choice("，。；")]
        return "".join(parts)

    a, b = text(20000), text(20000)
    diffs = text_diff(a, b)
    assert old_text(diffs) == a and new_text(diffs) == b
    edited = a[:5000] + "增列智慧防災，" + a[5000:]
    assert [(op, t) for op, t in text_diff(a, edited) if op != 0] == [(1, "增列智慧防災，")]
    no_punctuation = a.replace("，", "").replace("。", "").replace("；", "")
    changed = no_punctuation[:3000] + "改" + no_punctuation[3001:]
    diffs = text_diff(no_punctuation, changed)
    assert old_text(diffs) == no_punctuation and new_text(diffs) == changed
    assert sum(len(t) for op, t in diffs if op != 0) == 2


WORDS = st.text(alphabet="推動產業轉型就業交通建設改善的市區", max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS, WORDS, WORDS)
def test_a_replaced_word_takes_the_short_way_only_where_myers_would_give_the_same(head, old_word, new_word, tail):
    """Replacing a word by one with no character in common skips diff-match-patch (the usual edit,
    and most of a comparison's time): for any texts, the character diff is what Myers' diff with
    its cleanups gives."""
    from schema.textdiff import _char_diff, _myers_char_diff, _Work

    old, new = head + old_word + tail, head + new_word + tail
    assert _char_diff(old, new, _Work()) == _myers_char_diff(old, new)


def test_a_word_replaced_by_one_without_a_shared_character():
    assert text_diff("推動產業轉型，改善交通。", "推動觀光發展，改善交通。") == [(0, "推動"), (-1, "產業轉型"), (1, "觀光發展"), (0, "，改善交通。")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["推動產業，", "轉型就業。", "改善空污；", "交通建設、", "a, b", "\n"]), max_size=6),
       st.text(alphabet="推動產業轉型，。ab", max_size=8), st.text(alphabet="推動產業轉型，。ab", max_size=8),
       st.lists(st.sampled_from(["推動產業，", "轉型就業。", "改善空污；", "\n"]), max_size=6))
def test_one_changed_clause_takes_the_short_way_only_where_the_clause_pass_gives_the_same(head, old_part, new_part, tail):
    """A text with one clause changed is diffed without the clause pass (most edits are such):
    for any texts, the result is what the clause pass and the character pass give."""
    from schema.textdiff import _clause_passes, _merge, _Work

    old, new = "".join(head) + old_part + "".join(tail), "".join(head) + new_part + "".join(tail)
    if old and new:
        assert text_diff(old, new) == _merge(_clause_passes(old, new, _Work()))
