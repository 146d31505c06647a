"""kg.resolve_state: resolution kept between builds equals a fresh ``resolve`` after every change."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from kg.batch import extract_paths
from kg.model import Resolution
from kg.resolve import document_record, resolve
from kg.resolve_state import ResolveState

TEXTS = Path(__file__).parent / "texts"


def _digest(e) -> str:
    return hashlib.sha256(repr(e).encode()).hexdigest()[:16]


def _plain(r: Resolution) -> tuple[dict, dict, dict]:
    """A resolution as plain dictionaries (the state's reads them from SQLite)."""
    return (dict(r.entities.items()), {k: r.members[k] for k in r.members},
            {k: r.reviews[k] for k in r.reviews})


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Documents by name, from the test texts and edits of them: copies under other
    names, a person renamed, a full name taken out (its short form then moves to
    another group), another area."""
    src = {p.stem: p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("resolve/*.txt"))}
    src.update({p.stem: p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("incremental/*.txt"))})
    src["westmere"] = (TEXTS / "westmere_children.txt").read_text(encoding="utf-8")
    edits = {
        "d_copy": src["a_cabinet"],  # the same text under another name
        "e_renamed": src["b_scrutiny"].replace("Priya Shah", "Priya Shaw"),
        "f_no_full": src["a_cabinet"].replace("Councillor Priya Shah", "Councillor Shah")
                                     .replace("Dr Alan Pryce", "Dr Pryce"),
        "g_elsewhere": src["c_other_area"].replace("Lakeshire", "Dunmore"),
        "h_same_surname": src["b_scrutiny"].replace("Tom Ellison", "Tom Shah"),
    }
    folder = tmp_path_factory.mktemp("variants")
    for name, text in {**src, **edits}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    result = extract_paths([folder])
    assert not result.errors
    return {f.document: f for f in result.facts}


def _check(state: ResolveState, facts: list) -> None:
    records = {f.document: document_record(f) for f in facts}
    idents = {d: hashlib.sha256(json.dumps(r.to_json(), sort_keys=True).encode()).hexdigest() for d, r in records.items()}
    got = state.update(idents, records.__getitem__, lambda: dict(records))
    want = resolve(facts)
    assert _plain(got) == _plain(want)
    # and as read back from the tables (a later build's view)
    assert _plain(state.resolution()) == _plain(want)


SEQUENCE = [
    ["a_cabinet", "b_scrutiny", "c_other_area"],
    ["a_cabinet", "b_scrutiny", "c_other_area", "d_copy"],  # a copy: new documents in old groups
    ["a_cabinet", "b_scrutiny", "c_other_area", "d_copy", "westmere"],
    ["b_scrutiny", "c_other_area", "d_copy", "westmere"],  # a document removed
    ["b_scrutiny", "c_other_area", "d_copy", "westmere", "f_no_full"],  # short forms only
    ["b_scrutiny", "c_other_area", "westmere", "f_no_full"],  # the full name leaves: "Cllr Shah" moves
    ["b_scrutiny", "c_other_area", "westmere", "f_no_full", "e_renamed", "h_same_surname"],
    ["a_cabinet", "b_scrutiny", "c_other_area", "westmere", "f_no_full", "e_renamed", "h_same_surname",
     "g_elsewhere"],
    ["a_cabinet", "ashcombe_cabinet", "ashcombe_children", "brackenford_adults", "coldharbour_community",
     "f_no_full", "g_elsewhere"],
    ["ashcombe_cabinet"],
    ["a_cabinet", "b_scrutiny", "c_other_area", "d_copy", "e_renamed", "f_no_full", "g_elsewhere",
     "h_same_surname", "westmere", "ashcombe_cabinet", "ashcombe_children", "brackenford_adults",
     "coldharbour_community"],
]


@pytest.mark.parametrize("full_share", [10.0, 0.0])
def test_state_equals_a_fresh_resolution_after_each_change(variants, monkeypatch, full_share):
    """One document at a time (regrouped by bucket), and with every change done by a
    full regrouping: both equal ``resolve`` on the documents of the moment."""
    monkeypatch.setattr("kg.resolve_state._FULL_SHARE", full_share)
    state = ResolveState(sqlite3.connect(":memory:"), _digest)
    for names in SEQUENCE:
        _check(state, [variants[n] for n in names])
    # every step one document at a time, forwards and back
    names = sorted(variants)
    for n in range(1, len(names) + 1):
        _check(state, [variants[x] for x in names[:n]])
    for n in range(len(names), 0, -1):
        _check(state, [variants[x] for x in names[n - 1:]])
    # two groups wanting one IRI tail ("Shah" of two areas): the second takes its first document's name
    _check(state, list(variants.values()))
    assert any("--" in k for k in state.resolution().entities)


def test_a_name_moves_between_groups_and_back(variants):
    """"Councillor Shah" joins Priya Shah while a document of the area names her in
    full, and is a node of its own when that document goes (and the tails settle)."""
    state = ResolveState(sqlite3.connect(":memory:"), _digest)
    with_full = [variants[n] for n in ("b_scrutiny", "f_no_full", "a_cabinet")]
    without = [variants[n] for n in ("b_scrutiny", "f_no_full")]
    _check(state, with_full)
    r = state.resolution()
    assert r.key("f_no_full", next(p.id for p in variants["f_no_full"].people if p.name == "Shah")) \
        == "person/priya-shah"
    _check(state, without)
    r = state.resolution()
    assert r.key("f_no_full", next(p.id for p in variants["f_no_full"].people if p.name == "Shah")) \
        != "person/priya-shah"
    _check(state, with_full)


def test_other_code_starts_again(variants):
    db = sqlite3.connect(":memory:")
    facts = [variants[n] for n in ("a_cabinet", "b_scrutiny")]
    _check(ResolveState(db, _digest, "one"), facts)
    _check(ResolveState(db, _digest, "two"), facts + [variants["c_other_area"]])
    state = ResolveState(db, _digest, "two")
    state.clear()
    _check(ResolveState(db, _digest, "two"), facts)
