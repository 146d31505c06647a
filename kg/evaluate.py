"""Precision, recall and F1 of extracted facts against gold annotations.

Gold files follow the dev set's format (one ``ID.json`` per document: meeting, boards with
their names and kind, people with their names, chairs and partners as name pairs, themes,
reviews). Matching is lenient where the annotation guide is: a board matches when any of
its names denotes the same body as any gold name (word order, "Children's"/"Children",
"&"/"and" and small spelling differences do not matter); a person matches by full name or
by surname with a compatible first name or initial; honorifics are ignored; a meeting
body matches when one name's words contain the other's.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Facts

CATEGORIES = ("boards", "people", "chairs", "partners", "themes", "reviews", "meeting")
BOARD_KINDS = {"safeguarding-children", "safeguarding-adults", "community-safety", "other-board"}
_TITLES = {"cllr", "cllrs", "councillor", "councillors", "sir", "dame", "dr", "mr", "mrs", "ms", "miss", "mx",
           "professor", "prof", "lord", "lady", "rev", "reverend", "the", "county", "district", "borough", "city",
           "deputy", "leader", "mayor", "det", "supt", "ch"}
_AFTER = {"obe", "mbe", "cbe", "qpm", "qc", "kc", "jp", "dbe", "kbe", "phd"}
_VAGUE = {"the", "board", "boards", "partnership", "partnerships", "group", "safeguarding", "executive", "this", "our",
          "local", "new", "former", "old", "statutory", "multi", "agency", "and", "of", "s"}
_SAME = {"childrens": "children", "children's": "children", "adult": "adults", "adults'": "adults",
         "adult's": "adults", "chairman": "chair", "chairperson": "chair", "&": "and", "organisation": "organization"}


def _words(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("\u2019", "'").replace("`", "'")
    out = []
    for w in re.sub(r"[^\w&' ]+", " ", text).split():
        w = _SAME.get(w, w).strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        w = _SAME.get(w, w)
        if w:
            out.append(w)
    return out


def _org_key(name: str | None) -> tuple[str, ...]:
    return tuple(sorted(w for w in _words(name) if w != "the"))


def _same_body(names_a: Iterable[str], names_b: Iterable[str]) -> bool:
    keys_b = [k for k in map(_org_key, names_b) if k and not set(k) <= _VAGUE]
    for a in names_a:
        ka = _org_key(a)
        if not ka or set(ka) <= _VAGUE:
            continue
        for kb in keys_b:
            if ka == kb:
                return True
            sa, sb = " ".join(ka), " ".join(kb)
            if min(len(sa), len(sb)) >= 12 and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.92:
                return True
    return False


def _person_key(name: str) -> list[str]:
    ws = _words(name)
    while ws and ws[0] in _TITLES:
        ws.pop(0)
    while ws and ws[-1] in _AFTER:
        ws.pop()
    return [w for w in ws if w != "and"]


def _person_match(a: str, b: str) -> int:
    """2 for the same name, 1 for the same surname and a compatible first name or initial, else 0."""
    p, g = _person_key(a), _person_key(b)
    if not p or not g:
        return 0
    if p == g or "".join(p) == "".join(g):
        return 2
    if p[-1] != g[-1]:
        return 0
    if len(p) == 1 or len(g) == 1:
        return 1
    x, y = p[0], g[0]
    return 1 if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)) else 0


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else (0.0 if self.fp else 1.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    counts: dict[str, Count] = field(default_factory=lambda: {c: Count() for c in CATEGORIES})
    misses: dict[str, dict[str, tuple[list, list]]] = field(default_factory=dict)
    documents: int = 0
    without_prediction: int = 0

    @property
    def macro_f1(self) -> float:
        return sum(c.prf()[2] for c in self.counts.values()) / len(self.counts)

    def to_json(self) -> dict:
        return {"documents": self.documents, "without_prediction": self.without_prediction,
                "categories": {k: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in c.prf()), strict=True))
                               for k, c in self.counts.items()},
                "macro_f1": round(self.macro_f1, 3)}

    def table(self) -> str:
        lines = [f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6}"]
        for k, c in self.counts.items():
            p, r, f = c.prf()
            lines.append(f"{k:<10} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
        lines.append(f"documents {self.documents}, without a prediction {self.without_prediction}")
        lines.append(f"macro F1 {self.macro_f1:.3f}")
        return "\n".join(lines)


def _score_one(gold: dict, pred: dict, scores: Scores) -> dict[str, tuple[list, list]]:
    notes: dict[str, tuple[list, list]] = {}
    orgs = {o.get("id"): o for o in pred.get("organisations") or []}
    people = {p.get("id"): p for p in pred.get("people") or []}
    g_boards, g_people = gold.get("boards", []), gold.get("people", [])

    def names_of(oid) -> list[str]:
        o = orgs.get(oid) or {}
        return [o.get("name") or ""] + list(o.get("aliases") or [])

    # boards, one to one
    used: set[int] = set()
    extra = []
    for o in orgs.values():
        if o.get("kind") not in BOARD_KINDS:
            continue
        names = names_of(o.get("id"))
        hit = next((i for i, b in enumerate(g_boards) if i not in used and _same_body(names, b["names"])), None)
        if hit is None:
            extra.append(o.get("name"))
        else:
            used.add(hit)
    missed = [b["names"][0] for i, b in enumerate(g_boards) if i not in used]
    _add(scores, notes, "boards", len(used), extra, missed)

    # people, one to one, best matches first
    pairs = sorted((-max((_person_match(p.get("name") or "", n) for n in g["names"]), default=0), str(pid), i)
                   for pid, p in people.items() for i, g in enumerate(g_people))
    took_p, took_g = set(), set()
    for s, pid, i in pairs:
        if s < 0 and pid not in took_p and i not in took_g:
            took_p.add(pid)
            took_g.add(i)
    _add(scores, notes, "people", len(took_g), [p.get("name") for pid, p in people.items() if str(pid) not in took_p],
         [g["names"][0] for i, g in enumerate(g_people) if i not in took_g])

    def gold_person(name: str) -> str:
        i = next((i for i, g in enumerate(g_people) if name in g["names"]), None)
        if i is None:
            best = 0
            for j, g in enumerate(g_people):
                s = max((_person_match(name, n) for n in g["names"]), default=0)
                if s > best:
                    best, i = s, j
        return g_people[i]["names"][0] if i is not None else "?" + name

    def gold_board(names: list[str]) -> str:
        i = next((i for i, b in enumerate(g_boards) if names[0] in b["names"]), None)
        if i is None:
            i = next((i for i, b in enumerate(g_boards) if _same_body(names, b["names"])), None)
        return g_boards[i]["names"][0] if i is not None else "?" + (names[0] or "")

    g_chairs = {(gold_person(p), gold_board([b])) for p, b in gold.get("chairs", [])}
    p_chairs = {(gold_person((people.get(c.get("person")) or {}).get("name") or ""),
                 gold_board(names_of(c.get("organisation"))))
                for c in pred.get("chairs") or []}
    _add_sets(scores, notes, "chairs", p_chairs, g_chairs)
    g_partners = {(gold_board([b]), s) for b, s in gold.get("partners", [])}
    p_partners = {(gold_board(names_of(x.get("partnership"))), x.get("sector")) for x in pred.get("partners") or []}
    _add_sets(scores, notes, "partners", p_partners, g_partners)
    p_themes = {t.get("theme") if isinstance(t, dict) else t for t in pred.get("themes") or []}
    _add_sets(scores, notes, "themes", p_themes, set(gold.get("themes", [])))

    def review_items(reviews) -> set:
        items = set()
        for r in reviews or []:
            items.add(("kind", r.get("kind")))
            if r.get("name"):
                items.add(("name", " ".join(_words(r["name"]))))
        return items

    _add_sets(scores, notes, "reviews", review_items(pred.get("reviews")), review_items(gold.get("reviews")))

    gm, pm = gold.get("meeting") or {}, pred.get("meeting") or {}
    tp = fp = fn = 0
    if gm.get("date"):
        ok = pm.get("date") == gm["date"]
        tp, fn = int(ok), int(not ok)
        fp += int(bool(pm.get("date")) and not ok)
    elif pm.get("date"):
        fp += 1
    if gm.get("body"):
        g, p = set(_org_key(gm["body"])), set(_org_key(pm.get("body") or ""))
        ok = bool(p) and (g <= p or p <= g)
        tp, fn, fp = tp + ok, fn + (not ok), fp + int(bool(p) and not ok)
    elif pm.get("body"):
        fp += 1
    c = scores.counts["meeting"]
    c.tp, c.fp, c.fn = c.tp + tp, c.fp + fp, c.fn + fn
    if fp or fn:
        notes["meeting"] = ([pm.get("body"), pm.get("date")], [gm.get("body"), gm.get("date")])
    return notes


def _add(scores: Scores, notes: dict, cat: str, tp: int, extra: list, missed: list) -> None:
    c = scores.counts[cat]
    c.tp, c.fp, c.fn = c.tp + tp, c.fp + len(extra), c.fn + len(missed)
    if extra or missed:
        notes[cat] = (extra, missed)


def _add_sets(scores: Scores, notes: dict, cat: str, pred: set, gold: set) -> None:
    _add(scores, notes, cat, len(pred & gold), sorted(map(str, pred - gold)), sorted(map(str, gold - pred)))


def evaluate(gold_dir: Path, predictions: Iterable[Facts | dict]) -> Scores:
    """Score predictions (Facts or contract dicts) against every ``*.json`` in ``gold_dir``."""
    golds = sorted(Path(gold_dir).glob("*.json"))
    if not golds:
        from kg.errors import KgError
        raise KgError(gold_dir, detail="no gold files (*.json) there; point kg eval at a folder of gold annotations")
    preds = {}
    for p in predictions:
        obj = p.to_json() if isinstance(p, Facts) else p
        preds[str(obj.get("document"))] = obj
    scores = Scores(documents=len(golds))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = preds.get(path.stem)
        if pred is None:
            scores.without_prediction += 1
            pred = {}
        notes = _score_one(gold, pred, scores)
        if notes:
            scores.misses[path.stem] = notes
    return scores
