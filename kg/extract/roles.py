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
from kg.ns import BOARD_KINDS, SAFEGUARDING_KINDS

_TITLE_WORD = r"(?:[A-Z][\w’'&-]*|of|for|and|&|the|in|on|to|at|with|independent|interim|new|former|acting|joint)"
_TITLE_RUN = re.compile(r"(?:the\s+|The\s+|a\s+|as\s+(?:a|the)\s+|who\s+is\s+(?:the\s+)?)?(" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r")*)")
# The rest of a portfolio listed after a title ("... for Children, Education and Young People's Services"):
# capitalised items joined by commas and a final "and", ending where the apposition ends.
_PORTFOLIO_TAIL = re.compile(r"((?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})*,?\s+(?:and|&)\s+[A-Z][\w’'-]*"
                             r"(?:\s+(?:[A-Z][\w’'-]*|of|for|and|&)){0,5}?(?:\s+[A-Z][\w’'-]*)?)(?=\s*(?:[,;(]|$))")
# "Colin Ferris, the council's head of adult safeguarding,": a post written in lower case
_LOWER_TITLE = re.compile(r"(?:the\s+|a\s+)?((?:[\w’']+\s+){0,3}?(?:head|director|manager|officer|lead|chair|chairman|chairwoman|"
                          r"member|adviser|advisor|leader|commissioner|scrutineer|nurse|coordinator|co-ordinator)"
                          r"(?:\s+(?:of|for)\s+[\w’' &-]{1,60}?)?)(?=\s*(?:[,.;:)]|\s(?:who|and|said|explained|attended|presented)\b|$))")
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


_HONORIFIC_TAIL: dict[int, re.Pattern] = {}


def _honorific_tail(rules: Rules) -> re.Pattern:
    """An honorific right before a name ("..., Mr John Smith"), compiled once."""
    if id(rules) not in _HONORIFIC_TAIL:
        _HONORIFIC_TAIL[id(rules)] = re.compile(
            r"(?:" + "|".join(re.escape(h) for h in rules.honorifics) + r")\.?\s*$")
    return _HONORIFIC_TAIL[id(rules)]


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
    # Only the neighbourhood of the name matters; a huge unpunctuated "sentence" must not
    # make every look-behind scan all of it (that made extraction quadratic).
    lo, hi = max(sent.start, p.start - 120), min(sent.end, p.end + 300)
    st, base = text[lo:hi], lo
    ps, pe = p.start - base, p.end - base
    out = []
    after = st[pe:]
    m = re.match(r"['’]s|(?:\s+(?:OBE|MBE|CBE|QPM|KC|QC|JP|DBE|KBE|PhD|FRCP|FRCPCH))+", after)
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
            end = tm.end(1)
            more = _PORTFOLIO_TAIL.match(st, end) if " for " in tm.group(1) else None
            if more:  # "Cabinet Member for Children, Education and Young People's Services,"
                end = more.end(1)
            out.append((_trim_title(st[tm.start(1):end]), base + tm.start(1), base + end))
        else:
            lm = _LOWER_TITLE.match(st, rest_at)
            if lm:
                out.append((_trim_title(lm.group(1)), base + lm.start(1), base + lm.end(1)))
    m = re.match(r"\s+(?:was|is|has been|had been)\s+(?:\w+\s+)?(?:elected|appointed|re-elected)\s+(?:as\s+)?", after)
    if m:
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and rules.role_heads.search(tm.group(1)):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    before = _honorific_tail(rules).sub("", st[:ps])
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
            if org is None:
                for ci, c in enumerate(clusters):
                    if any(0 <= ts - x.end <= 16 and re.fullmatch(r"(?:\s*\([A-Z&]{2,8}\))?(?:['’]s)?\s*", text[x.end:ts])
                           for x in c.mentions):
                        org = ci
                        break
            in_committee = any(ts <= a and b <= te for a, b in committee_spans)
            generic = bool(_GENERIC_REF.search(text[ts:te])) or bool(re.search(r"\b(?:its|the\s+(?:Board|Partnership)['’]s)\s+$", text[max(0, ts - 30):ts]))
            pm = _POSSESSIVE_PLACE.match(text[ts:te])
            if pm and org is None:
                same = [ci for ci, c in enumerate(clusters) if c.place and c.place.lower() == pm.group(1).lower()
                        and c.kind in SAFEGUARDING_KINDS]
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
    # "The Board is chaired by Jane Doe", "the SAB, chaired by Jane Doe,"
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        lo = max(sent.start, p.start - 120)
        before = text[lo:p.start]
        m = re.search(r"\b(?:is|was|are|were|been|being|currently|now)?\s*(?:independently\s+|jointly\s+)?(?:co-)?chaired\s+by\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)?$", before)
        if not m or re.search(r"\bvice\b", before[-40:], re.I):
            continue
        # the board named last before "chaired by" in this sentence; "the Board"/"it" -> the main board
        boards = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                  if sent.start <= x.start and x.end <= lo + m.start() and c.kind in BOARD_KINDS]
        if boards:
            org = max(boards)[1]
        elif main_i is not None and re.search(r"(?i)\b(?:the|this|our)\s+(?:board|partnership)\b|\bit\b",
                                              text[sent.start:p.start]):
            org = main_i
        else:
            continue
        facts.append(RoleFact(p.cluster, "Chair", org, True, sent.start, sent.end))
    # "Jane Doe has chaired the Y", "Jane Doe, who chairs the Y,"
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        m = re.match(r"(?:['’]s)?,?\s+(?:who\s+)?(?:has\s+|had\s+|also\s+|currently\s+)*(?:chairs|chaired|is\s+chairing|has\s+been\s+chairing)"
                     r"\s+(?:the\s+|both\s+the\s+)?", text[p.end:sent.end])
        if not m:
            continue
        at = p.end + m.end()
        for ci, c in enumerate(clusters):
            if c.kind in BOARD_KINDS and any(x.start == at or (x.start > at and not text[at:x.start].strip(" ,")) for x in c.mentions):
                facts.append(RoleFact(p.cluster, "Chair", ci, True, sent.start, sent.end))
                break
    # "a single chair for the children and adult safeguarding boards"
    for m in re.finditer(r"(?i)\b(?:single|joint|same|one|shared)\s+(?:independent\s+)?chair(?:man|person)?\s+(?:for|of|across)\s+"
                         r"(?:both\s+)?the\s+children(?:['’]s)?\s+and\s+adults?(?:['’])?\s+(?:safeguarding\s+)?(?:boards|partnerships)", text):
        sent_people = [p for p in people if p.sentence and p.sentence.start <= m.start() < p.sentence.end]
        if not sent_people:
            continue
        p = sent_people[0]
        for ci, c in enumerate(clusters):
            if c.kind in SAFEGUARDING_KINDS and (c is main or c.kind == "safeguarding-adults"):
                facts.append(RoleFact(p.cluster, "Chair", ci, True, p.sentence.start, p.sentence.end))
    return facts
