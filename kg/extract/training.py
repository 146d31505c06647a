"""Fitting the extractor's small models from gold annotations (development tool).

Each trainable decision is a ``Component``: it turns one document and its gold
annotation into labelled examples (features from the same candidate generation the
extractor uses at run time, label from the gold), and is fitted as an L2 logistic
regression. scikit-learn is imported here only, inside the functions, so the extractor
never needs it: ``pip install -e '.[train]'`` for training and cross-validation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.extract.chairs import ChairCandidate, chair_candidates, council_meeting
from kg.extract.linear import LinearModel
from kg.extract.meeting import (
    body_candidates,
    body_features,
    body_words,
    date_candidates,
    date_features,
    extract_meeting,
    rule_meeting,
)
from kg.extract.orgs import (
    cluster_boards,
    find_agencies,
    find_board_mentions,
    fold_words,
    is_meeting_of,
    main_board,
    own_board,
)
from kg.extract.partners import PartnerCandidate, partner_candidates
from kg.extract.people import cluster_people, find_people, overlap_test
from kg.extract.roles import extract_roles
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences
from kg.extract.themes import theme_candidates, theme_features
from kg.model import Document

Example = tuple[list[str], int]


@dataclass(frozen=True)
class Component:
    name: str
    examples: Callable[[Document, dict], list[Example]]
    c: float = 1.0  # inverse regularisation strength
    threshold: float = 0.5
    # also fitted on the project's own invented corpora (``INVENTED``), not the development set alone
    invented: bool = False


def _theme_examples(doc: Document, gold: dict) -> list[Example]:
    wanted = set(gold.get("themes") or ())
    text = scanned(doc.text)
    return [(theme_features(c), int(c.theme in wanted))
            for c in theme_candidates(sentences(text), rules(), text)]


def _gold_board(names: Sequence[str], gold_boards: list[set[str]], gold_words: list[list[frozenset]]) -> int | None:
    """The gold board a cluster's names denote: an equal name (folded), else the one gold
    board whose name's words contain, or are contained in, the cluster's fullest name."""
    folded = {" ".join(fold_words(n)) for n in names}
    for i, g in enumerate(gold_boards):
        if folded & g:
            return i
    full = frozenset(fold_words(names[0])) - {"the", "of", "and", "for", "local"} if names else frozenset()
    if len(full) < 2:
        return None
    hits = [i for i, ws in enumerate(gold_words) if any(len(w) >= 2 and (w <= full or full <= w) for w in ws)]
    return hits[0] if len(hits) == 1 else None


def partner_pairs(doc: Document, gold: dict) -> tuple[list[tuple[PartnerCandidate, int]], int]:
    """The document's partner candidates, each labelled from the gold (1: the gold names that
    (board, sector) pair), and how many pairs the gold names (found as candidates or not): what
    both the model's examples and a pair-level score of a fitted model read."""
    r = rules()
    text = scanned(doc.text)
    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    main = main_board(clusters, text)
    meeting = extract_meeting(text, doc.title, [c.name for c in clusters], r)
    own = bool(meeting.body and main is not None and set(fold_words(main.name)) <= set(fold_words(meeting.body)))
    gold_boards = [{" ".join(fold_words(n)) for n in b.get("names") or ()} for b in gold.get("boards") or ()]
    gold_words = [[frozenset(fold_words(n)) - {"the", "of", "and", "for", "local"} for n in b.get("names") or ()]
                  for b in gold.get("boards") or ()]
    wanted = set()
    unmatched = 0
    for board, sector in gold.get("partners") or ():
        i = _gold_board([board], gold_boards, gold_words)
        if i is not None:
            wanted.add((i, sector))
        else:
            unmatched += 1
    out = []
    for c in partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text, meeting.body, own):
        i = _gold_board(clusters[c.board].names, gold_boards, gold_words)
        out.append((c, int(i is not None and (i, c.sector) in wanted)))
    return out, len(wanted) + unmatched


def _partner_examples(doc: Document, gold: dict) -> list[Example]:
    return [(list(f), label) for c, label in partner_pairs(doc, gold)[0]
            for f in c.supports]  # one example per supporting mention


_PERSON_TITLES = frozenset(("cllr", "councillor", "sir", "dame", "dr", "mr", "mrs", "ms", "miss", "mx", "professor",
                            "prof", "lord", "lady", "rev", "reverend", "the"))


def _person_words(name: str) -> list[str]:
    ws = [w.strip(".'’") for w in fold_words(name)]
    ws = [w for w in ws if w]
    while ws and ws[0] in _PERSON_TITLES:
        ws.pop(0)
    return ws


def _same_person(a: str, b: str) -> bool:
    """The scorer's person test (kg.evaluate, which the extractor's layer may not import): the same
    words, or the same surname and a compatible first name or initial."""
    p, g = _person_words(a), _person_words(b)
    if not p or not g:
        return False
    if p == g or "".join(p) == "".join(g):
        return True
    if p[-1] != g[-1]:
        return False
    if len(p) == 1 or len(g) == 1:
        return True
    x, y = p[0], g[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def chair_pairs(doc: Document, gold: dict) -> tuple[list[tuple[ChairCandidate, int]], int]:
    """The document's chair candidates, each labelled from the gold (1: the gold names that person
    as that board's chair, names matched as the scorer matches them), and how many gold chairs."""
    from kg.extract import scan
    from kg.extract.pipeline import _COMMITTEE, _named_lead

    r = rules()
    text = scanned(doc.text)
    sents = sentences(text)
    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    main = main_board(clusters, text)
    agencies = find_agencies(text, r)
    in_boards = overlap_test([(x.start, x.end) for c in clusters for x in c.mentions])
    committees = [(m.start() + _named_lead(m.group()), m.end()) for m in scan.finditer(_COMMITTEE, text)
                  if not in_boards(m.start(), m.end())]
    org_spans = [(m.start, m.end) for c in clusters for m in c.mentions] + [(a.start, a.end) for a in agencies]
    mentions = find_people(sents, text, r, org_spans + committees)
    people = cluster_people(mentions)
    meeting = extract_meeting(text, doc.title, [c.name for c in clusters], r, {}, main.name if main else None)
    own = is_meeting_of(main, meeting.body)
    roles = extract_roles(mentions, clusters, main, committees, text, r, own_meeting=own, meeting_body=meeting.body)
    rule_pairs = {(rf.person, rf.org) for rf in roles if rf.chair and rf.org is not None}
    own_i = own_board(clusters, meeting.body)
    cands = chair_candidates(sents, text, mentions, clusters, main, own_i, rule_pairs, own,
                             council_meeting=council_meeting(meeting.body, own, own_i))
    gold_boards = [{" ".join(fold_words(n)) for n in b.get("names") or ()} for b in gold.get("boards") or ()]
    gold_words = [[frozenset(fold_words(n)) - {"the", "of", "and", "for", "local"} for n in b.get("names") or ()]
                  for b in gold.get("boards") or ()]
    wanted = []
    for person, board in gold.get("chairs") or ():
        wanted.append((person, _gold_board([board], gold_boards, gold_words)))
    out = []
    for c in cands:
        bi = _gold_board(clusters[c.board].names, gold_boards, gold_words)
        name = people[c.person].name
        hit = bi is not None and any(b == bi and _same_person(name, p) for p, b in wanted)
        out.append((c, int(hit)))
    return out, len(wanted)


def _chair_examples(doc: Document, gold: dict) -> list[Example]:
    return [(list(f), label) for c, label in chair_pairs(doc, gold)[0] for f, _, _ in c.supports
            if "blocked" not in f]  # (what the model never decides)


def _meeting_context(doc: Document):
    """What the extractor knows when it ranks meeting candidates: the rules' answer and the boards."""
    r = rules()
    text = scanned(doc.text)
    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    main = main_board(clusters, text)
    names = [c.name for c in clusters]
    return rule_meeting(text, names, r), names, (main.name if main else None)


def _meeting_date_examples(doc: Document, gold: dict) -> list[Example]:
    want = (gold.get("meeting") or {}).get("date")
    rule = _meeting_context(doc)[0]
    return [(date_features(c), int(c.iso == want)) for c in date_candidates(scanned(doc.text), rule.date)]


def _meeting_body_examples(doc: Document, gold: dict) -> list[Example]:
    want = body_words((gold.get("meeting") or {}).get("body") or "")
    rule, names, main = _meeting_context(doc)
    out = []
    for c in body_candidates(scanned(doc.text), names, main, rule):
        got = body_words(c.text)  # the scorer's test: one name's words within the other's
        out.append((body_features(c), int(bool(want) and bool(got) and (got <= want or want <= got))))
    return out


COMPONENTS: tuple[Component, ...] = (
    Component("themes", _theme_examples, c=1.0, threshold=0.6),
    Component("partners", _partner_examples, c=0.6, threshold=0.5),
    Component("meeting-date", _meeting_date_examples, c=1.0, threshold=0.4, invented=True),
    Component("meeting-body", _meeting_body_examples, c=1.0, threshold=0.45, invented=True),
    Component("chairs", _chair_examples, c=0.5, threshold=0.6),
)


# The project's invented corpora (texts, gold), written blind by the annotation guide's rules: web pages,
# news items and report excerpts, which hold no meeting, are few in the development set, so the meeting
# rankers alone are also fitted on these (held-out rounds: meeting F1 0.967 -> 0.989 on 30 documents,
# 0.914 -> 0.976 on 30 more; the development set's area CV, meeting 0.946 -> 0.943). The other components
# are not: the writers' judgement calls on partners and chairs differ from the development gold's, and
# fitting on them costs CV (partners 0.885 -> 0.861). tests/texts/blind16 to blind22 stay out,
# to measure this.
INVENTED = tuple((f"tests/texts/{name}", f"tests/gold/{name}") for name in ("invented", "blind14", "blind15"))


def invented_pairs(root: Path) -> list[tuple[Document, dict]]:
    """The documents and gold of ``INVENTED`` under the project root ``root`` (a checkout: the corpora
    are test data, not installed with the package)."""
    return [p for texts, gold in INVENTED for p in load_corpus(root / texts, root / gold)]


def fit_components(pairs: Sequence[tuple[Document, dict]], invented: Sequence[tuple[Document, dict]],
                   components: Sequence[Component] | None = None) -> dict[str, LinearModel]:
    """Every component fitted on ``pairs``, those marked ``invented`` on ``invented`` as well."""
    comps = list(COMPONENTS if components is None else components)
    out = fit_all(pairs, [c for c in comps if not c.invented])
    out.update(fit_all([*pairs, *invented], [c for c in comps if c.invented]))
    return {c.name: out[c.name] for c in comps}


def register(component: Component) -> None:
    """Add a component (extractor modules' training hooks call this)."""
    global COMPONENTS
    COMPONENTS = tuple(c for c in COMPONENTS if c.name != component.name) + (component,)


def fit(component: Component, examples: Sequence[Example]) -> LinearModel:
    """An L2 logistic regression on binary features; deterministic (lbfgs from zero, sorted features)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in examples])
    y = [label for _, label in examples]
    if len(set(y)) < 2:
        return LinearModel(component.name, {}, 5.0 if y and y[0] else -5.0, component.threshold)
    lr = LogisticRegression(C=component.c, solver="lbfgs", max_iter=2000)
    lr.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= 1e-4}
    meta = {"examples": len(y), "positives": int(sum(y)), "C": component.c}
    return LinearModel(component.name, weights, float(lr.intercept_[0]), component.threshold, meta)


def fit_all(pairs: Sequence[tuple[Document, dict]],
            components: Sequence[Component] | None = None) -> dict[str, LinearModel]:
    """Every component fitted on the given (document, gold) pairs."""
    out = {}
    for comp in COMPONENTS if components is None else components:
        examples = [e for doc, gold in pairs for e in comp.examples(doc, gold)]
        out[comp.name] = fit(comp, examples)
    return out


def load_corpus(corpus: Path, gold_dir: Path) -> list[tuple[Document, dict]]:
    """Documents that have a gold annotation, in name order."""
    from kg.ingest import read_document

    pairs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        matches = sorted(p for p in corpus.glob(gold_path.stem + ".*") if p.suffix != ".json")
        if matches:
            pairs.append((read_document(matches[0]), json.loads(gold_path.read_text(encoding="utf-8"))))
    return pairs
