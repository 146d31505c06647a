"""Posts held by people, and which of them are chairs of boards.

Minutes name a post next to the person: "Lara Patel, Deputy Director of Children's
Services", "Chris Spencer (Independent Chair of the LSCB)", "the Independent Chair of the
Board, Derek Benson", "The new independent Chair of the KSCB (Gill Rigg)". The title's
organisation is whatever board or body the title itself names; "the Board", "its" or a
bare "Independent Chair" mean the document's main board.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.orgs import OrgCluster
from kg.extract.people import PersonMention
from kg.extract.rules import Rules

_TITLE_WORD = r"(?:[A-Z][\w’'&-]*|of|for|and|&|the|in|on|to|at|with|independent|interim|new|former|acting|joint)"
_TITLE_RUN = re.compile(r"(?:the\s+|The\s+|a\s+|as\s+(?:a|the)\s+|who\s+is\s+(?:the\s+)?)?(" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r")*)")
_GENERIC_REF = re.compile(r"\b(?:the|its|this|our)\s+(?:Board|Partnership|board|partnership)\b|\bits\b")
_POSSESSIVE_PLACE = re.compile(r"^\s*(?:the\s+)?([A-Z][\w -]+?)['’]s\s")


@dataclass(frozen=True)
class RoleFact:
    person: int  # person cluster index
    title: str
    org: int | None  # org cluster index, or None
    chair: bool
    start: int  # of the sentence used as evidence
    end: int


def _balanced(text: str, start: int) -> int:
    """Index just past the ')' closing the '(' at ``start``."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _trim_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,;:")
    title = re.split(r"\s+(?:Tel|Telephone|Email|E-mail|Phone)\b", title)[0]
    title = re.sub(r"\s+(?:and|of|for|the|&|in|on|to|at|with)$", "", title)
    return re.sub(r"^(?:the|The|a|as a|as the)\s+", "", title)


def _titles_near(p: PersonMention, text: str, rules: Rules) -> list[tuple[str, int, int]]:
    """Candidate (title, start, end) spans in apposition with a person mention."""
    sent = p.sentence
    if sent is None:
        return []
    st, base = sent.text, sent.start
    ps, pe = p.start - base, p.end - base
    out = []
    after = st[pe:]
    m = re.match(r"['’]s", after)
    if m:
        after = after[m.end():]
        pe += m.end()
    if re.match(r"\s*\(", after):
        open_at = pe + after.index("(")
        close = _balanced(st, open_at)
        inner = st[open_at + 1:close - 1]
        if rules.role_heads.search(inner):
            out.append((_trim_title(inner), base + open_at + 1, base + close - 1))
    m = re.match(r"\s*,\s*", after)
    if m:
        rest_at = pe + m.end()
        tm = _TITLE_RUN.match(st, rest_at)
        if tm and rules.role_heads.search(tm.group(1)):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    m = re.match(r"\s+(?:was|is|has been|had been)\s+(?:\w+\s+)?(?:elected|appointed|re-elected)\s+(?:as\s+)?", after)
    if m:
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and rules.role_heads.search(tm.group(1)):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    before = st[:ps]
    m = re.search(r"(" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r")*)\s*(?:,|\()\s*$", before)
    if m and rules.role_heads.search(m.group(1)):
        # keep only the part from the last role-ish start ("... introduced the Independent Chair of the Board,")
        title = m.group(1)
        cut = re.search(r"(?:^|\s)((?:[Tt]he\s+)?(?:new\s+|interim\s+|former\s+|acting\s+)?(?:[Ii]ndependent\s+)?"
                        r"[A-Z][\w’'&-]*(?:\s+" + _TITLE_WORD + r")*)$", title)
        if cut:
            title = cut.group(1)
        out.append((_trim_title(title), base + m.start(1), base + m.end(1)))
    m = re.search(r"(?:^|\n)\s*(Chair|Chairman|Chairperson|Independent Chair|Contact|Lead)\s*:\s*$", before)
    if m and m.group(1) != "Contact":
        out.append((m.group(1), base + m.start(1), base + m.end(1)))
    return out


def extract_roles(people: list[PersonMention], clusters: list[OrgCluster], main: OrgCluster | None,
                  committee_spans: list[tuple[int, int]], text: str, rules: Rules) -> list[RoleFact]:
    """Every (person, title, organisation) the text states; chairs flagged."""
    facts: list[RoleFact] = []
    main_i = clusters.index(main) if main is not None else None
    for p in people:
        for title, ts, te in _titles_near(p, text, rules):
            if not title or len(title) > 160:
                continue
            org = None
            for ci, c in enumerate(clusters):
                if any(ts <= m.start and m.end <= te for m in c.mentions):
                    org = ci
                    break
            in_committee = any(ts <= a and b <= te for a, b in committee_spans)
            generic = bool(_GENERIC_REF.search(text[ts:te]))
            pm = _POSSESSIVE_PLACE.match(text[ts:te])
            if pm and org is None:
                same = [ci for ci, c in enumerate(clusters) if c.place and c.place.lower() == pm.group(1).lower()
                        and c.kind in ("safeguarding-children", "safeguarding-adults")]
                if main_i in same:
                    org = main_i
                elif same:
                    org = same[0]
            if org is None and not in_committee and main_i is not None and (
                    generic or title.lower() in rules.independent_titles or "independent" in title.lower()):
                org = main_i
            is_chair = bool(rules.chair_title.search(title)) and not rules.not_chair.search(title) \
                and org is not None and not in_committee
            s = p.sentence
            facts.append(RoleFact(p.cluster, title, org, is_chair, s.start, s.end))
    # "a single chair for the children and adult safeguarding boards"
    for m in re.finditer(r"(?i)\b(?:single|joint|same|one|shared)\s+(?:independent\s+)?chair(?:man|person)?\s+(?:for|of|across)\s+"
                         r"(?:both\s+)?the\s+children(?:['’]s)?\s+and\s+adults?(?:['’])?\s+(?:safeguarding\s+)?(?:boards|partnerships)", text):
        sent_people = [p for p in people if p.sentence and p.sentence.start <= m.start() < p.sentence.end]
        if not sent_people:
            continue
        p = sent_people[0]
        for ci, c in enumerate(clusters):
            if c.kind in ("safeguarding-children", "safeguarding-adults") and (c is main or c.kind == "safeguarding-adults"):
                facts.append(RoleFact(p.cluster, "Chair", ci, True, p.sentence.start, p.sentence.end))
    return facts
