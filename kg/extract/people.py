"""People named in a document, the posts they hold, and who chairs what.

A capitalised sequence is taken for a person's name only with evidence: an honorific in
front ("Councillor", "Sir", "Mr S Westwood"), a known given name, or the shapes minutes use
for people: "Name, Title", "Name (Title)", "Title, Name", "Chair: Name", "Name said...".
Words that name organisations, roles or places veto a name. Mentions of one person in a
document ("Sir Francis Habgood", "Sir Habgood") are merged by surname.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from kg.extract.rules import Rules
from kg.extract.text import Sentence, fold

_NAME_TOKEN = r"(?:(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-zà-ÿ]+(?:[’'][A-Z][a-zà-ÿ]+)?(?:-[A-Z][a-zà-ÿ]+)*|[A-Z](?=[\s.]))"
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*\.?|[^\w\s]|\d+")


@dataclass
class PersonMention:
    name: str  # without honorific
    start: int
    end: int
    honorific: str | None = None
    sentence: Sentence | None = None
    cluster: int = -1

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def surname(self) -> str:
        return fold(self.tokens[-1]).lower() if self.tokens else ""


@dataclass
class PersonCluster:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        best = max(self.mentions, key=lambda m: (len(m.tokens), sum(len(t) > 1 for t in m.tokens), -m.start))
        return best.name

    @property
    def honorific(self) -> str | None:
        return next((m.honorific for m in self.mentions if m.honorific), None)

    @property
    def aliases(self) -> list[str]:
        name = self.name  # once: it looks at every mention
        forms: dict[str, None] = {}
        for m in self.mentions:
            full = f"{m.honorific} {m.name}" if m.honorific else m.name
            if full != name:
                forms.setdefault(full, None)
        return list(forms)


def _is_name_token(tok: str, rules: Rules) -> bool:
    bare = re.sub(r"['’]s$", "", tok)
    if len(bare) == 1:
        return bare.isupper()
    return bool(re.fullmatch(_NAME_TOKEN, bare)) and bare not in rules.stopwords and not (
        bare.isupper() and len(bare) > 1) and bare.rstrip(".") not in _honorific_words(rules)


_HONORIFIC_WORDS: dict[int, frozenset[str]] = {}


def _honorific_words(rules: Rules) -> frozenset[str]:
    """Single-word honorifics ("Cllrs", "Mr") are never part of a name."""
    if id(rules) not in _HONORIFIC_WORDS:
        _HONORIFIC_WORDS[id(rules)] = frozenset(h.rstrip(".") for h in rules.honorifics if " " not in h)
    return _HONORIFIC_WORDS[id(rules)]


_HONORIFIC_RE: dict[int, re.Pattern] = {}


def _honorific_pattern(rules: Rules) -> re.Pattern:
    """All honorifics in one pattern, longest first ("Detective Inspector" before "Inspector")."""
    key = id(rules)
    if key not in _HONORIFIC_RE:
        alts = "|".join(re.escape(h) for h in rules.honorifics)
        _HONORIFIC_RE[key] = re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w])")
    return _HONORIFIC_RE[key]


def _take_name(text: str, pos: int, rules: Rules, max_tokens: int = 4) -> tuple[str, int] | None:
    """Read a name starting at ``pos`` (initials allowed); return (name, end offset)."""
    tokens: list[str] = []
    cur = pos
    while len(tokens) < max_tokens:
        m = re.compile(r"\s+|").match(text, cur)
        tm = re.compile(r"[^\s,;:()/]+").match(text, m.end())
        if not tm:
            break
        raw = tm.group()
        tok = raw.rstrip(".")
        if tokens and tok == "of":
            tokens.append(tok)
            cur = tm.end()
            continue
        bare = re.sub(r"['’]s$", "", tok)
        if not _is_name_token(bare, rules):
            break
        tokens.append(bare)
        cur = tm.end()
        if bare != tok:
            break
    while tokens and (tokens[-1] == "of" or (len(tokens[-1]) == 1 and len(tokens) > 1)):
        tokens.pop()
    if not tokens or all(len(t) == 1 for t in tokens):
        return None
    name = " ".join(tokens)
    start = text.find(tokens[0], pos)
    return name, start + _span_len(text[start:], tokens)


def _span_len(text: str, tokens: list[str]) -> int:
    """Length of the prefix of ``text`` covering ``tokens`` (with the spaces between)."""
    i = 0
    for t in tokens:
        j = text.find(t, i)
        if j < 0:
            return i
        i = j + len(t)
    return i


def _looks_like_name(tokens: list[str], rules: Rules) -> bool:
    if any(rules.role_heads.fullmatch(t) for t in tokens[1:]):
        return False  # "Designated Doctor", "Service Manager": a post, not a name
    return 2 <= len(tokens) <= 3 and all(_is_name_token(t, rules) for t in tokens) and len(tokens[-1]) > 1 \
        and not any(t in rules.stopwords for t in tokens) and fold(" ".join(tokens)).lower() not in rules.places


def _name_evidence(tokens: list[str], before: str, after: str, rules: Rules) -> bool:
    """Does the context show that a capitalised pair is a person's name?"""
    if tokens[0] in rules.first_names:
        return True
    if re.match(r"\s*,\s*", after) and rules.role_heads.search(after[:80]):
        return True
    if re.match(r"\s*,\s*(?:the\s+)?(?:[\w’']+\s+){0,3}(?:head|director|manager|officer|chair|chairman|leader|"
                r"commissioner|scrutineer)\b", after):
        return True
    if re.match(r"\s*\(", after) and rules.role_heads.search(after[:80]):
        return True
    if re.search(r"(?:Chair|Contact|Chairman|Lead|Presenter|Author|Officer)\s*:\s*$", before):
        return True
    if re.search(r"(?:,|\()\s*$", before) and rules.role_heads.search(before[-80:]):
        return True
    words = after.split()
    if words and words[0].strip(",.;:") in rules.person_verbs:
        return True
    return bool(re.search(r"[–-]\s*$", before)) and not after.strip()


def overlap_test(spans: list[tuple[int, int]]):
    """``overlaps(s, e)``: does [s, e) overlap any span? In O(log n), not a scan per name:
    spans sorted by start with the running maximum of their ends."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    max_end = list(accumulate((b for _, b in ordered), max))

    def overlaps(s: int, e: int) -> bool:
        i = bisect_left(starts, e)  # spans starting before e
        return i > 0 and max_end[i - 1] > s

    return overlaps


def find_people(sentences: tuple[Sentence, ...], text: str, rules: Rules,
                org_spans: list[tuple[int, int]]) -> list[PersonMention]:
    """Every person mention, with its honorific, in document order."""
    found: list[PersonMention] = []
    in_orgs = overlap_test(org_spans)
    first_here = 0  # mentions lie inside their sentence: only this sentence's can overlap

    def overlaps(s: int, e: int) -> bool:
        return in_orgs(s, e) or any(s < m.end and e > m.start for m in found[first_here:])

    for sent in sentences:
        first_here = len(found)
        st = sent.text
        # 1. Honorific-led names (and lists after plural honorifics).
        for hm in _honorific_pattern(rules).finditer(st):
            h = hm.group()
            pos = hm.end()
            if h in rules.plural_honorifics:
                if h == "Members" and not re.match(r"\s+[A-Z][a-z]+\s+[A-Z]", st[pos:]):
                    continue
                for part in re.finditer(r"\s*(?:,|\band\b)?\s*([A-Z][\w’'-]{0,40}(?:\s+[A-Z][\w’'-]{0,40}){0,2})",
                                        st[pos:pos + 600]):  # a list of names, not the rest of the page
                    got = _take_name(st, pos + part.start(1), rules)
                    if not got:
                        break
                    name, end = got
                    s0 = sent.start + pos + part.start(1)
                    if not overlaps(s0, s0 + len(name)):
                        found.append(PersonMention(name, s0, s0 + len(name), "Councillor" if h.startswith("C") and h != "Co-opted Members" else None, sent))
                    nxt = st[pos + part.end():pos + part.end() + 6]
                    if not re.match(r"\s*(?:,|and\b)", nxt):
                        break
                continue
            got = _take_name(st, pos, rules)
            if not got:
                continue
            name, end = got
            if h in rules.name_keeping_titles and " of " in name:
                name = f"{h} {name}"
                h = None
            ns = sent.start + st.index(name.split()[0] if h else name, pos if h else hm.start())
            if not overlaps(ns, ns + len(name)):
                found.append(PersonMention(name, ns, ns + len(name), h.rstrip(".") if h else None, sent))

        # 2. Bare names with evidence.
        for m in re.finditer(r"(?<![\w’'-])(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,2})(['’]s)?(?![\w-])", st):
            tokens = m.group(1).split()
            s0 = sent.start + m.start(1)
            if overlaps(s0, s0 + len(m.group(1))):
                continue
            nxt = re.match(r"\s+([A-Z][\w’'-]*)", st[m.end():m.end() + 100])
            if nxt and nxt.group(1) in rules.stopwords:
                continue  # "Five Acre Wood School": part of a longer proper name
            if not _looks_like_name(tokens, rules):
                # try the last two tokens ("Contact: Lara Patel" style lead-ins are handled by stopwords)
                continue
            before = st[max(0, m.start(1) - 160):m.start(1)]
            after = st[m.end():m.end() + 200]
            evidence = _name_evidence(tokens, before, after, rules)
            if not evidence or len(tokens[0]) == 1:
                continue
            if tokens[0] in ("The", "A", "An"):
                continue
            found.append(PersonMention(m.group(1), s0, s0 + len(m.group(1)), None, sent))
    found.sort(key=lambda p: p.start)
    return found


def cluster_people(mentions: list[PersonMention]) -> list[PersonCluster]:
    """One cluster per person: full names first, then surname-only and initialled forms join them."""
    clusters: list[PersonCluster] = []
    fullest: list[PersonMention] = []  # per cluster: its first (longest) mention, as mentions come longest first
    by_surname: dict[str, list[int]] = {}
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i].tokens), mentions[i].start))
    for i in order:
        m = mentions[i]
        target = None
        first = fold(m.tokens[0]).lower() if len(m.tokens) > 1 else None
        candidates = []
        for ci in by_surname.get(m.surname, ()):
            c, full = clusters[ci], fullest[ci]
            if full.surname != m.surname:
                continue
            cfirst = fold(full.tokens[0]).lower() if len(full.tokens) > 1 else None
            if first is None or cfirst is None or first == cfirst or (
                    len(first) == 1 and cfirst.startswith(first)) or (len(cfirst) == 1 and first.startswith(cfirst)) or (
                    first[:3] == cfirst[:3]):
                candidates.append(c)
        if len(candidates) == 1 or (candidates and first is not None):
            target = candidates[0]
        if target is None:
            target = PersonCluster()
            clusters.append(target)
            fullest.append(m)
            by_surname.setdefault(m.surname, []).append(len(clusters) - 1)
        target.mentions.append(m)
    clusters.sort(key=lambda c: min(x.start for x in c.mentions))
    for ci, c in enumerate(clusters):
        for x in c.mentions:
            x.cluster = ci
    return clusters
