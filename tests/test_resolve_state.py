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
    idents = {d: hashlib.sha256(json.dumps(r.to_json(), sort_keys=True).encode()).hexdigest()
              for d, r in records.items()}
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


def test_a_build_keeps_the_state_and_patches_its_outputs(tmp_path, monkeypatch):
    """kg build with one file changed: the state it keeps equals a fresh resolution of
    the documents, the fingerprints of the untouched graphs are not worked out again,
    kg.ttl, facts.jsonl and entities.jsonl are patched (not written by write_outputs),
    and every output equals a fresh build's."""
    import shutil

    import kg.build as b
    from kg.model import Facts

    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in sorted((TEXTS / "incremental").glob("*.txt")) + sorted((TEXTS / "resolve").glob("*.txt")):
        shutil.copy(p, inputs)
    store = tmp_path / "store"
    b.build([inputs], store, view=False)
    path = inputs / "b_scrutiny.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Tom Ellison", "Tom Shah"), encoding="utf-8")

    asked: list[str | None] = []
    written: list[set[str] | None] = []
    fingerprint, write_outputs = b._GraphSource.fingerprint, b.write_outputs

    def count(self, deps):
        asked.append(self.document)
        return fingerprint(self, deps)

    def spy(*args, only=None, **kwargs):
        written.append(only)
        return write_outputs(*args, only=only, **kwargs)
    monkeypatch.setattr(b._GraphSource, "fingerprint", count)
    monkeypatch.setattr(b, "write_outputs", spy)
    report = b.build([inputs], store, view=False)
    assert report.extracted == 1
    assert "b_scrutiny" in asked and len([d for d in asked if d]) < report.documents - 1
    assert written == [set()]  # kg.ttl, facts.jsonl and entities.jsonl patched beforehand

    monkeypatch.undo()
    from kg.store import GraphStore
    with GraphStore.open(store, read_only=True) as kept:  # its stamp, made as kg.ttl was patched, holds
        assert kept.kept_export() == (store / "kg.ttl").read_bytes()
    fresh = tmp_path / "fresh"
    b.build([inputs], fresh, view=False)
    for name in ("kg.ttl", "facts.jsonl", "entities.jsonl"):
        assert (store / name).read_bytes() == (fresh / name).read_bytes(), name
    facts = [Facts.from_json(json.loads(line)) for line in (store / "facts.jsonl").read_text(encoding="utf-8")
             .splitlines()]
    db = sqlite3.connect(store / "cache" / "index.sqlite")
    state = ResolveState(db, b._entity_digest, b.graph_code_version())
    assert _plain(state.resolution()) == _plain(resolve(facts))


def test_curation_in_between_gives_the_fresh_builds_outputs(tmp_path):
    """A build with curation drops the state (and the marks that let a fingerprint be
    kept unchecked); the builds before and after it without curation, and the one with
    it, each write what a fresh build of the same inputs writes."""
    import shutil

    import kg.build as b

    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in sorted((TEXTS / "resolve").glob("*.txt")) + sorted((TEXTS / "incremental").glob("*.txt")):
        shutil.copy(p, inputs)
    curation = tmp_path / "curation.toml"
    curation.write_text('[[same]]\nnames = ["Mark Ellison", "Tom Ellison"]\n', encoding="utf-8")
    store = tmp_path / "store"
    for n, cur in enumerate([None, curation, None, curation]):
        b.build([inputs], store, curation=cur, view=False)
        fresh = tmp_path / f"fresh{n}"
        b.build([inputs], fresh, curation=cur, view=False)
        for name in ("kg.ttl", "entities.jsonl"):
            assert (store / name).read_bytes() == (fresh / name).read_bytes(), (n, name)
    assert b"Tom Ellison" in (tmp_path / "fresh1" / "entities.jsonl").read_bytes()
    assert (tmp_path / "fresh0" / "kg.ttl").read_bytes() != (tmp_path / "fresh1" / "kg.ttl").read_bytes()
