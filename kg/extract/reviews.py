"""Case reviews: their kinds (serious case review, rapid review, SAR, DHR...) and case names.

Kinds come from their names and acronyms; a case name ("Child M", "Family A", "the case of
Jacob", "the Operation Hawk review") takes the kind named in its own sentence, else the
nearest kind named before it (a heading "Published Serious Case Reviews" over a list of
reports), else the only kind in the document, else "case-review".

A kind named only in the plural ("summarised the case reviews", "key messages from reviews")
is a mention of the activity, not of one review: it is kept, marked ``generic`` (the
annotation counts the kind as mentioned), but the graph makes no review node of it. A bare
"reviews" counts (as case-review) only in lower case, in a sentence about safeguarding
cases or as "local/national reviews", not inside a URL or a hyphenated word, not in a
sentence that names a kind, and not as "the reviews" after a kind was named (it refers back).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract import gates, scan
from kg.extract.alternatives import alternatives
from kg.extract.rules import rules
from kg.extract.text import Sentence

_KINDS = [
    ("serious-case-review", r"serious\s+case(?:\s+reviews?|\s*/)|\bSCRs?\b"),
    ("child-safeguarding-practice-review",
     r"(?:local\s+)?(?:child\s+)?safeguarding\s+practice\s+rev(?:iews?)?\b|\bL?CSPRs?\b|local\s+practice\s+reviews?"
     # the Act's "serious child safeguarding cases" are what a CSPR reviews
     r"|serious\s+child\s+safeguarding\s+(?:case\s+)?reviews?"),
    ("rapid-review", r"rapid\s+reviews?"),
    # "serious adult(s) reviews" and "adult safeguarding reviews": other areas' words for a SAR
    ("safeguarding-adults-review",
     r"safeguarding\s+adults?['’]?\s+reviews?|\bSARs?\b|serious\s+adults?['’]?\s+reviews?"
     r"|adults?\s+safeguarding\s+reviews?"),
    ("domestic-homicide-review",
     r"domestic\s+(?:violence\s+|abuse\s+)?homicide\s+reviews?|\bDHRs?\b"
     r"|domestic\s+abuse\s+related\s+death\s+reviews?"),
    ("thematic-review",
     # "a thematic safeguarding adults review", "a thematic SAR": a thematic review of that kind too
     r"thematic\s+(?:partnership\s+|multi-agency\s+|learning\s+|serious\s+case\s+"
     r"|safeguarding\s+adults?['’]?\s+|(?:local\s+)?(?:child\s+)?safeguarding\s+practice\s+)?reviews?"
     r"|thematic\s+(?:SAR|SCR|L?CSPR|DHR)s?\b"
     r"|reviews?\s+(?:in)?to\s+the\s+(?:impact|learning|themes?)\s+of\s+(?:SCRs|serious\s+case\s+reviews|reviews|cases)"
     # "a review into child sexual exploitation cases": one review across many cases
     r"|\breview\s+into\s+(?:(?!the\s+case\b)[\w&'’-]+\s+){1,6}?cases\b"),
    # zero-width checks ordered cheapest first ((?=case), \b before the look-behinds): same
    # matches, but not eight look-behinds tried at every character of the text
    ("case-review",
     r"(?=case)(?<!serious )(?<!serious\xa0)case\s+reviews?|learning\s+reviews?|multi-agency\s+reviews?"
     r"|mortality\s+reviews?|\bLeDeR\b|(?:child|adult)\s+practice\s+reviews?"
     r"|case\s+review\s+(?:&|and)\s+governance"
     r"|\b(?<!serious )(?<!case )(?<!practice )(?<!adults )(?<!adult )(?<!thematic )(?<!rapid )(?<!homicide )"
     r"reviews\b"),
]
_KIND_RE = [(k, re.compile(p, re.I if k not in () else 0)) for k, p in _KINDS]
_KINDS_JOINED = alternatives([p for _, p in _KIND_RE])
_NAME = re.compile(r"\b(Siblings\s+[A-Z](?:\s+(?:and|&)\s+[A-Z])?(?![\w’'])"
                   r"|(?:Child|Baby|Family|Adult|Young Person|Sibling|Children)\s+[A-Z]{1,2}\d?)(?![\w])"
                   r"|the case of ['‘\"“]?(?!(?:Child|Baby|Family|Adult|Young|Sibling|Children)\s)([A-Z][a-z]+)\b"
                   r"|\b(Operation\s+[A-Z][a-z]+)(?=\s+(?:[Rr]eview|SAR|SCR|DHR)\b)")
# "Mr B", "Ms C": a review's subject named by a title and a letter (never "Mr B. Jones", "Mr J Smith"; a full
# stop after the letter only where the sentence ends, "following the death of Mr D."),
# only beside a review kind (like a first name) and kept out of _NAME, whose literal gate a word as
# short as "Mr" would open on every sentence
# (or in quotes, "relating to 'Mr K'", whose closing quote the first form's look-ahead refuses)
_TITLED_NAME = re.compile(r"\b((?:Mr|Mrs|Ms|Miss)\s+[A-Z])(?![\w’'-])(?!\.(?!\s*$|\s+[A-Z][a-z]*\b))"
                          r"(?![^\S\n]+[A-Z])"
                          r"|(?<=['‘\"“])((?:Mr|Mrs|Ms|Miss)\s+[A-Z])(?=['’\"”](?!\w))")
def _initial_before_surname(text: str, m: re.Match) -> bool:
    """"Mr B. Jones": the letter is an initial before a surname, not a case's letter; "Mr D. It reported"
    (a sentence's first word after the full stop) leaves "Mr D" a case name."""
    nxt = _AFTER_INITIAL.match(text, m.end())
    return nxt is not None and nxt.group(1) not in rules().stopwords


_QUOTED_CASE = re.compile(r"(?:\b(?:SAR|SCR|DHR|L?CSPR|[CA]PR)s?|\b[Rr]eview|\b(?:death|case|murder|killing)\s+of)"
                          # 'a Serious Case Review relating to "Baby Jay"': the review's subject after a preposition
                          r"(?:[^\S\n]+(?:relating[^\S\n]+to|in[^\S\n]+respect[^\S\n]+of|concerning|regarding|into))?"
                          r"[^\S\n]*['‘\"“]((?!(?:The|A|An|This)\b)[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+)?"
                          # 'SAR "Ms B and Ms C"', 'CSPR "Child L and Child M"': one review of two people, one name
                          r"|[A-Z][a-z]+[^\S\n][A-Z][a-z]*[^\S\n](?:and|&)[^\S\n][A-Z][a-z]+[^\S\n][A-Z][a-z]*)"
                          r"['’\"”](?!\w)")
_ORDINAL_OPENS = re.compile(r"[Tt]he\s+(?:first|second|third|fourth|fifth|other|latter|last|next)\b")
_AFTER_INITIAL = re.compile(r"\.\s+([A-Z][a-z]*)\b")
# "SAR007 – Maria" (a review's reference, then the name it goes by), "the individual, Peter,",
# "known as 'Ann'", 'reviews for "Ben" and "Sienna"' (a first name in quotes): a first name given
# to the subject of a review (a known first name, in a sentence naming a review kind)
_GIVEN_NAME = re.compile(r"\b(?:SAR|SCR|DHR|L?CSPR|[CA]PR)\s*-?\s*\d{1,4}(?:/\d{2,4})?\s*[–—:-]\s*([A-Z][a-z]{2,})\b"
                         r"|\b(?:individual|gentleman|lady|man|woman|resident|person|young (?:person|man|woman)|boy"
                         r"|girl),\s+([A-Z][a-z]{2,}),"
                         r"|\b(?:known|referred\s+to)(?:\s+in\s+(?:the|this)\s+(?:report|review))?\s+as\s+['‘\"“]?"
                         r"([A-Z][a-z]{2,})\b"
                         r"|['‘\"“]([A-Z][a-z]{2,})['’\"”]")
# "CPR CTMSB 2/2022", "APR WWSB 1/2019", "CYSUR 3/2018": a Welsh Child or Adult Practice Review named by
# its reference (the board's acronym and a number over a year), a case-review named so; read only in a
# sentence that says practice review (or CPR/APR), where a number over a year is no date or ratio
_PRACTICE_REF = re.compile(r"(?<![\w/])((?:[CA]PR\s+)?[A-Z][A-Z]{1,8}\s?\d{1,3}\s?/\s?(?:19|20)?\d\d)(?![\w/])"
                           r"|(?<![\w/])((?:[A-Z]{2,8}\s+)?[CA]PR\s?\d{1,3}\s?/\s?(?:19|20)?\d\d)(?![\w/])")
# (the board's acronym may lead the reference: "DRSB CPR 2/2023")
_PRACTICE_WORDS = re.compile(r"(?i)practice\s+reviews?|\b[CA]PRs?\b")
_PLURAL = re.compile(r"(?i)(?:reviews|SCRs|L?CSPRs|SARs|DHRs)$")
_NOT_A_REVIEW = re.compile(r"\s*(?:Panel|Regulations|and Relevant Agency|Act\b|Guidance)")
_SAR_CONTEXT = re.compile(r"(?i)\breview\b[^.]{0,80}\b(?:commissioned|undertaken|conducted)\s+by\s+the\s+"
                          r"(?:\w+\s+){0,3}(?:adults?\s+safeguarding|safeguarding\s+adults?)\s+board|"
                          r"\b(?:SAB|safeguarding adults board)\b[^.]{0,60}\bcommissioned\b[^.]{0,40}\breview\b|"
                          r"\b(?:adults?\s+safeguarding|safeguarding\s+adults?)\s+board\b[^.]{0,80}\b(?:conducts?|commissions?|undertakes?|carries\s+out)\s+(?:\w+\s+){0,2}reviews?\b")


# The kind of board a review of each kind belongs to: adults boards commission safeguarding adults
# reviews, children's partnerships practice reviews (serious case reviews before them), community
# safety partnerships domestic homicide reviews. A review is attached to a board of its own kind
# where the text names one (kg.extract.attach).
_BOARD_KIND_OF = {
    "safeguarding-adults-review": "safeguarding-adults",
    "serious-case-review": "safeguarding-children",
    "child-safeguarding-practice-review": "safeguarding-children",
    "rapid-review": "safeguarding-children",
    "domestic-homicide-review": "community-safety",
}


def board_kind(review_kind: str) -> str | None:
    """The kind of board a review of ``review_kind`` is commissioned by, when the kind says."""
    return _BOARD_KIND_OF.get(review_kind)


@dataclass(frozen=True)
class ReviewFact:
    kind: str
    name: str | None
    start: int  # the sentence
    end: int
    at: int = -1  # where the review itself is named
    year: str | None = None
    generic: bool = False  # a plural mention of the activity, not one review


_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\s+(?:\w+\s+)?$")
_PERIOD_END = re.compile(r"[-/–]\s*$")
_YEAR_AFTER = re.compile(r"\b(?:in|during)\s+(?:\w+\s+)?((?:19|20)\d{2})(?![\d/–-])")


def _year(sent: Sentence, pos: int) -> str | None:
    """The year the text gives for the review: right before its name ("the 2019 SCR") or
    "in 2019" shortly after it ("published in 2022"); not a period ("2016-17") or a report's."""
    at = pos - sent.start
    before = _YEAR_BEFORE.search(sent.text[max(0, at - 16):at])
    if before and not _PERIOD_END.search(sent.text[max(0, at - 16):at - len(before.group(0))]):
        return before.group(1)
    after = _YEAR_AFTER.search(sent.text[at:at + 90])
    return after.group(1) if after else None


_LEARNING_FROM = re.compile(r"(?i)\b(?:learning|lessons(?:\s+learned|\s+learnt)?)\s+from\s+(?:our\s+|the\s+)?\Z")
_BARE_TOPIC = re.compile(r"(?i)safeguard|case|learning|lessons|famil|child|key messages|experience")
_BARE_SCOPE = re.compile(r"(?i)\b(?:local|national|regional)\s+$")
# "three reviews were commissioned", "2 further reviews were completed": reviews counted and done, cases reviewed
_BARE_COUNT = re.compile(r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:new\s+|further\s+)?$")
# (and no topic of their own after them: "three reviews of the budget" are no case reviews)
_BARE_COUNT_AFTER = re.compile(r"\s*[.,;:)]|\s+(?:were|was|have|has|had|are|in|during|this|last|since|so)\b")
_BARE_DONE = re.compile(r"(?i)\b(?:commissioned|completed|published|undertaken|initiated|concluded|carried\s+out)\b")
_ANY_REVIEW = re.compile(r"(?i)review|\b(?:SCR|L?CSPR|SAR|DHR)s?\b|LeDeR")


def extract_reviews(sentences: tuple[Sentence, ...], text: str, person_names: set[str]) -> list[ReviewFact]:
    """One fact per kind of review the document names (per case name when it gives one)."""
    kind_hits: list[tuple[int, str, Sentence, bool]] = []  # (offset, kind, sentence, plural)
    if not scan.search(_ANY_REVIEW, text):  # tried at its words' places in the page, not at every character
        return []
    starts = [s.start for s in sentences]
    bare: list[tuple[int, Sentence]] = []  # a bare "reviews": the activity, as case-review
    # once over the whole text, then placed in its sentence; the kinds tried together where their
    # literals stand (kg.extract.alternatives: each kind's own matches, in the same order)
    for (kind, _), got in zip(_KIND_RE, _KINDS_JOINED.matches(text), strict=True):
        for m in got:
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.end() > sentences[i].end:
                continue
            sent = sentences[i]
            if _NOT_A_REVIEW.match(text, m.end()) or text[m.start() - 1:m.start()] in ("-", "/"):
                continue
            if kind == "case-review" and m.group().lower() == "reviews":
                if m.group() == "reviews" and (_BARE_TOPIC.search(sent.text)
                                               or _BARE_SCOPE.search(text[max(0, m.start() - 12):m.start()])
                                               or (_BARE_COUNT.search(text[max(0, m.start() - 16):m.start()])
                                                   and _BARE_COUNT_AFTER.match(text, m.end())
                                                   and _BARE_DONE.search(sent.text))):
                    bare.append((m.start(), sent))
                continue
            kind_hits.append((m.start(), kind, sent, bool(_PLURAL.search(m.group().strip()))))
    # only the sentences where one of a pattern's words stands are asked (the page's literal search)
    for si in gates.holding(gates.places(_SAR_CONTEXT, text), sentences, starts):
        sent = sentences[si]
        ctx = scan.search(_SAR_CONTEXT, sent.text, within=(text, sent.start)) if "review" in sent.text.lower() else None
        if ctx:  # placed at the adults board the sentence names, so that it is attached to it
            at = ctx.end() - 1 if ctx.group().lower().startswith("review") else ctx.start()
            kind_hits.append((sent.start + at, "safeguarding-adults-review", sent, False))
    specific = [(p, s) for p, k, s, _ in kind_hits if k != "case-review"]
    for pos, sent in bare:
        if any(s is sent for _, s in specific):
            continue  # "Safeguarding Adults Reviews ... the learning that national reviews provided"
        if text[max(0, pos - 4):pos].lower() == "the " and any(p < pos for p, _ in specific):
            continue  # "the reviews": the ones named before
        if specific and _LEARNING_FROM.search(text, max(0, pos - 30), pos):
            continue  # "learning from reviews" on a page that names its reviews' kinds: those reviews
        kind_hits.append((pos, "case-review", sent, True))
    kind_hits.sort(key=lambda h: h[0])
    out: dict[tuple[str, str | None], ReviewFact] = {}
    for pos, kind, sent, plural in kind_hits:
        fact = ReviewFact(kind, None, sent.start, sent.end, pos, _year(sent, pos), plural)
        old = out.get((kind, None))
        if old is None or (old.generic and not plural):  # one review of a kind is better evidence than the plural
            out[(kind, None)] = fact
    explicit = [k for _, k, _, _ in kind_hits if k != "case-review"]
    # Looked up per case name by position, not by scanning every hit (linear on long lists).
    kinds_named = [(p, k, s) for p, k, s, _ in kind_hits if k != "case-review"]
    kinds_pos = [p for p, _, _ in kinds_named]
    first_in: dict[int, str] = {}
    given = rules().first_names  # "SCR 2 - Serious concerns": only a known first name is a case name
    for _, k, s in kinds_named:
        first_in.setdefault(id(s), k)
    # "The SAR Panel ... commissioned two reviews, "Harold" and "Ms P"": a sentence that says only "reviews"
    # names cases of the kind named last before it, close by (the one kind of the page, or of its section)
    if kinds_named:
        # (only the sentences where a review word stands: the page's literal search, as at the top)
        for si in gates.holding(gates.places(_ANY_REVIEW, text), sentences, starts):
            s = sentences[si]
            if id(s) not in first_in and "review" in s.text.lower():
                before = bisect_left(kinds_pos, s.start) - 1
                if before >= 0 and s.start - kinds_pos[before] <= 600:
                    first_in[id(s)] = kinds_named[before][1]
                elif len(set(explicit)) == 1:
                    first_in[id(s)] = explicit[0]
    name_at = gates.places(_NAME, text)
    with_name = gates.holding(name_at, sentences, starts)
    visit = sorted(set(with_name) | {i for i in gates.holding(gates.places(_GIVEN_NAME, text), sentences, starts)
                                 if id(sentences[i]) in first_in}
                   | {bisect_left(starts, s.start) for _, _, s in kinds_named if _TITLED_NAME.search(s.text)}
                   ) if first_in else with_name
    if kinds_named:
        # "Two Safeguarding Adults Reviews had been completed. The first, concerning "Mr B", ... The second,
        # "Mr T", ...": the sentences that go through the reviews one by one name cases of the kind before
        for si in gates.holding(gates.places(_ORDINAL_OPENS, text), sentences, starts):
            s = sentences[si]
            before = bisect_left(kinds_pos, s.start) - 1
            if id(s) not in first_in and before >= 0 and s.start - kinds_pos[before] <= 400 \
                    and _ORDINAL_OPENS.match(s.text) is not None:
                first_in[id(s)] = kinds_named[before][1]
                visit = sorted(set(visit) | {si})
    stop = rules().stopwords  # 'the review "Working Together"': a title's words, no case's name
    quoted = [(m.start(1), m.group(1)) for m in _QUOTED_CASE.finditer(text)
              if not any(w in stop for w in m.group(1).split()[1:] or m.group(1).split())] if kinds_named else []
    for si in visit:  # the sentences holding a case name's words, in order
        sent = sentences[si]
        named_here = gates.may_match(name_at, sent.start, sent.end)
        here = (text, sent.start)  # the sentence's place in the page: its literals are looked up there
        found = [(m.start(), m.group(1) or m.group(2) or m.group(3))
                 for m in scan.finditer(_NAME, sent.text, within=here)] if named_here else []
        if id(sent) in first_in:  # a first name is a case name only beside a review kind
            found += [(m.start(m.lastindex or 0), m.group(m.lastindex or 0))
                      for m in scan.finditer(_GIVEN_NAME, sent.text, within=here) if m.group(m.lastindex or 0) in given]
            found += [(m.start(), m.group(1) or m.group(2)) for m in _TITLED_NAME.finditer(sent.text)
                      if not _initial_before_surname(sent.text, m)]
        # 'the Local Child Safeguarding Practice Review "Jayden"', 'DHR "Mariana"': a quoted name right after a
        # kind (any name: the page's own name for the case, known first name or not)
        pairs = [(at - sent.start, at - sent.start + len(name)) for at, name in quoted
                 if sent.start <= at < sent.end and (" and " in name or " & " in name)]
        if pairs:  # (each person of a quoted pair is no review of their own)
            found = [(a, n) for a, n in found if not any(lo <= a < hi for lo, hi in pairs)]
        found += [(at - sent.start, name) for at, name in quoted if sent.start <= at < sent.end]
        for m_start, name in found:
            if name in person_names:
                continue
            pos = sent.start + m_start
            i = bisect_left(kinds_pos, pos)  # kinds_named[:i] before pos, kinds_named[i:] at or after it
            if i > 0 and kinds_named[i - 1][2] is sent:
                kind = kinds_named[i - 1][1]  # "a SAR into Adult C and a CSPR into Child D": the kind just before
            elif id(sent) in first_in:
                kind = first_in[id(sent)]
            elif i > 0:
                kind = kinds_named[i - 1][1]
            elif len(set(explicit)) == 1:
                kind = explicit[0]
            elif i < len(kinds_named):
                kind = kinds_named[i][1]
            else:
                kind = "case-review"
            out.setdefault((kind, name), ReviewFact(kind, name, sent.start, sent.end, pos, _year(sent, pos)))
    if "/" in text and ("PR" in text or "ractice" in text or "RACTICE" in text):  # the words every reference needs
        # read in the sentences that hold a number over a number and say practice review (or CPR/APR):
        # the reference's pattern opens with no literal and would be tried at every character of the page
        for si in gates.holding(gates.places(_PRACTICE_WORDS, text), sentences, starts):
            sent = sentences[si]
            st = sent.text
            if "/" not in st or not _PRACTICE_WORDS.search(st):
                continue
            for m in _PRACTICE_REF.finditer(st):
                name, at = " ".join((m.group(1) or m.group(2)).split()), sent.start + m.start()
                out.setdefault(("case-review", name), ReviewFact("case-review", name, sent.start, sent.end, at,
                                                                 _year(sent, at)))
    named = {(r.kind, r.start) for r in out.values() if r.name}
    # "A review into the case of Child T": the unnamed mention is that same review
    kept = [r for r in out.values() if r.name or r.generic or (r.kind, r.start) not in named]
    return sorted(kept, key=lambda r: (r.start, r.kind, r.name or ""))
