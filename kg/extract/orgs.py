"""Boards, partnerships, agencies and councils named in a document.

A board name is a *head* ("Safeguarding Children Partnership", "Safeguarding Adults
Board", from ``data/rules/boards.json``) with the place words in front of it
("East Midshire"). Mentions of one body are then grouped: acronyms defined in brackets or
whose letters fit a name ("OSCB"), shorter forms whose words all appear in a longer one
("Children Partnership" in "Buckinghamshire Children Safeguarding Partnership"), and
"X (Y)" / "X, to be known as Y" renamings. A board era matters: a "Board" and a
"Partnership" of the same place are different bodies (the partnership replaced the board).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain

from kg.extract import scan
from kg.extract.rules import Rules, derived, rules
from kg.extract.text import after_column_gap, fold
from kg.ns import BOARD_KINDS, PARTNERSHIP_KINDS, SAFEGUARDING_KINDS

_WORD = re.compile(r"[\w’'&-]+")
# Written capital first, then the look-behind past it ("[A-Z](?<![\w-].)" is "(?<![\w-])[A-Z]"): a
# pattern that opens with a character class lets re jump from capital to capital, where one that
# opens with a look-behind is tried at every character. The same matches, about twice as fast.
_ACRONYM = re.compile(r"([A-Z](?<![\w-].)[A-Z&]{1,7})(s?)(?![\w-])")
_ACRONYMS_OF: list = [None, ()]  # the last text asked and its _ACRONYM matches (``acronym_matches``)


def acronym_matches(text: str) -> tuple[re.Match, ...]:
    """``_ACRONYM``'s matches on ``text``, kept for the last text asked (by identity). Why: the
    page's acronyms are read here (``cluster_boards``) and by partners (its sector acronyms,
    ``partners._acronyms``, a subset of these); re finds them by trying every capital of the
    page, about 1% of a page's instructions for each scan, so the page is scanned once."""
    if _ACRONYMS_OF[0] is not text:
        _ACRONYMS_OF[0], _ACRONYMS_OF[1] = text, tuple(_ACRONYM.finditer(text))
    return _ACRONYMS_OF[1]
_DEF_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&]{1,8})\s*\)")


def _def_after(text: str, pos: int) -> re.Match | None:
    """``_DEF_AFTER.match(text, pos)``, asked only where a "(" follows ``pos`` after nothing but
    whitespace (every match opens so): most names have none, and one ``find`` in C says so. A "("
    far away (past 40 characters) is left to the pattern, so no long stretch is sliced."""
    j = text.find("(", pos)
    if j < 0 or (j - pos <= 40 and j > pos and not text[pos:j].isspace()):
        return None
    return _DEF_AFTER.match(text, pos)
_CAP_NAME_IN_PARENS = re.compile(r"\s*\(\s*((?:[A-Z][\w’'-]+\s+){1,5}(?:Partnership|Board))\s*\)")
# "the Marbury Community Safety Partnership (Safer Marbury)": a brand in brackets holding the board's place
_PLACE_BRAND_IN_PARENS = re.compile(r"[^\S\n]*\([^\S\n]*([A-Z][a-z][\w’'-]*(?:[^\S\n]+[A-Z][a-z][\w’'-]*){1,3})"
                                    r"[^\S\n]*\)")
_NOT_BRAND_END = frozenset({"council", "police", "constabulary", "trust", "service", "services", "board", "partnership",
                            "group", "panel", "committee", "forum", "team", "unit", "authority", "county", "borough",
                            "city", "district", "area", "region"})
_KNOWN_AS = re.compile(r"\s*,?\s*(?:is\s+)?(?:to be |now |also |formerly |previously |locally |commonly )?"
                       r"(?:known|branded)(?:\s+locally)?\s+as\s+(?:the\s+)?", re.I)
# the name after "known as" when it is no board the page names: a brand ("The Eastvale Community Safety
# Partnership is known locally as Be Safe Eastvale"): capitalised words on one line, perhaps quoted
_KNOWN_BRAND = re.compile(r"[\"“‘']?([A-Z][\w’'-]*(?:[ \t]+(?:(?:and|&|of|for)[ \t]+)?[A-Z][\w’'-]*){1,5})")
_KNOWN_BRAND_GENERIC = frozenset({"the", "board", "partnership", "safeguarding", "community", "safety", "children",
                            "adults", "local", "and", "of", "for", "s"})
# "The Safer Eastvale Partnership is the borough's Community Safety Partnership": the second name (a
# kind's generic name, no place of its own) is what the first body is, not a second body
# (also in apposition: "the Safer Eastvale Partnership, the statutory Community Safety Partnership for the borough",
# or a relative clause: "the Safer Eastvale Partnership, which is the Community Safety Partnership for the borough")
_IS_THE_GENERIC = re.compile(r"(?:\s*,?\s+(?:which\s+)?(?:is|acts\s+as|serves\s+as|is\s+also)\s+(?:(?:the|our|its)\s+)?"
                             r"|,\s+(?:the|our|its)\s+"
                             # "the Safer Eastvale Partnership (the borough's community safety partnership)"
                             r"|[^\S\n]*\([^\S\n]*(?:the|our|its)\s+)"
                             r"(?:(?:borough|city|county|district|area|town|council|island)['’]s\s+)?"
                             r"(?:local\s+|statutory\s+|designated\s+)?")
_FILLER = {"the", "of", "and", "&", "for", "local", "s"}


@dataclass
class OrgMention:
    """One textual mention of an organisation (mutable while grouping, never exported)."""

    text: str
    start: int
    end: int
    kind: str
    place: str | None = None
    plural: bool = False
    acronym: bool = False
    sector: str | None = None
    cluster: int = -1


def _no_cache() -> None:
    """An empty cache (a factory: dataclasses leave a plain default to the class attribute)."""
    return None


@dataclass
class OrgCluster:
    kind: str
    mentions: list[OrgMention] = field(default_factory=list)
    place: str | None = None
    era: str | None = None  # "board" or "partnership" for safeguarding bodies
    sector: str | None = None
    # the cache of ``names`` (a declared field, not the instance's __dict__: the mypyc build's
    # classes have none, nor the class attribute a plain default would leave); out of init, repr, equality
    _names: tuple[int, list[str]] | None = field(
        default_factory=_no_cache, init=False, repr=False, compare=False)

    @property
    def names(self) -> list[str]:
        """Distinct names, fullest first; cached until a mention is added (clustering asks often)."""
        cached = self._names
        if cached is not None and cached[0] == len(self.mentions):
            return cached[1]
        seen: dict[str, str] = {}
        # a heading in capitals after the page's own spelling of the same words, and no second name
        # for it ("EASTVALE SAFEGUARDING ADULTS BOARD" is the "Eastvale Safeguarding Adults Board")
        # (and the page's name in capitals before one written in lower case: "Eastvale's safeguarding adults
        # board" in a headline is the "Eastvale Safeguarding Adults Board" of the text)
        # (of two as full, the one naming its place: "Safer Eastvale Partnership" before "Community Safety Partnership")
        for m in sorted(self.mentions, key=lambda m: (m.acronym, -_content_count(m.text), m.place is None,
                                                      m.text.isupper(), _lower_count(m.text), m.start)):
            name = _clean_name(m.text)
            seen.setdefault(name if m.acronym else name.lower(), name)
        names = list(seen.values())
        self._names = (len(self.mentions), names)
        return names

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


_SPACES = re.compile(r"\s+")
_LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Tt]his|[Oo]ur|[Ii]ts)\s+")


@lru_cache(maxsize=4096)  # pure, and asked again for the same agency matches
def _clean_name(text: str) -> str:
    text = _SPACES.sub(" ", text.strip())
    return _LEADING_DETERMINER.sub("", text)


_WELL_BEING = re.compile(r"\bwell\s+being\b")  # "Health and Well Being Board" is the "Health and Wellbeing Board"


def fold_words(text: str) -> list[str]:
    """Lower-case words with possessives and plurals of the head folded ("Children's" -> "children")."""
    return list(_fold_words(text))  # a copy: the caller may change its list


@lru_cache(maxsize=4096)  # clustering asks for the same few names' words over and over
def _fold_words(text: str) -> tuple[str, ...]:
    out = []
    for w in _WORD.findall(_WELL_BEING.sub("wellbeing", fold(text).lower())):
        w = w.strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        w = {"adult": "adults", "childrens": "children", "multi-agency": "multi agency", "wellbeing": "well-being",
             "chairman": "chair", "&": "and"}.get(w, w)
        out.extend(w.split())
    return tuple(out)


def _content_words(text: str) -> list[str]:
    return [w for w in _fold_words(text) if w not in _FILLER]


@lru_cache(maxsize=4096)  # pure: asked for every mention's sort key, page after page for the same names
def _content_count(text: str) -> int:
    """``len(_content_words(text))``."""
    return sum(w not in _FILLER for w in _fold_words(text))


_INITIAL_WORD = re.compile(r"[\w’']+")
_LOWER_WORD = re.compile(r"(?<![\w’'-])(?!(?:and|of|for|the|in|on)\b)[a-z]")


def _lower_count(text: str) -> int:
    """How many of a name's words (joining words apart) open in lower case."""
    return len(_LOWER_WORD.findall(text))


@lru_cache(maxsize=4096)  # pure: every acronym is fitted against the same names' tails
def initials(text: str) -> str:
    """"Westshire Safeguarding Children Multi-Agency Partnership" -> "WSCMP"."""
    letters = []
    for w in _INITIAL_WORD.findall(fold(text)):
        if w.lower() in {"of", "the", "and", "for", "s", "upon", "on"}:
            continue
        letters.append(w[0].upper())
    return "".join(letters)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


@lru_cache(maxsize=8192)  # pure: every acronym of a page is tried against every body's names
def acronym_fits(acr: str, name: str) -> bool:
    """True when an acronym plausibly abbreviates a name, or the name without its place words
    ("LSCB" for "Northfold Local Safeguarding Children Board")."""
    acr = acr.rstrip("s") if len(acr) > 2 and acr.endswith("s") and acr[:-1].isupper() else acr
    words = name.split()
    if any(_fits(acr, " ".join(words[i:])) for i in range(0, min(3, len(words) - 1))):
        return True
    # "LSCB" for "Wakefield and District Safeguarding Children Board": the generic "Local" of the
    # kind's acronym (LSCB, LSAB, LSCP) over a name that does not say it, the rest letter for letter,
    # when the name's place is a council's (a regional board, "North Wales ...", is no local board:
    # its pages call the local boards beside it LSCBs)
    return (len(acr) >= 4 and acr[0] == "L" and words[-1].capitalize().removesuffix("’s") in _PLACE_HEAD_WORDS
            and any(initials(" ".join(words[i:])) == acr[1:] for i in range(len(words) - 2))
            and _council_place(words))


# a word of a name that says which kind of body it is ("Children", "Adults", "Community Safety"); a
# "Safeguarding Board" says neither, and an acronym of another kind's letters may still be its own
_KIND_WORD = re.compile(r"(?i)\b(?:child|children|childrens|children['’]s|adults?|adults['’]"
                        r"|community\s+safety|safer)\b")


def _spells(acr: str, name: str) -> bool:
    """``acr`` is the initials of ``name`` or of its last words, letter for letter ("CSP" of "Eastvale
    Children's Safeguarding Partnership"; not of "... Safeguarding Children Partnership", which
    ``acronym_fits`` allows by a letter out of order)."""
    words = name.split()
    return any(initials(" ".join(words[i:])) == acr for i in range(len(words)))


def _council_place(words: list[str]) -> bool:
    """Whether a run of one to three of ``words`` is the place of a council (the gazetteer's
    places with a council: not an area of several, such as a region)."""
    places = rules().places
    return any(places.get(" ".join(words[i:j]).lower(), ("", ""))[1]
               for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1))


def _fits(acr: str, name: str) -> bool:
    ini = initials(name)
    if acr == ini:
        return True
    if not ini or acr[0] != ini[0] or abs(len(acr) - len(ini)) > 1:
        return False
    return _subsequence(ini, acr) or _subsequence(acr, ini)


def _era(text: str) -> str | None:
    words = fold_words(text)
    if "partnership" in words or "partnerships" in words:
        return "partnership"
    if "board" in words or "boards" in words:
        return "board"
    return None


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_FULL_LINE = 60  # a line this long ran to the page's width: the blank line after it is the page's spacing


def _ends_paragraph(text: str, gap_start: int, gap: str) -> bool:
    """Whether the blank line in ``gap`` (at ``gap_start``) ends what comes before it: "Venue: Civic
    Centre" above a board's heading is no place of the board. A line that runs to the page's width
    ("... the South East Wales" over "Safeguarding Children Board" in a double-spaced PDF) only
    wrapped, so its words go on."""
    if gap.count("\n") < 2 or not _PARAGRAPH_BREAK.search(gap):
        return False  # (a blank line needs two line breaks: most gaps, a space, are answered by a count in C)
    line_start = text.rfind("\n", 0, gap_start) + 1
    # (a line of cells, "Related: X | ICON – You Can Cope", is page furniture, never a wrapped sentence)
    return gap_start - line_start < _FULL_LINE or "|" in text[line_start:gap_start]


def _places_in(window: str, text: str, base: int, rules: Rules) -> list[re.Match]:
    """``rules.place_pattern.finditer(window)`` where ``window`` is ``text[base:...]``: the same
    matches, but the long alternation of places is tried only where a place name's first word
    stands (looked up in the page's one literal search), not at every character of the window,
    and only where that word opens with a capital (``_capital_places``).

    The walk is scan's own (``scan.finditer`` at places): from each place in order, the pattern's
    ``match`` on the window, the next place tried from the end of a match on."""
    places = _capital_places(text, rules) if len(window) >= 8 else None
    if places is None:  # (a window too short for the page's places: as scan does it)
        return list(scan.finditer(rules.place_pattern, window, within=(text, base), shortest=2))
    size = len(window)
    match = rules.place_pattern.match
    out: list[re.Match] = []
    pos = 0
    for k in range(bisect_left(places, base), len(places)):
        p = places[k] - base
        if p >= size:
            break
        if p < pos:
            continue
        m = match(window, p, size)
        if m is not None:
            out.append(m)
            pos = m.end() if m.end() > p else p + 1
    return out


_CAPITAL_PLACES: list = [None, None, None]  # the last page, its place pattern, the places where a capital stands


def _capital_places(text: str, rules: Rules) -> list[int] | None:
    """The places of ``rules.place_pattern``'s scanner on the page (where a place name's first word
    stands, in any case) at which a capital stands, or None when the scanner has no places for it.

    Why it is exact: the pattern is case-sensitive and every place name in it opens with a capital
    (``_places_capitalised``), so a match starts on a capital; the page's search is case-blind and
    also gives every "west", "reading" or "bath" of its prose, where the long alternation was tried
    in vain (about three places in five on the bench pages). Kept for the last page (by identity,
    the page held so that its id cannot be reused): a page asks for it once per board head."""
    pattern = rules.place_pattern
    if _CAPITAL_PLACES[0] is text and _CAPITAL_PLACES[1] is pattern:
        return _CAPITAL_PLACES[2]
    found = scan.scanner(pattern, 2).places(text)
    if found is not None and _places_capitalised(rules):
        found = [p for p in found if text[p].isupper()]
    _CAPITAL_PLACES[0], _CAPITAL_PLACES[1], _CAPITAL_PLACES[2] = text, pattern, found
    return found


def _places_capitalised(rules: Rules) -> bool:
    """Whether every place name of ``rules.place_pattern`` opens with a capital (then so does every match)."""
    return derived(rules, _make_places_capitalised)


def _make_places_capitalised(rules: Rules) -> bool:
    return bool(rules.places) and all(v[0][:1].isupper() for v in rules.places.values())


_PLACE_WORD = re.compile(r"[\w’'&-]+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE_ENDS = ("'s", "’s")
_AND_GAP = re.compile(r"(?:and|&)\s+")
_HEAD_GAP = re.compile(r"(?:['’]s)?\s+")
_COMPASS_BEFORE = re.compile(r"(?<![\w’'-])(?:North|South|East|West|Northern|Southern|Eastern|Western|Mid|Central"
                             r"|Greater|City[^\S\n]+of|County[^\S\n]+of|Borough[^\S\n]+of)[^\S\n]+$")


_THE_BEFORE = re.compile(r"(?:^|\W)(?:the|The|of|Of)[^\S\n]+$")


def _place_before(text: str, start: int, rules: Rules) -> int:
    """Offset where the place words in front of a head begin (``start`` if none).

    A known local authority or area name wins; otherwise up to three capitalised words
    that are not qualifiers ("The", "Annual", "Independent"...), joined by "and"/"&".
    """
    window = text[max(0, start - 80):start]
    base = start - len(window)
    for m in _places_in(window, text, base, rules):
        gap = window[m.end():]
        if (_HEAD_GAP.fullmatch(gap) and not _ends_paragraph(text, base + m.end(), gap)
                and (m.start() == 0 or not window[m.start() - 1].isalnum())):
            pos = base + m.start()
            # "Western Cumberland": a compass word before a known place is part of the area's name
            # and so is "City of" ("City of Carlisle")
            compass = _COMPASS_BEFORE.search(text[max(0, pos - 16):pos])
            if compass:
                pos -= len(compass.group())
            return _coordinated_places(text, pos, rules)
    # the window's words from its end, found in the reversed window (a word is a run of the class's
    # characters, read either way): the walk below stops after a few of them, where a list of every
    # word of the window made a match object for each
    rev, size = window[::-1], len(window)
    pos, taken, connector, joined = start, 0, None, False
    unlisted: int | None = None  # where the places began before a comma took in more
    for tok in _PLACE_WORD.finditer(rev):
        ts, te = size - tok.end(), size - tok.start()
        gap = window[te:pos - base]
        # "Westshire, Eastvale and Northfold": a comma joins places only before a place joined by "and"
        listed = joined and connector is None and gap.strip() == "," and "\n" not in gap
        if (gap.strip() and not listed) or _ends_paragraph(text, base + te, gap):
            break
        word = window[ts:te]
        if word.endswith(_POSSESSIVE_ENDS):  # ``_POSSESSIVE_END.sub("", word)`` ("$": a word holds no line break)
            word = word[:-2]
        if word in ("and", "&") and taken:
            connector = base + ts
            pos, joined = connector, True
            continue
        if not word[:1].isupper() or word in rules.not_place or (word.isupper() and len(word) > 1):
            break
        if taken and len(word) < te - ts:  # (it had the possessive's "'s")
            break  # a possessive is only allowed right before the head
        if listed and unlisted is None:
            unlisted = pos
        pos, connector = base + ts, None
        taken += 1
        if taken == 3:
            break
    if connector is not None:  # never start on a dangling "and"
        nxt = _AND_GAP.match(text[connector:start])
        pos = connector + (nxt.end() if nxt else 0)
    if unlisted is not None and not _THE_BEFORE.search(text[max(0, pos - 8):pos]) \
            and text[text.rfind("\n", 0, pos) + 1:pos].strip():
        # "Ann Lee, Eastvale and Northfold SAB": a list of places only after "the", or opening its line
        # (a heading: "Westshire, Eastvale and Northfold Community Safety Partnership")
        pos = unlisted
    if taken and pos < start:
        # "Isle of Eastvale", "Vale of Eastvale": a place's own "X of" before a place the gazetteer lacks
        of = _PLACE_OF_BEFORE.search(text, max(0, pos - 16), pos)
        if of:
            pos = of.start()
    return pos


_PLACE_OF_BEFORE = re.compile(r"(?<![\w’'-])(?:Isle|Isles|Vale|Forest|City|County|Borough)[^\S\n]+of[^\S\n]+\Z")


_PLACE_JOIN = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)(?:\s*,\s*|\s+(?:and|&)\s+)$")


_SHORT_PLACE = re.compile(r"([a-z]+)[ -](?:upon|on|in|under)[ -]")


def _place_heads(rules: Rules) -> frozenset[str]:
    """The first words of known places of more than one word ("richmond" of "Richmond upon Thames"):
    the short form a place takes when it is joined to another ("Richmond and Wandsworth")."""
    return derived(rules, _make_place_heads)


def _make_place_heads(rules: Rules) -> frozenset[str]:
    return frozenset(m.group(1) for m in (_SHORT_PLACE.match(p) for p in rules.places) if m is not None)


_ONLY_THE_BEFORE = re.compile(r"(?:^|\W)(?:the|The)[^\S\n]+$")
_PLURAL_HEAD_AHEAD = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,6}(?:Boards|Partnerships|BOARDS|PARTNERSHIPS)\b")


def _coordinated_places(text: str, pos: int, rules: Rules) -> int:
    """Extend a place to the places joined to it: "Leicestershire and Rutland", "Chorley, South Ribble
    & West Lancashire" (each conjunct a known local authority or area)."""
    heads = _place_heads(rules)
    for _ in range(3):
        m = _PLACE_JOIN.search(text, max(0, pos - 60), pos)
        if not m:
            break
        words = m.group(1).split()
        while words and words[0] in rules.not_place:
            words = words[1:]
        # "Report of Chorley": only the known place joins (or its short form: "Richmond")
        known = words
        while known and " ".join(known).lower() not in rules.places and " ".join(known).lower() not in heads:
            known = known[1:]
        if not known and "," not in m.group()[len(m.group(1)):]:
            # "the Thornbury and Eastleigh Safeguarding Adults Board": a place the gazetteer lacks, joined by
            # "and" to a known one, after "the", a comma (a column: "Independent Chair, Thornbury and ...") or
            # opening its line (one or two place-like words)
            lead = text[max(0, m.start(1) - 8):m.start(1)]
            if 0 < len(words) <= 2 and all(w[:1].isupper() and not w.isupper() and w not in rules.stopwords
                                           and w not in rules.not_place for w in words) \
                    and (_ONLY_THE_BEFORE.search(lead) or lead.rstrip(" ").endswith(",")
                         or not text[text.rfind("\n", 0, m.start(1)) + 1:m.start(1)].strip()) \
                    and not _PLURAL_HEAD_AHEAD.match(text, pos):
                # (not "the Eastvale and Westshire Safeguarding Children Boards": two boards, each its place's)
                known = words
        if not known:
            break
        pos = m.start(1) + (len(m.group(1)) - len(" ".join(known)))
    return pos


def _known_place_before(text: str, start: int, rules: Rules) -> bool:
    window = text[max(0, start - 60):start]
    return any(m.end() == len(window.rstrip()) and not window[m.end():].strip()
               for m in _places_in(window, text, start - len(window), rules))


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")
_SPACES_ONLY = re.compile(r"\s+")


def _known_place_span(text: str, start: int, rules: Rules) -> tuple[int, str] | None:
    """Where a known place ends right before ``start`` ("Halton LSCB"): its offset and the place."""
    if not _CAPITAL_BEFORE.search(text[max(0, start - 24):start]):
        return None  # no capitalised word right before: skip the long alternation of places
    window = text[max(0, start - 60):start]
    base = start - len(window)
    for m in _places_in(window, text, base, rules):
        if _SPACES_ONLY.fullmatch(window[m.end():]):
            return base + m.start(), m.group()
    return None


_CELL_BEFORE = re.compile(r"(?:^|\n|[,(:;–—|-]|\.[^\S\n])[^\S\n]*$")


_THE_TIMED_BEFORE = re.compile(r"(?:^|\W)(?:the|The|of|Of)[^\S\n]+(?:(?:former|new|old|previous|then|current"
                               r"|existing|neighbouring)[^\S\n]+)?$")
""""the Northfold LSCB", also "the former Northfold LSCB" (a time word between the article and the place)."""


_MINUTES_ACRONYMS = frozenset({"AOB", "AOCB", "TBC", "TBA", "TOR", "TORS", "FYI"})
"""A minute's own abbreviations ("9. AOB"), never a body's name however their letters fit one."""


def _unknown_place_span(text: str, start: int, acr: str, rules: Rules) -> tuple[int, str] | None:
    """"the Northfold LSCB": capitalised words between "the" and a board's acronym name the
    board's area even when no list knows the place (a new unitary, "Tri-borough", a county's
    old name). Only after "the"/"of", or opening a line, a sentence or a layout's cell ("(Independent
    Chair, Eastvale SAB)"), and never from a given name: "Tom Rees LSCB Business Manager" is a person."""
    if not (start and text[start - 1].isspace()) or not _CAPITAL_BEFORE.search(text[max(0, start - 24):start]):
        return None  # the character test first: the pattern needs a space right before the acronym
    pos = _place_before(text, start, rules)
    if pos >= start:
        return None
    place = _POSSESSIVE_END.sub("", text[pos:start].strip())
    words = place.split()
    if not _THE_TIMED_BEFORE.search(text[max(0, pos - 20):pos]) and not (
            _CELL_BEFORE.search(text[max(0, pos - 8):pos]) and len(words) == 1 and len(acr) >= 3):
        return None  # a cell's or a line's first word only before an acronym of three or more letters
    if not words or words[0] in rules.first_names or words[0] in _NOT_NAME_START or words[0] in rules.honorifics \
            or any(w in _NOT_PLACE_WORDS for w in words):
        return None
    return pos, place


def _specific_plural(text: str, start: int) -> bool:
    """"the Local Safeguarding Children Boards (LSCBs) would cease": the local ones, named; without a
    determiner ("Community Safety Partnerships (CSPs) are responsible") it is the kind of body."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in ("the", "our", "both", "two", "three", "four")


# "Midshire Safeguarding Children and Safeguarding Adults Boards", "Midshire Children and Adults
# Safeguarding Boards": two bodies named at once, the children's and the adults' (a plural head
# after two sides joined by "and"; a singular head is one joint body, a head of its own)
_SIDE = r"(?:(?P<{0}s>Safeguarding\s+)?(?P<{0}>Children(?:['’]s)?|Adults?(?:['’]s?)?)(?P<{0}t>\s+Safeguarding)?)"
_TWO_BOARDS = re.compile(r"(?<![\w’'-])" + _SIDE.format("a") + r"\s+(?:and|&)\s+" + _SIDE.format("b")
                         + r"\s+(?P<head>Boards|Partnerships)\b")




def _two_boards(text: str, rules: Rules) -> list[OrgMention]:
    """The children's and the adults' board of a place named in one phrase, each a mention over
    the whole phrase with the name it stands for ("Midshire Safeguarding Adults Board"). Only with
    a place in front: "the Safeguarding Children and Adults Boards" alone is the kind of body."""
    out = []
    for m in scan.finditer(_TWO_BOARDS, text):
        a, b = m.group("a"), m.group("b")
        if a[0] == b[0]:  # "Children and Children's": no two sides
            continue
        lead = bool(m.group("as") or m.group("bs"))
        trail = bool(m.group("at") or m.group("bt"))
        if lead == trail:  # "Safeguarding Children and Adults Safeguarding Boards": no one shape
            continue
        ps = _place_before(text, m.start(), rules)
        if ps == m.start():
            continue
        place = _POSSESSIVE_END.sub("", text[ps:m.start()].strip())
        head = m.group("head")[:-1]
        for side in (a, b):
            kind = "safeguarding-children" if side.startswith("C") else "safeguarding-adults"
            side = "Children" if kind == "safeguarding-children" else "Adults"
            name = f"{place} Safeguarding {side} {head}" if lead else f"{place} {side} Safeguarding {head}"
            out.append(OrgMention(name, ps, m.end(), kind, place=place))
    return out


_PARTNERSHIP_BOARD = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*\s+(?:(?:and|&|for|of)\s+)?){1,5})"
                                r"(?:Partnership|Improvement)\s+Board\b")
_OWN_HEADS = re.compile(r"\b(?:Safeguarding|Safety|Safer|Children['’]s)\b")
# read on the reversed page from a "Board": the rest of the word it stands in, then up to eleven whole
# words (the head, five name words and their joining words) and the spaces before each
_BEFORE_BOARD_REVERSED = re.compile(r"(?:[\w’'&-]*+\s*+){0,12}")


def _partnership_board_matches(text: str) -> list[re.Match]:
    """``list(_PARTNERSHIP_BOARD.finditer(text))``, scanned only in windows around the page's
    "Board"s (``head_windows``). Why: the pattern opens with a look-behind, so re entered it at
    every character of the page (about 100 us on a page that names a partnership board).

    Why exact: a match ends with "Board", and before it are the head ("Partnership") and at most
    five name words, each with the spaces after it and a joining word ("and") with its spaces:
    eleven runs of word characters, each whole (the look-behind before the first, a space before
    every other), which ``_BEFORE_BOARD_REVERSED`` reads back past; the window ends a character past
    "Board" for the closing ``\b``, and every "Board" of the page has a window, so a window's end
    changes no match found in it and no match reaches from one window into the next (they would
    have been joined); the look-behind reads the page before the window as ever."""
    out: list[re.Match] = []
    for lo, hi in head_windows(text, ("Board",), _BEFORE_BOARD_REVERSED):
        out += _PARTNERSHIP_BOARD.finditer(text, lo, hi)
    return out




def _partnership_boards(text: str, rules: Rules) -> list[tuple[int, int]]:
    """"Early Help Partnership Board", "Reducing Reoffending Partnership Board", "Children's Services
    Improvement Board": a multi-agency board by its name alone, whatever it is about (bodies with a
    head of their own, "Safeguarding ... Partnership Board", are left to it; an improvement board has
    none). The name starts after qualifiers ("The", "Annual")."""
    out = []
    for m in _partnership_board_matches(text):
        words = list(_PLACE_WORD.finditer(m.group(1)))
        k = 0
        # a name holds no paragraph break and no article inside it: "Subject: Children's Services
        # Improvement" over a blank line and "The Continuous Improvement Board" is the second name only
        for j, w in enumerate(words):
            if w.group() in _ARTICLES or (j and "\n" in m.group(1)[words[j - 1].end():w.start()].replace(
                    "\n", "", 1)):
                k = j
            elif w.group() in _POST_WORDS:
                k = j + 1  # "Interim Independent Chair\nPartnership Board": a post's cell over the name

        while k < len(words) and (words[k].group() in _NOT_NAME_START or words[k].group()[0].islower()):
            k += 1
        if k == len(words) or (_OWN_HEADS.search(m.group(1)) and not m.group().endswith("Improvement Board")):
            continue
        out.append((m.start(1) + words[k].start(), m.end()))
    return out


_ARTICLES = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "Their"})
_POST_WORDS = frozenset({"Chair", "Co-Chair", "Chairman", "Chairperson", "Manager", "Officer", "Scrutineer"})
_FOR_WHOM = re.compile(r" for (?:Children(?:,? (?:and|&) Young People)?(?:,? (?:and|&) (?:Adults|Families))?"
                       r"|Adults at Risk|Adults(?:,? (?:and|&) Children)?|Vulnerable Adults)(?![\w’'-])")
_NOT_NAME_START = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "Their", "Annual", "Report", "Minutes",
                             "Notes", "Agenda", "Item", "Update", "Draft", "Meeting", "Of", "And", "For", "To", "In",
                             "On", "By", "With", "From", "Re", "Chair", "Independent", "New", "Former"})
# a review's or a paper's words before the acronym ("the Child Practice Review GRSB 03/2019": the review's
# reference), never an area's name
_NOT_PLACE_WORDS = frozenset({"Review", "Reviews", "Practice", "Report", "Plan", "Strategy", "Audit", "Policy",
                              "Protocol", "Procedures", "Chair", "Independent", "Interim", "Manager", "Officer"})
_COMPANY = re.compile(r"(?:\s+[A-Z][\w’'&-]*){0,3}\s+(?:Ltd|Limited|LLP|CIC|plc|PLC)\b")


def _followed_by_excluded(after: str, rules: Rules) -> bool:
    """Whether ``after`` (the text after a name) opens with one of ``rules.board_not_followed_by``
    followed by a space, a full stop, a comma, a bracket or nothing ("Safeguarding Board Manager"
    names a post, not the board): the same test as ``after.startswith(w + " ")``... for every listed
    ``w``, done as a set look-up of ``after`` cut before each of those characters (a page asks it for
    every board candidate); or with a post or group named after it (``_JOB_AFTER``). Both only on the
    name's own line: a title line that is the board's name, over a line "Executive Group meeting,
    3 April 2025" or "Manager: ...", names the board."""
    rest = after.lstrip()
    if "\n" in after[:len(after) - len(rest)]:
        return False
    return _excluded_after(rules).match(rest) is not None or _JOB_AFTER.match(rest) is not None


def _excluded_after(rules: Rules) -> re.Pattern:
    """``rules.board_not_followed_by`` as one pattern matched at the start of the text after a name:
    one of the words, then one of the characters " .,);:" or the end. The same answer as looking
    up ``rest`` and ``rest`` cut before each of those characters in the set (a word is found iff
    ``rest`` opens with it and a cut falls right after it), in one call into re instead of a Python
    step per character of the 30 to 40 read (a page asks it for every board candidate)."""
    return derived(rules, _make_excluded_after)


def _make_excluded_after(rules: Rules) -> re.Pattern:
    words = sorted(rules.board_not_followed_by)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?=[ .,);:]|\Z)" if words else r"(?!x)x")


# "Safeguarding Board Development Officer", "SAB Training Coordinator": a post named after the board,
# the post's noun last after at most two capitalised words (the listed words are the one-word posts);
# "Safeguarding Children Board Topic Group": a group named after it, whose page is no page of the board
_JOB_AFTER = re.compile(r"(?:[A-Z][\w’'-]*[^\S\n]+){0,2}(?:Manager|Officer|Co-?ordinator|Administrator|Adviser|Advisor"
                        r"|Assistant|Analyst|Secretary|Group|Sub-?[Gg]roup|Subgroup)s?(?![\w-])")


_PLURAL_HEAD = re.compile(r"(?:Boards|Partnerships|boards|partnerships)$")
_WORD_THEN_CAPITAL = re.compile(r"\S+\s+[A-Z]")


def _place_letters(acr: str, name: str) -> bool:
    """"LSCB" is "ELSCB" without its place's letter: the same board, when the page writes both."""
    return len(name) - 2 <= len(acr) < len(name) and name.endswith(acr) and len(acr) >= 3


@lru_cache(maxsize=4096)  # pure, and asked for every name of every body each acronym is tried on
def _is_acronym(name: str) -> bool:
    """"LSCB" is an acronym; "EASTVALE SAFEGUARDING ADULTS BOARD" (a heading in capitals) is a name."""
    return name.isupper() and " " not in name.strip()


@lru_cache(maxsize=8192)  # pure: one cached look-up a name where a loop made two or three calls
def _fits_name(acr: str, name: str) -> bool:
    """``acr`` abbreviates the body's name ``name`` (never another acronym)."""
    return not _is_acronym(name) and acronym_fits(acr, name)


@lru_cache(maxsize=8192)  # pure, as _fits_name
def _same_body_acronym(acr: str, name: str) -> bool:
    """``acr`` abbreviates ``name``, or is the acronym ``name`` without its place's letter ("LSCB", "ELSCB")."""
    return _place_letters(acr, name) if _is_acronym(name) else acronym_fits(acr, name)


# A heading in capitals ("WESTSHIRE SAFEGUARDING ADULTS BOARD"): a run of two or more words in
# capitals (a line break between words at most), holding a body's head word in capitals. The heads are
# written in title case, so such a run is read in title case (same length, same offsets) and the names
# keep the page's capitals.
_CAPS_RUN = re.compile(r"(?<![\w’'-])[A-Z][A-Z’'&-]*"
                       r"(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:[A-Z][A-Z’'&-]*|&))+(?![\w’'-])")
# _CAPS_RUN searched by scan.Found: re jumps from capital to capital (the class first), where the pattern,
# led by a look-behind, is entered at every character of the page; the same matches (scan.Found's proof)
_CAPS_RUN_FOUND = scan.Found.of(_CAPS_RUN) or _CAPS_RUN
_CAPS_HEAD_WORDS = ("BOARD", "PARTNERSHIP", "FORUM", "GROUP", "EXECUTIVE", "COMMITTEE", "TRUST")
_CAPS_HEAD = re.compile(r"\b(?:BOARDS?|PARTNERSHIPS?|FORUM|GROUP|EXECUTIVE|COMMITTEES?|TRUST)\b")
_CAPS_SMALL = frozenset({"AND", "OF", "THE", "FOR", "ON", "UPON", "IN", "AT", "TO"})
_CAPS_WORD = re.compile(r"[A-Z’'&-]+")
_VOWEL = re.compile(r"[AEIOUY]")


def _title_word(word: str, first: bool, keep: frozenset[str]) -> str:
    """One word of a heading in capitals as a title-case heading writes it: known acronyms ("SAB",
    "YOT") and short words without a vowel ("LSCB") stay, small words after the first go lower case."""
    if word in keep or (len(word) <= 5 and not _VOWEL.search(word)):
        return word
    if word in _CAPS_SMALL and not first:
        return word.lower()
    return word[0] + word[1:].lower()


def _caps_kept(rules: Rules) -> frozenset[str]:
    """Words in capitals a heading keeps: the acronyms the rules know, and those the heads spell."""
    return derived(rules, _make_caps_kept)


def _make_caps_kept(rules: Rules) -> frozenset[str]:
    return frozenset(set(rules.acronym_suffixes) | {"YOT", "YOS", "YJS", "NHS", "CCG", "ICB", "MASH"})


def title_cased_headings(text: str, rules: Rules) -> str:
    """``text`` with each heading in capitals that holds a body's head word read in title case (the
    same length, so every offset holds); ``text`` itself when it has none (most pages)."""
    if not any(map(text.__contains__, _CAPS_HEAD_WORDS)):
        return text
    keep = _caps_kept(rules)
    parts: list[str] = []
    done = 0
    for m in _CAPS_RUN_FOUND.finditer(text):
        run = m.group()
        if not _CAPS_HEAD.search(run):
            continue
        cased = _CAPS_WORD.sub(lambda w: _title_word(w.group(), w.start() == 0, keep), run)
        parts.append(text[done:m.start()])
        parts.append(cased)
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


_PLACE_AFTER = re.compile(r" (?:for|of)[^\S\n]+(?:the[^\S\n]+)?((?:[A-Z][\w’'-]+[^\S\n]+){0,2}[A-Z][\w’'-]+"
                          r"(?:(?:,[^\S\n]*|[^\S\n]+(?:and|&)[^\S\n]+)(?:[A-Z][\w’'-]+[^\S\n]+){0,2}[A-Z][\w’'-]+){0,3})"
                          r"(?=[^\S\n]*(?:[.,;:)]|\n|$)|[^\S\n]+[a-z])")
_NOT_PLACE_AFTER = frozenset({"Council", "Councils", "County", "Borough", "District", "City", "Police", "Services",
                              "Service", "Health", "Children", "Adults", "Adult", "People", "Young", "England", "Wales",
                              "Scotland", "NHS", "Trust", "Board", "Partnership", "Families", "Carers", "Older",
                              "Safeguarding", "Communities", "Education", "Schools", "Trustees", "Directors",
                              "Governors", "Management", "Members", "Chair", "Chairs", "Reference", "Practice"})


_AGENDA_PURPOSES = frozenset({"Noting", "Approval", "Discussion", "Consideration", "Agreement", "Comment", "Comments",
                              "Endorsement", "Sign-off", "Decision", "Information", "Assurance", "Awareness"})


def _place_after(text: str, end: int, rules: Rules) -> tuple[int, str] | None:
    """"the Safeguarding Adults Board for (or of) Westshire and Eastvale": the board's area after its head, when no
    place stands before it. Capitalised words only (joined by commas and "and"), none a word of a
    body, a group of people or a nation ("Board for Children", "Partnership for Wales" name no area),
    and the name ends there (a full stop, a comma, a lower-case word)."""
    m = _PLACE_AFTER.match(text, end)
    if not m:
        return None
    if m.group(1).endswith(("'s", "’s")):
        return None  # "the Board of England's largest county": a possessive goes on to what it owns
    words = [w for w in re.split(r"[\s,]+", m.group(1)) if w and w not in ("and", "&")]
    if any(w in _NOT_PLACE_AFTER or w in rules.not_place or w in rules.stopwords or w in _AGENDA_PURPOSES
           or w.isupper() for w in words):  # "... Board for Information", "for Noting": an agenda's purpose
        return None
    return m.end(1), m.group(1)


def find_board_mentions(text: str, rules: Rules) -> list[OrgMention]:
    """Every mention of a board or partnership by name, acronym or generic full name (a heading in
    capitals read as the same heading in title case, the names as the page writes them)."""
    cased = title_cased_headings(text, rules)
    found = _find_board_mentions(cased, rules)
    if cased is not text:
        for m in found:
            if m.text == cased[m.start:m.end]:
                if m.place and m.place in m.text:
                    at = m.start + m.text.index(m.place)
                    m.place = text[at:at + len(m.place)]
                m.text = text[m.start:m.end]
    for m in found:
        if "\n" in m.text and not m.acronym:
            # "OFFICIAL\nThornwick Domestic Abuse Partnership Board": a line in capitals (a page's marking or
            # heading, title-cased above for reading) over a name in title case is no word of the name, unless
            # it is the name's place
            head, _, rest = m.text.partition("\n")
            if head.strip().isupper() and not rest.isupper() and rest.strip() \
                    and fold(head).strip().lower() not in rules.places:  # ("WESTSHIRE" over "Safeguarding ...")
                cut = len(head) + 1 + (len(rest) - len(rest.lstrip()))
                m.start += cut
                m.text = m.text[cut:]
                if m.place and m.place not in m.text:
                    m.place = None
        if m.place and "\n" in m.place:
            # "Bwrdd Diogelu Rhanbarthol Glanmor\nGlanmor Regional Safeguarding Board": a bilingual heading's
            # two lines, the place's word ending one and opening the next, are no place of two lines
            head, _, tail = m.place.rpartition("\n")
            if head.split()[-1:] == tail.split()[:1]:
                cut = m.text.index("\n") + 1
                m.start += cut
                m.text = m.text[cut:]
                m.place = tail.strip()
    return found


_BoardRow = tuple[str, re.Pattern, tuple[frozenset[str], ...]]


def _board_gates(rules: Rules) -> tuple[tuple[_BoardRow, ...], tuple[_BoardRow, ...], tuple[_BoardRow, ...]]:
    """The board patterns (place-led, heads, lower case), each with its literal sets (``scan.required_all``:
    every match holds one literal of each, case aside), made once per Rules."""
    return derived(rules, _make_board_gates)


def _make_board_gates(rules: Rules) -> tuple[tuple[_BoardRow, ...], tuple[_BoardRow, ...], tuple[_BoardRow, ...]]:
    words: list[str] = []

    def rows(table: tuple[tuple[str, re.Pattern], ...]) -> tuple[_BoardRow, ...]:
        out = []
        for kind, pat in table:
            # (a set with a short word, "and", is met on every page: left out)
            sets = [s for s in scan.required_all(pat) if min(len(w.strip()) for w in s) >= _GATE_SHORTEST]
            words.extend(w for s in sets for w in s)
            out.append((kind, pat, tuple(frozenset(s) for s in sets)))
        return tuple(out)

    made = (rows(rules.board_place_led), rows(rules.board_heads), rows(rules.board_lower))
    scan.register(tuple(dict.fromkeys(words)))  # the page's search must hold them (in the order met)
    return made


_GATE_SHORTEST = 4
"""Fewest letters of each literal of a board pattern's gate set (``_board_gates``)."""


def _find_board_mentions(text: str, rules: Rules) -> list[OrgMention]:
    found: list[OrgMention] = []
    # Spans already taken, sorted by start: a span that overlaps [s, e) starts after
    # s - (the longest span) and before e, so a search finds the few to look at (a scan of
    # every span per candidate was quadratic on pages of thousands of names).
    taken: list[tuple[int, int]] = []
    longest = 0

    def take(s: int, e: int) -> None:
        nonlocal longest
        insort(taken, (s, e))
        longest = max(longest, e - s)

    def free(s: int, e: int) -> bool:
        for k in range(bisect_left(taken, (s - longest, -1)), len(taken)):
            a, b = taken[k]
            if a >= e:
                return True
            if b > s:
                return False
        return True

    def add(m: OrgMention) -> None:
        found.append(m)
        take(m.start, m.end)

    two: list[OrgMention] = []
    for om in _two_boards(text, rules) if "Boards" in text or "Partnerships" in text else ():
        if free(om.start, om.end) or (found and (found[-1].start, found[-1].end) == (om.start, om.end)):
            add(om)
            two.append(om)
    candidates = []
    # the page's literals (its one case-blind search): a pattern one of whose literal sets the page
    # lacks wholly has no match on it, and is not asked (most of the 41 patterns, most pages)
    place_led, heads, lower = _board_gates(rules)  # (first: made once, it registers the literals the search holds)
    low = scan.folded(text)
    none_of = scan.hits(low).keys().isdisjoint if low is not None else None
    for kind, pat, sets in place_led:
        if none_of is not None and any(map(none_of, sets)):
            continue
        for m in scan.finditer(pat, text):
            candidates.append((m.start(), m.end(), kind, m.group("place")))
    for kind, pat, sets in heads:
        if none_of is not None and any(map(none_of, sets)):
            continue
        for m in scan.finditer(pat, text):
            candidates.append((m.start(), m.end(), kind, None))
    for kind, pat, sets in lower:
        if none_of is not None and any(map(none_of, sets)):
            continue
        for m in scan.finditer(pat, text):
            # "the local Safeguarding Children's Board": a name in capitals after a lower-case "local",
            # which the capitalised heads take without it
            if m.group()[0].islower() and not _WORD_THEN_CAPITAL.match(m.group()):
                candidates.append((m.start(), m.end(), kind, None))
    for s, e in _partnership_boards(text, rules) if "Partnership Board" in text or "Improvement Board" in text else ():
        candidates.append((s, e, "other-board", None))
    # Longest first, then leftmost, so "Safeguarding Adults Board" beats "Adults Board".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for s, e, kind, place in candidates:
        if not free(s, e):
            continue
        if _COMPANY.match(text, e):
            take(s, e)  # "Safeguarding Board Solutions Ltd": a company's name, no board
            continue
        if _followed_by_excluded(text[e:e + 30], rules):
            continue
        head = text[s:e]
        plural = bool(_PLURAL_HEAD.search(head))
        ps = _place_before(text, s, rules)
        if place and ps < s and not _known_place_before(text, s, rules):
            ps = s  # a place-led head takes only a known place before it ("Halton Safer Communities Partnership")
        before = text[max(0, ps - 12):ps].split()
        if before and before[-1].lower() in rules.generic_determiners and ps == s:
            take(s, e)  # "a Safeguarding Adults Board": generic, and no shorter head inside it either
            continue
        defined = _def_after(text, e)
        if plural and (not defined or ps == s and not place and not _specific_plural(text, s)):
            # "the Safeguarding Adults Boards", "Community Safety Partnerships (CSPs)": the kind of body,
            # not one (and not "Adults Board" inside it); a defined plural with its places is one body
            take(s, e)
            continue
        if ps < s:
            place = _POSSESSIVE_END.sub("", text[ps:s].strip())
        elif not place and not plural and text.startswith((" for ", " of "), e):
            after = _place_after(text, e, rules)  # "the Safeguarding Adults Board for Westshire and Eastvale"
            if after and free(e, after[0]):
                e, place = after
        if not plural and text.startswith(" for ", e) and kind in SAFEGUARDING_KINDS:
            # "the Eastvale Safeguarding Partnership for Children and Adults": whom it is for, part of its name
            whom = _FOR_WHOM.match(text, e)
            if whom is not None and free(e, whom.end()):
                e = whom.end()
                if "Child" not in whom.group() and not _KIND_WORD.search(text[s:whom.start()]):
                    kind = "safeguarding-adults"  # "... Safeguarding Partnership for Adults"
        add(OrgMention(text[ps:e], ps, e, kind, place=place, plural=plural))
    if "replac" in text or "known as" in text or "called" in text:
        for m in _BRAND.finditer(text):
            s0, e0 = m.span("name")
            name = m.group("name")
            if free(s0, e0) and not _NOT_A_BRAND.search(name):
                kind = "safeguarding-adults" if "dult" in m.group(0)[:s0 - m.start()] else "safeguarding-children"
                add(OrgMention(name, s0, e0, kind, place=None))
    if " is the " in text and "partnership" in text:
        for m in _IS_THE_PARTNERSHIP.finditer(text):
            s0, e0 = m.span("name")
            name = m.group("name")
            if free(s0, e0) and not _NOT_A_BRAND.search(name) and fold_words(name)[0] not in _NOT_BRAND_START:
                what = m.group("what").lower()
                kind = ("community-safety" if "community safety" in what or "crime" in what
                        else "safeguarding-adults" if "adult" in what and "child" not in what
                        else "safeguarding-children")
                add(OrgMention(name, s0, e0, kind, place=None))
                # what it is, in lower case ("the statutory community safety partnership for Westvale"),
                # is no second body
                w0, w1 = m.start("what"), m.end() + 60
                found[:] = [x for x in found if not (w0 <= x.start < w1 and x.text[:1].islower())]
    found.sort(key=lambda m: m.start)
    if two:
        # the page names one of the two bodies in full elsewhere ("the Eastvale Safeguarding Children
        # Partnership"): the phrase means that body, not a board of the name made up for it
        made = {id(om) for om in two}
        written: dict[tuple[str, tuple[str, ...]], str] = {}
        for x in found:
            if id(x) not in made and not x.plural and not x.acronym and x.place:
                key = (x.kind, tuple(fold_words(x.place)))
                if len(x.text) > len(written.get(key, "")):
                    written[key] = x.text
        for om in two:
            name = written.get((om.kind, tuple(fold_words(om.place or ""))))
            if name:
                om.text = name
    return found


# "abolish the X Board and replace it with a new organisation Eastvale Safeguarding Together", "the new
# partnership, known as Keeping Westshire Safe": a body's own name that holds no board head word, read
# from what the sentence says it is (it takes the replaced board's kind: adults if that was an adults
# board, else children's, the 2019 change from LSCBs to partnerships)
_BRAND = re.compile(
    r"\b(?:replac(?:e|ed|es|ing)\s+(?:it|them|the\s+(?:[A-Z][\w’'-]*\s+){0,5}(?:Board|LSCB|SCB|LSAB|SAB))\s+"
    r"(?:with|by)\s+(?:a\s+new\s+(?:multi-agency\s+)?(?:organisation|body|partnership|arrangement)s?[^\S\n]*,?[^\S\n]*"
    r"(?:called\s+|known\s+as\s+|named\s+)?)?"
    r"|\bnew\s+(?:multi-agency\s+)?(?:safeguarding\s+)?(?:partnership|arrangements?|organisation|body)[^\S\n]*,?"
    r"[^\S\n]*(?:called|known\s+as|named)\s+)"
    r"[\"“‘']?(?P<name>[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){1,4})")
# "Safer Eastvale Together is the multi-agency partnership that brings together ...": a body's own name
# that holds no head word, read from what the sentence says it is (a multi-agency, statutory or local
# safeguarding partnership); the kind from the words ("community safety", "adults")
# (the capital first, then the look-behinds past it, "(?<!..)" for the page's start: re jumps from capital
# to capital, where the look-arounds first were entered at every character of the page; the same matches)
_IS_THE_PARTNERSHIP = re.compile(
    r"(?P<name>[A-Z](?:(?<=[.!?]\s.)|(?<=\n.)|(?<!..))[\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|and|&|of)){1,4})[^\S\n]+is[^\S\n]+the"
    r"[^\S\n]+(?P<what>(?:(?:multi-agency|statutory|local|area['’]s|borough['’]s|county['’]s|city['’]s|joint"
    r"|safeguarding|children['’]s|adults['’]?|community\s+safety|crime\s+reduction)[^\S\n]+){1,4})partnership\b",
    re.M)
_NOT_BRAND_START = frozenset({"the", "this", "that", "our", "it", "a", "an", "its", "their", "there", "here"})
_NOT_A_BRAND = re.compile(r"\b(?:Council|Police|Constabulary|Trust|NHS|ICB|CCG|Service|Services|Ltd|Limited|Act|"
                          r"Regulations|Guidance|Working|Together\s+to)\b")
_EARLIER_BODY = re.compile(r"\b(?:Board|Council|Partnership|Group|Trust|Authority|Services?|Team|[A-Z]{2,}s?)"
                           r"\s+(?:and|&)\s+")
_SURNAME = re.compile(r"[A-Z][a-z’'-]+")
_GIVEN_BEFORE = re.compile(r"([A-Z][a-z’'-]+)\s+$")


def _agency_gates(rules: Rules) -> list[tuple[str, ...] | None]:
    """Per agency pattern, the literals (case as written) one of which each of its matches holds."""
    return derived(rules, _make_agency_gates)


def _make_agency_gates(rules: Rules) -> list[tuple[str, ...] | None]:
    return [scan.literal_gate(pat) for _, pat in rules.agency_patterns]


def find_agencies(text: str, rules: Rules) -> list[OrgMention]:
    out: list[OrgMention] = []
    for (sector, pat), gate in zip(rules.agency_patterns, _agency_gates(rules), strict=True):
        # a page with none of the pattern's words, in their case, has no match: the scan's own gate is
        # case-blind ("police" lets the police pattern run over the whole page), this one is not
        if gate is not None and not any(map(text.__contains__, gate)):  # (no generator frame per pattern)
            continue
        for m in scan.finditer(pat, text):
            raw = m.group()
            # a table's cell edge: "Tom<TAB>Westshire Police", "Dr Ann Lee       Westshire Council" is a name's
            # cell, then the agency's
            name = _clean_name(after_column_gap(raw))
            first = name.split()[0] if name.split() else ""
            while first in rules.not_place and first not in ("National", "Metropolitan", "Community", "NHS"):
                name = name[len(first):].strip()
                first = name.split()[0] if name.split() else ""
            # "Care Board and South Yorkshire Police": an earlier body joined by "and" is not part of the name
            cut = list(_EARLIER_BODY.finditer(name))
            if cut and cut[-1].end() < len(name):
                name = name[cut[-1].end():]
            # "Tom Rees Eastvale Police" in a flattened attendance list: the person is no part of the
            # agency's name (a known given name, not a place, then a capitalised surname)
            words = name.split()
            for k in range(len(words) - 3):
                if words[k] in rules.first_names and words[k].lower() not in rules.places \
                        and _SURNAME.fullmatch(words[k + 1]) and words[k + 1].lower() not in rules.places:
                    prev = _GIVEN_BEFORE.search(text[max(0, m.start() - 30):m.start()])
                    # the match may open on the surname: "Tom [Rees Thames Valley Police]"
                    skip = 1 if k == 0 and prev and prev.group(1) in rules.first_names else 2
                    name = " ".join(words[k + skip:])
                    break
            if len(name.split()) < 2:
                continue
            s = m.end() - len(name)
            out.append(OrgMention(name, s, m.end(), "agency", sector=sector))
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[OrgMention] = []
    for om in out:
        if kept and om.start < kept[-1].end:
            continue
        kept.append(om)
    return kept


def _same_place(a: list[str], b: list[str]) -> bool:
    """"Forest" is "Forest of Dean", "North Westshire" is "North Westshire Coast": one place opens
    the other (one word only before "of", so that "North" is not "North Westshire")."""
    short, long = sorted((a, b), key=len)
    return long[:len(short)] == short and (len(short) == len(long) or len(short) >= 2 or long[len(short)] == "of")


def _compatible(a: OrgCluster, m: OrgMention) -> bool:
    if a.kind != m.kind:
        return False
    if m.acronym:
        return any(_fits_name(m.text, n) for n in a.names) or m.text in a.names
    if a.place and m.place and not _same_place(fold_words(a.place), fold_words(m.place)):
        return False
    if any(x.plural for x in a.mentions) != m.plural:
        return False
    if a.kind == "community-safety" and a.place and m.place:
        return True  # a place has one community safety partnership, whatever it calls it
    era = _era(m.text)
    if a.era and era and a.era != era and a.kind == "safeguarding-children":
        # "Partnership Board" bodies carry both words
        if not ({"partnership", "board"} <= set(fold_words(m.text)) or any(
                {"partnership", "board"} <= set(fold_words(n)) for n in a.names)):
            return False
    mw = set(_content_words(m.text)) - set(fold_words(m.place or ""))
    for n in a.names:
        if _is_acronym(n):
            continue
        nw = set(_content_words(n)) - set(fold_words(a.place or ""))
        if ("regional" in mw) != ("regional" in nw) and bool(m.place) != bool(a.place) \
                and "local" in fold_words(m.text if m.place else n):
            # "the Regional Safeguarding Children Board" with no place is no "Westshire Local Safeguarding
            # Children Board": the region's body, a separate one (a board named by its region may be it)
            continue
        if mw <= nw or nw <= mw:
            return True
    return False


# capital first, as _ACRONYM ("\b" before a capital is "no word character before it"); the repeats are
# possessive (no giving back) since what follows each is a space or a capital, which none of them takes:
# the same matches, without re trying every shorter word at each capital of the page
_PLACE_HEAD = re.compile(r"([A-Z](?<!\w.)[\w’'-]{0,40}+(?:\s++[A-Z][\w’'-]{0,40}+)?)\s++(Board|Partnership)\b")
_PLACE_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]+)\s+$")
_PLACE_HEAD_WORDS = ("Board", "Partnership")
# read on the reversed page from a head word's start: the spaces before it and up to two words of at
# most 41 characters (and the spaces between), greedily: at least as far back as any match of
# _PLACE_HEAD ending on that head word can start
_BEFORE_HEAD_REVERSED = re.compile(r"\s*[\w’'-]{0,41}\s*[\w’'-]{0,41}")


def _place_head_matches(text: str) -> list[re.Match]:
    r"""``list(_PLACE_HEAD.finditer(text))``, scanned only in windows around the page's "Board" and
    "Partnership" (where re's own scan tries the pattern at every capital of the page).

    Why it is exact: a match is one or two words of at most 41 characters and spaces before a head
    word, so it lies in the window from as far back as ``_BEFORE_HEAD_REVERSED`` reaches (it takes the
    spaces, then the whole second word, the spaces and at least the first word) to one character past
    the head word (for the closing ``\b``). No match starts outside every window. The windows, joined
    where they touch, are scanned in order: a match found in one reads nothing past its end (a head
    word ends at least a character before it; a word or spaces cut by the end fail, as what must follow
    them is missing), and its look-behind reads the page before it as ever, so each window gives the
    page's matches inside it, and none of them reaches into the next window."""
    out: list[re.Match] = []
    for lo, hi in head_windows(text, _PLACE_HEAD_WORDS, _BEFORE_HEAD_REVERSED):
        out += _PLACE_HEAD.finditer(text, lo, hi)
    return out


def head_windows(text: str, words: tuple[str, ...], before: re.Pattern) -> list[list[int]]:
    """The windows ``[lo, hi]`` around each of ``words`` (as written) on the page, in order and
    joined where they touch: from as far back as ``before`` reaches, matched on the reversed page
    from the word's start (it must match, if only the empty string), to a character past the
    word. A pattern whose every match ends with one of the words and starts no further back than
    ``before`` reads finds the page's matches by scanning these windows alone (see the callers)."""
    spots: list[tuple[int, int]] = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            spots.append((i, i + len(word)))
            i = text.find(word, i + len(word))
    if not spots:
        return []
    n = len(text)
    rev = scan.reversed_text(text)
    bounds = []
    for i, e in spots:
        back = before.match(rev, n - i)
        bounds.append((i - (back.end() - (n - i)) if back is not None else 0, min(n, e + 1)))
    windows: list[list[int]] = []
    for lo, hi in sorted(bounds):
        if windows and lo <= windows[-1][1]:
            if hi > windows[-1][1]:
                windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


def _suffixes_longest_first(rules: Rules) -> list[tuple[str, str]]:
    """``rules.acronym_suffixes`` longest first, sorted once (asked for every unknown acronym)."""
    return derived(rules, _make_suffixes)


def _make_suffixes(rules: Rules) -> list[tuple[str, str]]:
    return sorted(rules.acronym_suffixes.items(), key=lambda x: -len(x[0]))


# "Sam Brown (SB)": a person's name and the initials minutes go on to call them by. Capitalised
# words only, up to four, right before the bracket; a body's own words ("Board", "Council") make
# it a body's name instead ("Safeguarding Board (SB)" is a definition of the board).
_NAME_PART = r"[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*"
_NAME_THEN_INITIALS = re.compile(r"((?:" + _NAME_PART + r"\.?[^\S\n]+|[A-Z]\.?[^\S\n]+){0,3}" + _NAME_PART + r")"
                                 r"[^\S\n]*\(([A-Z]{2,4})\)")
_BRACKETED_CAPITALS = re.compile(r"\([A-Z]{2,4}\)")
"""The brackets _NAME_THEN_INITIALS ends on: a cheap search for the lines worth its slower one."""
_BODY_WORDS = frozenset({"board", "boards", "partnership", "partnerships", "council", "group", "trust", "service",
                         "services", "police", "team", "forum", "panel", "committee", "executive", "safeguarding",
                         "children", "adults", "health", "care", "authority", "commissioner", "agency", "network",
                         "unit", "hub", "office", "department", "constabulary", "nhs", "foundation", "community",
                         "safety", "review", "plan", "strategy", "procedures", "practice", "learning", "court"})


def _name_initials(name: str) -> set[str]:
    """The initials a person's name may be shortened to: one letter a word ("Sam Brown" -> "SB"), or
    one a part of a hyphenated name ("Ann Lee-Smith" -> "ALS")."""
    words = name.replace(".", " ").split()
    out = set()
    for k in range(len(words) - 1):  # "Dr Sam Brown (SB)": the name after an honorific
        tail = words[k:]
        out |= {"".join(w[0] for w in tail), "".join(p[0] for w in tail for p in w.split("-") if p),
                tail[0][0] + tail[-1][0]}
    return out


def person_initials(text: str) -> frozenset[str]:
    """Initials a page gives its people in brackets after their names ("Sam Brown (SB) - Deputy
    Chief Nurse"). In board minutes these initials stand for the person in every action line
    after; they are never a body's acronym, even when their letters fit the board's name."""
    if "(" not in text:
        return frozenset()
    found = set()
    # The pattern cannot cross a line break, so it is run only on the lines holding a bracketed
    # acronym (the same matches, line by line, as over the whole page; most lines hold none).
    done = -1  # end of the last line searched
    for b in _BRACKETED_CAPITALS.finditer(text):
        if b.start() < done:
            continue  # a second bracket on a line already searched
        line_start = text.rfind("\n", 0, b.start()) + 1
        done = text.find("\n", b.end())
        if done < 0:
            done = len(text)
        for m in _NAME_THEN_INITIALS.finditer(text, line_start, done):
            name, acr = m.group(1), m.group(2)
            if len(name.split()) < 2 or any(w.lower().strip("’'") in _BODY_WORDS for w in name.split()):
                continue
            if acr in _name_initials(name):
                found.add(acr)
    return frozenset(found)


def _line_of(text: str, at: int) -> str:
    """The line that holds ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:len(text) if end < 0 else end]


_WORDS_BRAND_IS = re.compile(r"(?:^|(?<=\n)|(?<=[.:;!?][ \t]))[ \t•·*-]*"
                             r"(Safer(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w’'-]+){1,4})"
                             r"[ \t]+is[ \t]+(?:the|our)[ \t]+\Z")
_BRAND_IS = re.compile(r"(?:^|(?<=\n)|(?<=[.:;!?][ \t]))[ \t•·*-]*([A-Z]{3,10})[ \t]+is[ \t]+(?:the|our)[ \t]+\Z")


def _brand_acronyms(text: str, mentions: list[OrgMention], aliases: dict[int, int]) -> None:
    """"DIOGEL is the Eastvale and Coast Regional Safeguarding Children Board.": a word in capitals that is no
    initialism of the board (a Welsh word, a brand) opening a sentence that says which board it is names that
    board wherever the page uses it ("DIOGEL is co-chaired by ..."): each use becomes a mention of it."""
    if " is the " not in text and " is our " not in text:
        return
    taken = {(x.start, x.end) for x in mentions}
    for i in range(len(mentions)):
        m = mentions[i]
        if m.acronym or m.plural:
            continue
        b = _BRAND_IS.search(text[max(0, m.start - 40):m.start])
        if b is None and m.place is None and m.kind == "community-safety":
            # "Safer Eastvale and Westby is the Community Safety Partnership for ...": a brand in words names the
            # place-less partnership it is said to be
            b = _WORDS_BRAND_IS.search(text[max(0, m.start - 80):m.start])
            if b is not None and any(x.text.startswith(b.group(1) + " ") for x in mentions):
                b = None  # ("Safer Eastvale" beside "Safer Eastvale Partnership": that body's short name)
        if b is None or acronym_fits(b.group(1), m.text):
            continue
        for use in re.finditer(r"(?<![\w’'-])" + re.escape(b.group(1)) + r"(?![\w’'-])", text):
            if (use.start(), use.end()) not in taken:
                taken.add((use.start(), use.end()))
                mentions.append(OrgMention(use.group(), use.start(), use.end(), m.kind, acronym=True, cluster=-1))
                aliases[len(mentions) - 1] = i


def cluster_boards(text: str, mentions: list[OrgMention], rules: Rules) -> list[OrgCluster]:
    """Group board mentions into bodies (see module docstring)."""
    clusters: list[OrgCluster] = []
    aliases: dict[int, int] = {}  # mention index -> index of mention it renames

    # "X (Y)" and "X, to be known as Y": Y renames X.
    dropped: set[int] = set()
    _brand_acronyms(text, mentions, aliases)
    for i, m in enumerate(mentions):
        paren = _CAP_NAME_IN_PARENS.match(text, m.end)
        if paren:
            mentions.append(OrgMention(paren.group(1), paren.start(1), paren.end(1), m.kind, cluster=-1))
            aliases[len(mentions) - 1] = i
        elif m.place and (brand := _PLACE_BRAND_IN_PARENS.match(text, m.end)) is not None:
            words = fold_words(brand.group(1))
            place_words = fold_words(m.place)
            if place_words and set(place_words) <= set(words) and not set(words) <= set(place_words) \
                    and words[-1] not in _NOT_BRAND_END:
                mentions.append(OrgMention(brand.group(1), brand.start(1), brand.end(1), m.kind, cluster=-1))
                aliases[len(mentions) - 1] = i
        known = _KNOWN_AS.match(text, m.end)
        if known:
            named = False
            for j, n in enumerate(mentions):
                if n.start == known.end() and n.kind == m.kind:
                    aliases[j] = i
                    named = True
            brand = None if named or m.acronym or i in aliases else _KNOWN_BRAND.match(text, known.end())
            if brand is not None and not set(fold_words(brand.group(1))) <= _KNOWN_BRAND_GENERIC \
                    and not _NOT_A_BRAND.search(brand.group(1)) \
                    and not any(n.start <= brand.start(1) < n.end for n in mentions):
                name = brand.group(1).rstrip("'’")  # (a closing quote is no letter of it)
                mentions.append(OrgMention(name, brand.start(1), brand.start(1) + len(name), m.kind, cluster=-1))
                aliases[len(mentions) - 1] = i
        elif m.place and (text.startswith(("is", "act", "serv"), m.end + 1)
                          or text.startswith((", ", " (", "("), m.end)):
            generic = _IS_THE_GENERIC.match(text, m.end)
            for j, n in enumerate(mentions):
                # (an other board by another board's name is another body: "the Eastvale Youth Justice Management
                # Board, the Corporate Parenting Board and the ..." is a list, no apposition)
                if generic and n.start == generic.end() and n.kind == m.kind and not n.acronym and (
                        m.kind != "other-board" or set(_content_words(n.text)) <= set(_content_words(m.text))):
                    if not n.place:
                        aliases[j] = i  # "the borough's Community Safety Partnership": another name of it
                    elif _same_place(fold_words(n.place), fold_words(m.place)):
                        dropped.add(j)  # "Eastvale's community safety partnership": what it is, no name
    # a page's title, then its kind's generic name alone on a line under it ("SAFER EASTVALE PARTNERSHIP\n\n
    # Community Safety Partnership Board\n\nMinutes of ..."): a subtitle saying what the body is, no second body
    if mentions and mentions[0].place and mentions[0].start < 200:
        head = mentions[0]
        for j, n in enumerate(mentions[1:], 1):
            if n.start > head.end + 200:
                break
            if n.kind == head.kind and not n.place and not n.acronym and j not in aliases and j not in dropped \
                    and _line_of(text, n.start).strip() == text[n.start:n.end]:
                dropped.add(j)
    if dropped:
        keep = [k for k in range(len(mentions)) if k not in dropped]
        renumber = {k: x for x, k in enumerate(keep)}
        aliases = {renumber[j]: renumber[i] for j, i in aliases.items() if j in renumber and i in renumber}
        mentions[:] = [mentions[k] for k in keep]

    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].plural, -_content_count(mentions[i].text),
                                                          mentions[i].start))
    exact: dict[tuple[str, str, bool], OrgCluster] = {}  # a name seen again joins its body at once
    # Where a mention may belong, found without trying every body (a page of thousands of
    # boards would be quadratic): bodies of its kind; when it names a place, only the bodies
    # with no place or a place opening with the same word (_same_place needs that).
    # First fit in the order bodies were made, as a plain scan would find.
    position: dict[int, int] = {}  # id(cluster) -> its index
    of_kind: dict[str, list[int]] = {}
    placeless: dict[str, set[int]] = {}
    by_place: dict[tuple[str, str], set[int]] = {}

    def file_under(ci: int) -> None:
        c = clusters[ci]
        head = fold_words(c.place)[:1] if c.place else []
        if head:
            placeless.get(c.kind, set()).discard(ci)
            by_place.setdefault((c.kind, head[0]), set()).add(ci)
        else:
            placeless.setdefault(c.kind, set()).add(ci)

    def candidates(m: OrgMention) -> list[int]:
        head = fold_words(m.place)[:1] if m.place and not m.acronym else []
        if not head:
            return of_kind.get(m.kind, [])
        return sorted(placeless.get(m.kind, set()) | by_place.get((m.kind, head[0]), set()))

    target: OrgCluster | None
    for i in order:
        m = mentions[i]
        key = (m.kind, _clean_name(m.text), m.plural)
        if i in aliases and mentions[aliases[i]].cluster >= 0:
            target = clusters[mentions[aliases[i]].cluster]
        elif key in exact:
            target = exact[key]
        else:
            cands = candidates(m)
            if m.kind == "safeguarding-children" and not m.acronym and not _KIND_WORD.search(m.text) and any(
                    c.kind == "safeguarding-adults" for c in clusters):
                # "the Tregarwen Safeguarding Board" on a page that also names the area's adults' board: the
                # joint body for all ages, not its children's board ("the former X Children Board and
                # X Adults Board now operate as one joint board")
                cands = [ci for ci in cands if not any(_KIND_WORD.search(n) for n in clusters[ci].names
                                                       if not _is_acronym(n))]
            target = next((clusters[ci] for ci in cands if _compatible(clusters[ci], m)), None)
        if target is None:
            target = OrgCluster(m.kind, place=m.place, era=_era(m.text))
            position[id(target)] = len(clusters)
            clusters.append(target)
            of_kind.setdefault(target.kind, []).append(position[id(target)])
            file_under(position[id(target)])
        m.cluster = position[id(target)]
        target.mentions.append(m)
        exact.setdefault(key, target)
        if not target.place and m.place:
            target.place = m.place
            file_under(m.cluster)
        target.place = target.place or m.place
        target.era = target.era or _era(m.text)
        if i in aliases:
            src = mentions[aliases[i]]
            if src.cluster < 0:
                src.cluster = m.cluster
                target.mentions.append(src)

    # A name one bracket or "known as" gave ("(Safer Eastvale)") is that body wherever the page uses it again
    # ("The Chair of Safer Eastvale, Ann Lee"): no pattern finds a brand's name on its own
    brands = {(mentions[j].text, mentions[j].cluster) for j in aliases
              if mentions[j].cluster >= 0 and not mentions[j].acronym and " " in mentions[j].text}
    if brands:
        held = [(x.start, x.end) for c in clusters for x in c.mentions]
        for name, ci in sorted(brands):
            for bm in re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w’'-])", text):
                if not any(a < bm.end() and bm.start() < b for a, b in held):
                    clusters[ci].mentions.append(OrgMention(name, bm.start(), bm.end(), clusters[ci].kind,
                                                            cluster=ci))
                    held.append((bm.start(), bm.end()))

    # Acronyms: defined right after a name, or used alone and fitting a name.
    for c in list(clusters):
        for m in list(c.mentions):
            d = _def_after(text, m.end)
            if d and not m.acronym:
                acr = d.group(1)
                if acr[0].isupper() and (acronym_fits(acr, m.text) or acronym_fits(acr, _clean_name(m.text))
                                         or len(acr) >= 2 and acr.isupper()):
                    c.mentions.append(OrgMention(acr, d.start(1), d.end(1), c.kind, acronym=True, plural=m.plural))
    defined = {m.text for c in clusters for m in c.mentions if m.acronym}
    taken = [(m.start, m.end) for c in clusters for m in c.mentions]
    taken_at = set(chain.from_iterable(range(s, e) for s, e in taken))  # offsets inside a name already found
    resolved: dict[tuple[str, bool], OrgCluster | None] = {}  # an acronym means one body per document
    # "Sam Brown (SB)": a person, in every line after. Worked out only when an acronym is met whose
    # bracketed form "(SB)" the page holds: ``person_initials`` reads every acronym it gives from such
    # brackets, so another acronym is none of them (most pages' acronyms never ask)
    persons: frozenset[str] | None = None
    suffixes = _suffixes_longest_first(rules)  # (asked for every acronym: looked up once)
    for am in acronym_matches(text):  # capital first: faster than scan's guarded form
        acr, plural = am.group(1), bool(am.group(2))
        if am.start() in taken_at or am.end() - 1 in taken_at or acr in _MINUTES_ACRONYMS:
            continue
        if f"({acr})" in text:
            if persons is None:
                persons = person_initials(text) - defined
            if acr in persons:
                continue
        placed = _known_place_span(text, am.start(), rules)
        if placed is not None:  # "Leicestershire and Rutland SAB": the places joined to it too
            joined = _coordinated_places(text, placed[0], rules)
            if joined < placed[0]:
                placed = (joined, text[joined:am.start()].strip())
        else:
            placed = _unknown_place_span(text, am.start(), acr, rules)
        if (acr, plural) in resolved:
            target = resolved[(acr, plural)]
        else:
            target = None
            own_kind = next((k for suf, k in suffixes if acr.endswith(suf)), None)
            # a kind's own acronym ("CSP", "SAB") looks at the bodies of its kind first: "CSP" spells both
            # "... Children's Safeguarding Partnership" and "... Community Safety Partnership", and names the
            # second (a place's acronym, "WCSP", is a name: first fit, as before)
            kind_acr = own_kind is not None and acr.rstrip("s") in rules.acronym_suffixes
            # an acronym the page defines in brackets is the defining body's, though it fits another's name
            # with a letter out of order ("FSP": "Fenwold Safeguarding Partnership (FSP)", not "Safer Fenwold
            # Partnership" named before it)
            owners = [c for c in clusters if acr in defined and any(x.acronym and x.text == acr for x in c.mentions)]
            for c in owners[:1] or (sorted(clusters, key=lambda c: c.kind != own_kind) if kind_acr else clusters):
                names = c.names
                if acr in names or any(_same_body_acronym(acr, n) and (
                        own_kind in (None, c.kind) or _spells(acr, n) or not _KIND_WORD.search(n))
                        for n in names):
                    if any(x.plural for x in c.mentions) == plural or acr in defined:
                        target = c
                        break
        if (target is None and placed is None and acr not in defined
                and _followed_by_excluded(text[am.end():am.end() + 40], rules)):
            continue  # "SAB Business Manager": a post, no mention of a body the page does not otherwise name
        if placed is not None and target is not None:
            # "the Halton LSCB" beside the "Wirral LSCB": one body per place
            pw = fold_words(placed[1])
            local = next((c for c in clusters if c.place and _same_place(fold_words(c.place), pw)
                         and c.kind == target.kind
                         and (acr in c.names or any(_fits_name(acr, n) for n in c.names))),
                        None)
            if local is not None:
                target = local
            elif target.place:
                target = OrgCluster(target.kind, place=placed[1], era=target.era)
                clusters.append(target)
            else:
                target.place = placed[1]
            target.mentions.append(OrgMention(text[placed[0]:am.end()], placed[0], am.end(), target.kind,
                                              place=placed[1], plural=plural))
            resolved.setdefault((acr, plural), target)
            taken.append((placed[0], am.end()))
            taken_at.update(range(placed[0], am.end()))
            continue
        if target is None:
            if plural and acr not in defined:
                resolved[(acr, plural)] = None
                continue
            kind = next((k for suf, k in suffixes
                         if acr.endswith(suf)), None)
            if kind is None:
                resolved[(acr, plural)] = None
                continue
            target = OrgCluster(kind, place=placed[1] if placed else None)
            clusters.append(target)
            if placed is not None:
                target.mentions.append(OrgMention(text[placed[0]:am.end()], placed[0], am.end(), kind,
                                                  place=placed[1], plural=plural))
                resolved[(acr, plural)] = target
                taken.append((placed[0], am.end()))
                taken_at.update(range(placed[0], am.end()))
                continue
        resolved[(acr, plural)] = target
        # "Northfold SAB": a place word right before the acronym
        s = am.start()
        place_m = _PLACE_WORD_BEFORE.search(text[max(0, s - 30):s])
        mention_text, ms = acr, s
        if place_m and target.place and place_m.group(1).replace("’s", "") == target.place.split()[-1]:
            mention_text, ms = text[s - len(place_m.group(0)):am.end()], s - len(place_m.group(0))
        target.mentions.append(OrgMention(mention_text, ms, am.end(), target.kind, place=target.place,
                                          acronym=mention_text == acr, plural=plural))
        taken.append((ms, am.end()))
        taken_at.update(range(ms, am.end()))

    # "Westshire Board": a place followed by Board/Partnership, when one body of that place exists.
    # The bodies with a place, folded once (no mention added below changes a place); a page with
    # none has nothing to find, and its scan is skipped.
    placed_bodies = [(fold(c.place).lower(), c) for c in clusters if c.place and c.kind in SAFEGUARDING_KINDS]
    for pm in _place_head_matches(text) if placed_bodies else ():
        if not taken_at.isdisjoint(range(pm.start(), pm.end())):  # (any offset taken: the test in C)
            continue
        place = pm.group(1)
        folded_place = fold(place).lower()
        same = [c for key, c in placed_bodies if key == folded_place]
        if len(same) == 1:
            same[0].mentions.append(OrgMention(pm.group(), pm.start(), pm.end(), same[0].kind, place=place))
    _merge_crime_and_disorder(clusters)
    _merge_generic_csp(clusters)
    _merge_acronym_meetings(clusters)
    return [c for c in clusters if c.mentions]


_ACRONYM_MEETING = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,8})(?:['’]s)?\s+(?:(?:Main|Full|Strategic)\s+)?"
                              r"(?:Partnership\s+Board|Board|Partnership)")


def _merge_acronym_meetings(clusters: list[OrgCluster]) -> None:
    """"RSCP Partnership Board minutes": a body named by another board's acronym and a bare head is
    that board (its board meeting), not an other board of its own; its mentions join that board."""
    by_acronym = {x.text: c for c in clusters if c.kind in BOARD_KINDS for x in c.mentions if x.acronym}
    for c in clusters:
        if not c.mentions or any(x.acronym for x in c.mentions):
            continue
        heads = [h.group(1) if (h := _ACRONYM_MEETING.fullmatch(x.text)) else None for x in c.mentions]
        owner = by_acronym.get(heads[0]) if heads[0] else None
        if owner is None and heads[0]:
            # ("The TSCP Partnership Board met on 14 March" on a page that never defines "TSCP": the one board
            # whose initials it spells)
            fits = [o for o in clusters if o is not c and o.kind in BOARD_KINDS and o.mentions
                    and acronym_fits(heads[0], o.name)]
            owner = fits[0] if len(fits) == 1 else None
        if owner is None or owner is c or any(h != heads[0] for h in heads):
            continue
        _absorb(owner, c)


def _absorb(owner: OrgCluster, c: OrgCluster) -> None:
    """``c``'s mentions become ``owner``'s (of its kind, in text order): one body named two ways."""
    owner.mentions.extend(replace(x, kind=owner.kind) for x in c.mentions)
    owner.mentions.sort(key=lambda x: x.start)
    c.mentions.clear()


# the statutory name of a community safety partnership (the Crime and Disorder Act's), and its acronym
_CRIME_AND_DISORDER = re.compile(r"^(?:[A-Z][\w’'-]*\s+){0,3}?Crime\s+(?:and|&)\s+Disorder\s+(?:Reduction\s+)?"
                                 r"Partnerships?$|(?:^|\s)CDRPs?$")


def _merge_crime_and_disorder(clusters: list[OrgCluster]) -> None:
    """A crime and disorder (reduction) partnership, or "CDRP", on a page whose one other community safety body is a
    Community Safety Partnership: the same body by its statutory name ("CDRP" beside "South Westshire
    Community Safety Partnership"), not a second one. Other community safety bodies ("Safer Communities
    Board") are left apart, and so is a page with two partnerships to choose between."""
    cds = [c for c in clusters if c.kind == "community-safety" and c.mentions
           and all(_CRIME_AND_DISORDER.search(n) for n in c.names)]
    if not cds:
        return
    csps = [c for c in clusters if c.kind == "community-safety" and c.mentions and c not in cds
            and any("community safety" in n.lower() for n in c.names)]
    if len(csps) != 1 or any(x.plural for c in cds for x in c.mentions):
        return
    for c in cds:
        csps[0].mentions.extend(c.mentions)
        c.mentions = []


_GENERIC_CSP = re.compile(r"(?i)(?:the\s+)?community\s+safety\s+partnership|CSP")


def _merge_generic_csp(clusters: list[OrgCluster]) -> None:
    """"the Community Safety Partnership" on a page that names one community safety partnership of a place ("the
    annual update of the Community Safety Partnership. The co-chairs of the Safer Eastvale Partnership ..."): that
    partnership by its kind's name (a place has one), not a second body. A page naming two is left as it is."""
    generic = [c for c in clusters if c.kind == "community-safety" and c.mentions and not c.place
               and not any(x.plural for x in c.mentions) and all(_GENERIC_CSP.fullmatch(n) for n in c.names)]
    if not generic:
        return
    named = [c for c in clusters if c.kind == "community-safety" and c.mentions and c.place and c not in generic]
    if len(named) != 1:
        return
    for c in generic:
        _absorb(named[0], c)


def main_board(clusters: list[OrgCluster], text: str) -> OrgCluster | None:
    """The safeguarding body a document is mostly about: named early and often.

    Generic references ("the Board", "its Independent Chair") resolve to it.
    """
    safeguarding = [c for c in clusters if c.kind in PARTNERSHIP_KINDS]
    if not safeguarding:
        return None
    head = text[:400]

    def score(c: OrgCluster) -> tuple:
        in_head = any(m.start < len(head) for m in c.mentions)
        return (-(len(c.mentions) + 2 * in_head + (c.kind != "community-safety")), c.first)

    best = sorted(safeguarding, key=score)[0]
    if not any(m.start < len(head) for m in best.mentions):
        # a page about another board (a domestic abuse board's or a health and wellbeing board's own page) that
        # names the safeguarding boards only in passing further down: that board is what "the Board" means
        other = [c for c in clusters if c.kind == "other-board" and any(m.start < len(head) for m in c.mentions)
                 and len(c.mentions) >= 2 * len(best.mentions)]
        if other:
            return min(other, key=lambda c: c.first)
    return best


_GROUP_WORDS = frozenset({"group", "groups", "subgroup", "sub-group", "panel", "committee", "sub-committee"})


def _named_by_body(board: OrgCluster, meeting_body: str) -> tuple[bool, bool]:
    """(whether the words of ``board``'s name are all in the meeting's body, whether the body
    is a group: its last word "Group", "Panel", "Committee"... as in "Eastvale Safeguarding
    Children Board Topic Group", a group named after the board)."""
    words = fold_words(meeting_body)
    return set(fold_words(board.name)) <= set(words), _is_group_body(words)


def _is_group_body(body_words: list[str]) -> bool:
    """A group named after a board ("Eastvale SCB Topic Group"); not the board's own "Executive Group" (its
    meeting the board's, as ``own_board`` reads it)."""
    return bool(body_words) and body_words[-1] in _GROUP_WORDS and not _is_executive_group(body_words)


def _is_executive_group(body_words: list[str]) -> bool:
    """"Eastvale Safeguarding Children Partnership Executive Group": a board's own executive (its name before)."""
    return body_words[-2:] == ["executive", "group"] and len(body_words) > 3


def is_meeting_of(board: OrgCluster | None, meeting_body: str | None) -> bool:
    """Whether the meeting's body is ``board``: its name in the body, and the body no group
    named after it."""
    if board is None or not meeting_body:
        return False
    named, group = _named_by_body(board, meeting_body)
    return named and not group


def is_group_of(board: OrgCluster, meeting_body: str | None) -> bool:
    """Whether the meeting's body is a group named after ``board``: the group's members and
    witnesses are not the board's partners."""
    if not meeting_body:
        return False
    named, group = _named_by_body(board, meeting_body)
    return named and group


_COUNCIL_BODY = re.compile(r"(?i)\b(?:cabinet|committee|sub-committee|scrutiny|panel|commission|council"
                           r"|executive member)\b")


def council_body(meeting_body: str | None) -> bool:
    """Whether a meeting's body is a council's (a cabinet, committee, panel): the people it lists and
    the chair it names are its own, no board's (read only where no board hosts the meeting)."""
    return meeting_body is not None and _COUNCIL_BODY.search(meeting_body) is not None


def own_board(clusters: list[OrgCluster], meeting_body: str | None) -> int | None:
    """The board whose own meeting this is: the board the meeting's body names ("Eastvale
    Children's Trust Board - 3 May"), which need not be the board the page mentions most."""
    if not meeting_body:
        return None
    body_words = fold_words(meeting_body)
    if _is_executive_group(body_words):
        # "Eastvale Safeguarding Children Partnership Executive Group": the partnership's own executive, its
        # meeting the partnership's (a board named so, not a sub-group of it)
        body_words = body_words[:-2]
    if _is_group_body(body_words):
        return None  # "Eastvale Safeguarding Children Board Topic Group": a group named after the board
    body = set(body_words)
    hits = [ci for ci, c in enumerate(clusters)
            if c.kind in BOARD_KINDS and any(set(fold_words(n)) <= body for n in c.names if len(n) > 5)]
    if not hits and (am := _ACRONYM_MEETING.fullmatch(meeting_body.strip())) is not None:
        # "BDAP Strategic Board Meeting": the board whose acronym the body opens with, at its board meeting
        hits = [ci for ci, c in enumerate(clusters)
                if c.kind in BOARD_KINDS and any(x.acronym and x.text == am.group(1) for x in c.mentions)]
    return hits[0] if len(hits) == 1 else None
