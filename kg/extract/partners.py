"""Which sectors are partners of which board or partnership.

A sentence speaks of membership when it carries a partner cue ("statutory partners",
"made up of", "representation from", "benefits from the commitment of"...); every agency
or sector it names (``data/rules/sectors.json``) is then a partner of the board the
sentence names, or of the document's main board when it names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.orgs import OrgCluster
from kg.extract.rules import Rules
from kg.extract.text import Sentence
from kg.ns import PARTNERSHIP_KINDS

_ROLE_OF = re.compile(r"\b(?:Consultant|Director|Head|Manager|Officer|Lead|Member|Adviser|Advisor|Nurse|Commissioner)\s+(?:in|of|for)\s+(?:the\s+)?$")
_AFTER_STATUTORY = re.compile(r"(?i)\b(?:however|many more|as well as|other organisations|wider|also involved)\b")


@dataclass(frozen=True)
class PartnerFact:
    board: int  # org cluster index
    sector: str
    statutory: bool | None
    agency: int | None  # index into the agency list
    start: int
    end: int


_ATTENDANCE = re.compile(r"^\s*(?:Present|In attendance|Attendees|Attending|Members present|Apologies)\b", re.I)


def extract_partners(sentences: tuple[Sentence, ...], clusters: list[OrgCluster], main: OrgCluster | None,
                     agencies: list, rules: Rules, own_meeting: bool = False) -> list[PartnerFact]:
    """``own_meeting``: the document is the board's own minutes, so the agencies of the
    people present (or sending apologies) are its members."""
    out: dict[tuple[int, str], PartnerFact] = {}
    board_spans = [(m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions]
    carried: tuple | None = None  # a cue sentence ending in ":" carries over its list's lines
    for sent in sentences:
        cue = rules.partner_cues.search(sent.text) or (own_meeting and _ATTENDANCE.search(sent.text))
        if not cue and carried and sent.heading:
            cue, statutory_carried, boards_carried = carried
        else:
            statutory_carried = boards_carried = None
            carried = None
        if sent.heading and boards_carried is None or not cue:
            continue
        parens = [(m.start(), m.end()) for m in re.finditer(r"\((?:[^()]|\([^()]*\))*\)", sent.text)]
        boards = sorted({ci for s, e, ci in board_spans
                         if sent.start <= s < sent.end and clusters[ci].kind in PARTNERSHIP_KINDS
                         and not any(a <= s - sent.start < b for a, b in parens)
                         and not re.search(r"\bChair(?:man|person)?\s+of\s+(?:the\s+)?$", sent.text[:s - sent.start])})
        if boards_carried is not None:
            boards = boards_carried
        if not boards:
            if main is None:
                continue
            boards = [clusters.index(main)]
        statutory_at = rules.statutory_cues.search(sent.text) if statutory_carried is None else statutory_carried
        stop = _AFTER_STATUTORY.search(sent.text, statutory_at.end()) if statutory_at and statutory_carried is None else None
        if sent.text.rstrip().endswith(":"):
            carried = (cue, statutory_at, boards)
        found: list[tuple[str, int, int | None]] = []
        for ai, a in enumerate(agencies):
            if sent.start <= a.start < sent.end:
                found.append((a.sector, a.start - sent.start, ai))
        for m in rules.sector_phrases.finditer(sent.text):
            s_abs, e_abs = sent.start + m.start(), sent.start + m.end()
            if any(s <= s_abs and e_abs <= e for s, e, _ in board_spans):
                continue
            if any(a.start <= s_abs and e_abs <= a.end for a in agencies):
                continue
            if _ROLE_OF.search(sent.text[:m.start()]):
                continue  # "Consultant in Public Health", "Director of Children's Services": a post, not a partner
            group = next(g for g, v in m.groupdict().items() if v is not None)
            found.append((rules.sector_of_group[group], m.start(), None))
        for sector, pos, ai in found:
            statutory = (True if statutory_at and (stop is None or pos < stop.start()) else None)
            for b in boards:
                key = (b, sector)
                if key not in out or (statutory and not out[key].statutory):
                    out[key] = PartnerFact(b, sector, statutory, ai, sent.start, sent.end)
    return sorted(out.values(), key=lambda f: (f.board, f.start, f.sector))
