"""Mutated plan files and texts for the fuzzing harness (tests/fuzz/harness.py).

Each mutation kind is a function ``(rng, base) -> bytes`` that damages a valid plan file in one
way a user, a broken disk, another program or an attacker could: bytes flipped, the file cut,
keys deleted, values of the wrong type, huge or negative numbers, deep nesting, repeated ids,
links to nowhere or to themselves, unknown versions, megabyte strings, odd Unicode and odd
encodings. Text mutations do the same to the published plan's text for ``import-text``.
Everything is drawn from the given ``random.Random``, so a seed reproduces a mutant exactly.
"""
from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Callable

from tests.paths import DEMO, SOURCE

ODD_CHARACTERS = (
    "\ud800", "\udfff", "\ud83d",  # lone surrogates (written as JSON escapes)
    "\x00", "\x1b[31m", "\x1b]0;title\x07", "\x07", "\x7f", "\x9b", "\r", "\n", "\t", "\x0c",
    "\ufffe", "\uffff", "\ufeff",  # non-characters and a stray byte-order mark
    "\u202e", "\u202d", "\u2066", "\u200f", "\u200e", "\u061c",  # bidi overrides, isolates, marks
    "e\u0301", "\u0301\u0301\u0301\u0301", "\u0e47" * 20,  # combining characters, stacked
    "😀", "👩\u200d👩\u200d👧", "🇹🇼", "\U0010ffff", "\U000e0001",  # emoji, ZWJ sequence, flag, plane 16, tag
    "𠀀𪚥", "\u3000", "\u00a0", "﹏", "「」『』", "＂＼", "\\", '"', "{壹}", "%s%n", "<w:t>&amp;</w:t>",
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def base_plan() -> dict:
    """A small plan that still has every kind of node and field: the demo's first two focus areas
    with two strategies each, a revision and a draft that differ, agencies, goal links, a KPI,
    a budget, a note and a proposal, so that every command has something to show."""
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    for rev in [*data["revisions"], data["draft"]]:
        focus = rev["content"]["focus"]
        focus["focus_areas"] = focus["focus_areas"][:2]
        for area in focus["focus_areas"]:
            area["strategies"] = area["strategies"][:2]
        rev["content"]["preface"]["paragraphs"] = rev["content"]["preface"]["paragraphs"][:2]
    draft = data["draft"]["content"]
    goal_id = draft["goals"]["goals"][0]["id"]
    strategy = draft["focus"]["focus_areas"][0]["strategies"][0]
    strategy.update(
        lead_agencies=["經濟發展局"], supporting_agencies=["都市發展局", "工務局"], goal_ids=[goal_id],
        kpis=[{"id": "kpi1", "name": "進駐廠商家數", "measurement": "累計家數", "unit": "家", "targets": {"110": "10", "111": "20"}}],
        budget={"110": 1500.5, "111": 2000},
        note="配合中央政策調整修正。",
    )
    strategy["title"] += "（修正）"
    data["proposals"] = [{
        "id": "prop1", "source": "review", "kind": "replace", "status": "pending", "node_id": strategy["id"],
        "field": "title", "author": "審查委員", "date": "2020-06-30T10:00:00Z", "old": strategy["title"],
        "new": strategy["title"] + "與招商", "comment": "", "anchor": "", "replies": [], "operation": None, "reason": "",
    }]
    return data


def dump(data) -> bytes:
    """As the editor writes a plan (pretty, real characters), so the fast path of loading is used;
    a lone surrogate is written as a JSON escape (as another program could), not as invalid UTF-8."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


# --- walking the JSON -----------------------------------------------------------------------
def _places(data, path=()):
    """Every (container, key, path) in the data, containers included."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield data, key, (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield data, index, (*path, index)
            yield from _places(value, (*path, index))


def _pick(rng: random.Random, data, want: Callable[[object], bool] = lambda v: True):
    places = [(c, k) for c, k, _p in _places(data) if want(c[k])]
    return rng.choice(places) if places else (None, None)


def _nodes(data) -> list[dict]:
    return [c[k] for c, k, _p in _places(data) if isinstance(c[k], dict) and "kind" in c[k] and "id" in c[k]]


# --- plan mutations -----------------------------------------------------------------------
def byte_flip(rng, base):
    raw = bytearray(dump(base))
    for _ in range(rng.randint(1, 8)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def truncation(rng, base):
    raw = dump(base)
    return raw[: rng.randrange(len(raw))]


def deleted_key(rng, base):
    data = copy.deepcopy(base)
    for _ in range(rng.randint(1, 3)):
        container, key = _pick(rng, data, lambda v: True)
        if isinstance(container, dict):
            del container[key]
    return dump(data)


_WRONG_VALUES = (None, True, False, 0, -1, 1.5, "", "x", "108", [], [1], {}, {"a": 1}, [None], {"kind": "goal"}, "2020-13-45")


def wrong_type(rng, base):
    data = copy.deepcopy(base)
    for _ in range(rng.randint(1, 3)):
        container, key = _pick(rng, data)
        if container is not None:
            container[key] = copy.deepcopy(rng.choice(_WRONG_VALUES))
    return dump(data)


def huge_number(rng, base):
    data = copy.deepcopy(base)
    container, key = _pick(rng, data, lambda v: isinstance(v, (int, float, str)) and not isinstance(v, bool))
    marker = "__NUMBER__"
    container[key] = marker
    literal = rng.choice([
        "9" * rng.choice([20, 100, 101, 4300, 4301, 5000, 100_000]), "-" + "9" * rng.randint(1, 5000),
        "-1", "-999999", "0", "1e308", "1e999", "-1e999", "1e-400", "NaN", "Infinity", "-Infinity",
        "1" + "0" * rng.randint(10, 400) + ".5", "0." + "0" * 500 + "1", "1E+99999999999",
    ])
    text = dump(data).decode("utf-8")
    return text.replace(f'"{marker}"', literal, 1).encode("utf-8")


def deep_nesting(rng, base):
    data = copy.deepcopy(base)
    container, key = _pick(rng, data)
    marker = "__DEEP__"
    container[key] = marker
    depth = rng.choice([30, 63, 65, 200, 1000, 10_000, 100_000])
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}"), ('[{"actions":', "}]")])
    nested = opener * depth + "1" + closer * depth
    if rng.random() < 0.2:
        nested = opener * depth  # unclosed
    text = dump(data).decode("utf-8")
    return text.replace(f'"{marker}"', nested, 1).encode("utf-8")


def deep_actions(rng, base):
    data = copy.deepcopy(base)
    depth = rng.choice([3, 4, 10, 30, 100, 500])
    top = action = {"kind": "action", "id": "deep0", "text": "x", "actions": []}
    for level in range(1, depth):
        child = {"kind": "action", "id": f"deep{level}", "text": "x", "actions": []}
        action["actions"].append(child)
        action = child
    strategy = data["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]
    strategy["actions"] = [top]
    # json.dumps recurses too: build the deep part as text
    marker = "__ACTIONS__"
    strategy["actions"] = marker
    nested = "".join(f'{{"kind": "action", "id": "deep{i}", "text": "x", "actions": [' for i in range(depth)) + "]}" * depth
    text = dump(data).decode("utf-8")
    return text.replace(f'"{marker}"', f"[{nested}]", 1).encode("utf-8")


def duplicate_ids(rng, base):
    data = copy.deepcopy(base)
    nodes = _nodes(data["draft"]) + _nodes(data["revisions"])
    a, b = rng.sample(nodes, 2)
    b["id"] = a["id"]
    if rng.random() < 0.3:
        data["revisions"].append(copy.deepcopy(data["revisions"][0]))  # a repeated revision (label and id)
    return dump(data)


def cyclic_links(rng, base):
    data = copy.deepcopy(base)
    content = data["draft"]["content"]
    strategies = [s for area in content["focus"]["focus_areas"] for s in area["strategies"]]
    strategy = rng.choice(strategies)
    choice = rng.randrange(5)
    if choice == 0:
        strategy["goal_ids"] = [strategy["id"]]  # a link to itself
    elif choice == 1:
        strategy["goal_ids"] = ["nowhere", "", "nowhere"]
    elif choice == 2:
        content["goals"]["goals"][0]["id"] = strategy["id"]  # a goal that is the strategy linking to it
        strategy["goal_ids"] = [strategy["id"]]
    elif choice == 3:
        data["proposals"][0]["node_id"] = data["proposals"][0]["id"]
        data["proposals"][0]["operation"] = {"op": "Move", "node_id": strategy["id"], "parent_id": strategy["id"], "index": 0}
    else:
        strategy["actions"] = [{"kind": "action", "id": strategy["id"], "text": "我就是我的策略", "actions": []}]
    return dump(data)


def unknown_version(rng, base):
    data = copy.deepcopy(base)
    data["format_version"] = rng.choice([0, -1, 1, 3, 99, 2**63, "2", 2.0, 2.5, None, True, [], {"v": 2}])
    return dump(data)


def megabyte_string(rng, base):
    data = copy.deepcopy(base)
    container, key = _pick(rng, data, lambda v: isinstance(v, str))
    length = rng.choice([99_999, 100_000, 100_001, 1_000_000])
    unit = rng.choice(["長", "a", "，", "推動產業轉型，", "\n", " ", "😀", "é"])
    container[key] = (unit * (length // len(unit) + 1))[:length]
    return dump(data)


def unicode_oddity(rng, base):
    data = copy.deepcopy(base)
    for _ in range(rng.randint(1, 4)):
        container, key = _pick(rng, data, lambda v: isinstance(v, str))
        odd = rng.choice(ODD_CHARACTERS)
        value = container[key]
        at = rng.randint(0, len(value))
        if rng.random() < 0.1 and isinstance(container, dict):  # in a key instead
            container[key[:1] + odd + key[1:]] = container.pop(key)
        else:
            container[key] = value[:at] + odd + value[at:]
    return dump(data)


def odd_encoding(rng, base):
    text = dump(base).decode("utf-8")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "big5", "gb18030", "utf-8-sig", "latin-1", "cp1252", "utf-7"])
    return text.encode(encoding, errors="replace")


def grown_plan(rng, base):
    """Legal but large: a strategy repeated with fresh ids (many nodes, many KPIs, a long period)."""
    data = copy.deepcopy(base)
    area = data["draft"]["content"]["focus"]["focus_areas"][0]
    template = area["strategies"][0]
    count = rng.choice([10, 50, 200])
    for n in range(count):
        strategy = copy.deepcopy(template)
        for i, node in enumerate([strategy, *_nodes(strategy["actions"])]):
            node["id"] = f"grown{n}x{i}"
        area["strategies"].append(strategy)
    if rng.random() < 0.5:
        data["period"] = {"start": 1, "end": rng.choice([20, 100, 999])}
    return dump(data)


PLAN_MUTATIONS: dict[str, Callable[[random.Random, dict], bytes]] = {
    "byte flip": byte_flip,
    "truncation": truncation,
    "deleted key": deleted_key,
    "wrong type": wrong_type,
    "huge number": huge_number,
    "deep nesting": deep_nesting,
    "deep actions": deep_actions,
    "duplicate ids": duplicate_ids,
    "cyclic links": cyclic_links,
    "unknown version": unknown_version,
    "1 MB string": megabyte_string,
    "Unicode oddity": unicode_oddity,
    "odd encoding": odd_encoding,
    "grown plan": grown_plan,
}


# --- text mutations (import-text) ----------------------------------------------------------
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def text_mutant(rng: random.Random, text: str) -> bytes:
    lines = text.split("\n")
    choice = rng.randrange(8)
    if choice == 0:
        raw = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 16)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if choice == 1:
        return text.encode("utf-8")[: rng.randrange(len(text.encode("utf-8")))]
    if choice == 2:
        rng.shuffle(lines)
    elif choice == 3:
        for _ in range(rng.randint(1, 20)):
            if lines:
                del lines[rng.randrange(len(lines))]
    elif choice == 4:
        for _ in range(rng.randint(1, 10)):
            at = rng.randrange(len(lines))
            lines[at] = lines[at] + rng.choice(ODD_CHARACTERS).replace("\ud800", "").replace("\udfff", "").replace("\ud83d", "")
    elif choice == 5:
        at = rng.randrange(len(lines))
        lines[at] = lines[at] * rng.choice([100, 2000])
    elif choice == 6:
        return "\n".join(lines).encode(rng.choice(["utf-16", "big5", "utf-8-sig", "gb18030"]), errors="replace")
    else:
        lines = [line.replace("、", rng.choice(["、", ".", "", "，"])) for line in lines]
    return "\n".join(lines).encode("utf-8")


# --- Word and PDF mutations (plan-editor import) ----------------------------------------------
def _zip_bomb(source) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item.filename, source.read(item.filename))
                continue
            xml = source.read(item.filename)
            at = xml.rindex(b"</w:body>")
            with target.open(item.filename, "w", force_zip64=True) as member:  # streamed: never 300 MB in memory
                member.write(xml[:at] + b"<!--")
                chunk = b" " * (1 << 20)
                for _ in range(300):
                    member.write(chunk)
                member.write(b"-->" + xml[at:])
    return out.getvalue()


def document_mutant(rng: random.Random, docx_bytes: bytes, pdf_bytes: bytes) -> tuple[str, bytes]:
    """A damaged or hostile Word document or PDF made from the base plan's own exports: (suffix, bytes)."""
    import io
    import zipfile

    choice = rng.randrange(9)
    if choice == 0:  # bytes flipped in the zip
        raw = bytearray(docx_bytes)
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return ".docx", bytes(raw)
    if choice == 1:
        return ".docx", docx_bytes[: rng.randrange(len(docx_bytes))]
    if choice == 2:
        raw = bytearray(pdf_bytes)
        for _ in range(rng.randint(1, 16)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return ".pdf", bytes(raw)
    if choice == 3:
        return ".pdf", pdf_bytes[: rng.randrange(len(pdf_bytes))]
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    xml = source.read("word/document.xml").decode("utf-8")
    if choice == 4:  # odd characters inside text runs (escaped as XML allows, or raw)
        for _ in range(rng.randint(1, 10)):
            at = xml.find("<w:t", rng.randrange(len(xml)))
            at = xml.find(">", at) + 1 if at > 0 else -1
            if at > 0:
                odd = rng.choice([c for c in ODD_CHARACTERS if not ("\ud800" <= c[0] <= "\udfff")])
                xml = xml[:at] + odd.replace("&", "&amp;").replace("<", "&lt;") + xml[at:]
    elif choice == 5:  # elements nested far deeper than any document
        depth = rng.choice([100, 1000, 5000])
        at = xml.find("<w:body>") + len("<w:body>")
        xml = xml[:at] + "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>深</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth + xml[at:]
    elif choice == 6:  # one huge paragraph
        at = xml.find("<w:body>") + len("<w:body>")
        xml = xml[:at] + "<w:p><w:r><w:t>" + "長" * rng.choice([100_000, 1_000_000]) + "</w:t></w:r></w:p>" + xml[at:]
    elif choice == 7:  # a member that inflates far beyond its size (a "zip bomb"): 300 MB of spaces in 0.3 MB
        return ".docx", _zip_bomb(source)
    else:  # a part removed
        names = [n for n in source.namelist() if n != "[Content_Types].xml"]
        drop = rng.choice(names)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                if item.filename != drop:
                    target.writestr(item, source.read(item.filename))
        return ".docx", out.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item.filename, data)
    return ".docx", out.getvalue()
