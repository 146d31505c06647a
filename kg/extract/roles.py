"""Posts held by people, and which of them are chairs of boards.

Minutes name a post next to the person: "Lara Patel, Deputy Director of Children's
Services", "Chris Penrose (Independent Chair of the LSCB)", "the Independent Chair of the
Board, Derek Benson", "The new independent Chair of the WSCB (Gill Ryle)". The title's
organisation is whatever board or body the title itself names; "the Board", "its" or a
bare "Independent Chair" mean the document's main board, but never when the title names
another body. Layouts count as much as sentences: "Ann Lee (AL) - Chair" in a board's own
attendance list, "Cllr Ben Ray, Eastvale Council (Chair)", a name glued to its title column.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract import scan
from kg.extract.orgs import OrgCluster, OrgMention, fold_words, own_board
from kg.extract.partners import joint_boards
from kg.extract.people import PersonMention
from kg.extract.rules import Rules, derived
from kg.extract.text import BRACKETED, Sentence, fold, sentence_start
from kg.ns import BOARD_KINDS, SAFEGUARDING_KINDS

# Words that qualify a post in time ("the outgoing Independent Chair", "our former Chair").
_TIME = (r"(?:new|first|last|former|outgoing|incoming|current|interim|acting|previous|retiring|retired|departing|"
         r"existing|then|permanent|substantive|joint|independent|neighbouring|neighboring|adjoining)")
# a whole word only: "former" must never be read as "for" + "mer"
_TITLE_WORD = r"(?<![\w’'&-])(?:[A-Z][\w’'&-]*|of|for|and|&|the|both|in|on|to|at|with|" + _TIME[3:-1] + r")(?![\w’'&-])"
_TITLE_RUN = re.compile(r"(?:(?:the|The|a|your|our|its|their|as\s+(?:a|the|its|our))\s+|who\s+is\s+(?:the\s+)?)?"
                        r"(" + _TITLE_WORD + r"(?:[^\S\t]+" + _TITLE_WORD + r")*)")
# (a title never runs across a tab: a tab is a table's cell edge, "Ann Lee<TAB>Director<TAB>Eastvale Council")
# The rest of a portfolio listed after a title ("... for Children, Education and Young People's Services"):
# capitalised items joined by commas and a final "and", ending where the apposition ends.
_PORTFOLIO_TAIL = re.compile(r"((?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})*,?\s+(?:and|&)\s+[A-Z][\w’'-]*"
                             r"(?:\s+(?:[A-Z][\w’'-]*|of|for|and|&)){0,5}?(?:\s+[A-Z][\w’'-]*)?)(?=\s*(?:[,;(]|$))")
# "Colin Ferris, the council's head of adult safeguarding,": a post written in lower case (a
# co-chair chairs the board, as "Co-Chair of" and "co-chaired by" say; a vice-chair does not)
_LOWER_TITLE = re.compile(r"(?:the\s+|a\s+|our\s+)?((?:(?!the\s)[\w’']+\s+){0,3}?"
                          r"(?:head|director|manager|officer|lead|(?:co-)?chairs?|chairman|chairwoman|"
                          r"member|adviser|advisor|leader|commissioner|scrutineer|nurse|coordinator|co-ordinator)"
                          r"(?:\s+(?:of|for)\s+[\w’' &-]{1,60}?)?)"
                          r"(?=\s*(?:[,.;:()]|\s(?:who|and|said|explained|attended|presented)\b|$))")
_GENERIC_REF = re.compile(r"\b(?:[Tt]he|its|this|[Oo]ur)\s+(?:new\s+)?(?:Board|Partnership|board|partnership)\b|\bits\b"
                          r"|(?:^|\b[Tt]he\s+)(?:Board|Partnership)['’]s\s"
                          # "The former Board's Independent Chair": the old board (``_by_head_word``)
                          r"|(?:^|\b[Tt]he\s+)(?:former|previous|old)\s+(?:Board|Partnership)['’]s\s")
# "the adults' board", "the children's safeguarding partnership": a board named by whom it serves, in
# lower case; it stands for the page's one board of that kind (kinds in kg.ns)
_AUDIENCE_REF = re.compile(r"\b(?:the|its|our)\s+(?:(?:local|statutory|safeguarding)\s+)*"
                           r"(?:(?P<adults>adults?['’]?s?|adult['’]s)|(?P<children>children['’]?s?|child['’]?s?))\s+"
                           r"(?:safeguarding\s+)?(?:board|partnership)\b")
_AUDIENCE_ANY = re.compile(_AUDIENCE_REF.pattern, re.I)  # the same in any case, as a subject: "the Children's Board"
_POSSESSIVE_PLACE = re.compile(r"^\s*(?:the\s+)?([A-Z][\w -]+?)['’]s\s")


@dataclass(frozen=True)
class RoleFact:
    person: int  # person cluster index
    title: str
    org: int | None  # org cluster index, or None
    chair: bool
    start: int  # of the sentence used as evidence
    end: int
    by: str = "rule:roles"
    confidence: float = 0.94  # the precision of the rules' chairs on the development set (149 documents)


def _honorific_tail(rules: Rules) -> re.Pattern:
    """An honorific right before a name ("..., Mr John Smith"), compiled once per Rules."""
    return derived(rules, _make_honorific_tail)


def _make_honorific_tail(rules: Rules) -> re.Pattern:
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in rules.honorifics) + r")\.?\s*$")


def _without_honorific_tail(text: str, rules: Rules) -> str:
    """``_honorific_tail(rules).sub("", text)``, with the pattern run only when ``text`` ends as a
    match must: an honorific, then at most a full stop and spaces. The pattern has no literal to
    start from, so it is tried at every character; it was asked for every person's left context."""
    bare = text.rstrip()
    words = tuple(rules.honorifics)
    if bare.endswith(words) or (bare.endswith(".") and bare[:-1].endswith(words)):
        return _honorific_tail(rules).sub("", text)
    return text


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


_DANGLING_TAIL = re.compile(r"(?:\s+(?:and|of|for|the|both|&|in|on|to|at|with|[A-Z]))+$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|a|as a|as the|its|Its|our|Our|their|Their)\s+")
# "Independent Chair of the Eastvale SAB in December and ...": a time after the post is not part of it
_TIME_TAIL = re.compile(r"\s+(?:in|from|since|until|during)\s+(?:(?:January|February|March|April|May|June|July"
                        r"|August|September|October|November|December)\b|(?:19|20)\d\d\b|the\s+year\b).*$")
_CONTACT_FIELD = re.compile(r"\s+(?:Tel|Telephone|Email|E-mail|Phone)\b")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _trim_title(title: str) -> str:
    """A title without its spacing, contact fields, dangling words and article. Memoised: pure, asked
    for the same few titles on every page, and its end-anchored _DANGLING_TAIL is tried at every
    character of the title."""
    title = _SPACES.sub(" ", title).strip(" ,;:")
    title = _CONTACT_FIELD.split(title)[0]
    if " in " in title or " from " in title or " since " in title or " until " in title or " during " in title:
        title = _TIME_TAIL.sub("", title)
    title = _DANGLING_TAIL.sub("", title)  # also a P/A mark
    return _LEADING_ARTICLE.sub("", title)


_APPOINTED_TO = re.compile(r"\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+appointed\s+to\s+the\s+((?:(?i:"
                           + _TIME + r")\s+){0,2}(?i:chair|chairman|chairperson|scrutineer)"
                           r"(?:\s+and\s+(?i:scrutineer|chair))?)\s+(?:post|role|position)\b")
"""'Ann Lee was appointed to the new independent chair and scrutineer post'."""
_TABLE_CHAIR = re.compile(r"[^\S\n]+(?=(?:(?i:" + _TIME + r")[^\S\n]+){0,2}"
                          r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer)\b(?![^\S\n]*[-–—:(]))")
"""A flattened table's title column after a name: a chair's title with no dash or colon before it."""
_INITIALS_THEN_CHAIR = re.compile(r"[^\S\n]*\([A-Z][A-Za-z’']{0,3}\)[^\S\n]+(?=(?:[A-Z]{2,6}[^\S\n]+)?(?:(?i:" + _TIME
                                  + r")[^\S\n]+){0,2}(?:Co-)?"
                                  r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer|Convenor)\b)")
"""'Ann Lee (AL) Independent Chair', 'Ann Lee (AL) LSCB Independent Chair', 'Ann Lee (AL) Independent
Scrutineer': the initials, then a chair's title with no dash (its board's acronym may open it)."""
_AS_TITLE = re.compile(r"\s+as\s+(?:(?:its|the|their|our)\s+)?(?=(?:(?i:" + _TIME + r")\s+){0,2}[A-Z])")
"""'appointed Ann Lee as its Independent Chair': the title after 'as'."""
_APPOSITION_AS_TITLE = re.compile(r"\s*,[^.;:()\n]{2,220}?,?\s+as\s+(?:(?:its|the|their|our)\s+)?"
                                  r"(?=(?:(?i:" + _TIME + r")\s+){0,2}[A-Z])")


_ALSO_POST = re.compile(r"[^\S\n]+Also[^\S\n]+(?=(?:(?i:" + _TIME + r")[^\S\n]+){0,2}(?:Co-)?"
                        r"(?:Chair|Chairman|Scrutineer)\b)")
"""' Also ' opening a second chair's post inside a title run (a table cell of two lines flattened)."""
_SECOND_POST = re.compile(r"\s{0,3}\((?:and|also|and\s+also|as\s+well\s+as|plus)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?")
"""'Ann Lee - Director of Public Health (and Chair of the Eastvale CSP)': a second post in brackets."""
_CHAIR_BRACKET = re.compile(r"[^\S\n]{0,3}\(((?:Co-|Joint[^\S\n]+|Independent[^\S\n]+|Interim[^\S\n]+)?"
                            r"(?:Chair|Chairman|Chairperson)[^\S\n]*,[^\S\n]*(?:the[^\S\n]+)?[A-Z][^()\n,;]{2,100}?)\)")
"""'(Co-Chair, Safer Eastvale Partnership)' after a title: the chair of the body it names."""


_CLOSE_BRACKET = re.compile(r"[^\S\n]*\)")


def _second_post(st: str, end: int, base: int, rules: Rules) -> list[tuple[str, int, int]]:
    """The post a bracket after a title adds ("(and Chair of the X)", "(also Independent Chair of Y)",
    "Cabinet Member for Safer Communities (Co-Chair, Safer Eastvale Partnership)")."""
    m = _SECOND_POST.match(st, end)
    if not m:
        cm = _CHAIR_BRACKET.match(st, end)
        if cm:
            return [(_trim_title(cm.group(1)), base + cm.start(1), base + cm.end(1))]
        return []
    tm = _TITLE_RUN.match(st, m.end())
    if tm and rules.role_heads.search(tm.group(1)) and _CLOSE_BRACKET.match(st[tm.end(1):]):
        return [(_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1))]
    return []


_LOWER_BARE_CHAIR = re.compile(r"(?:(?:the|its|our)\s+)?((?:(?:" + _TIME + r")\s+){0,2}"
                               r"(?:chair|chairman|chairperson|chairwoman))\b(?![\w’'-]|\s+(?:of|for)\b)")
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|its|our)\s+)?$")
_LOWER_CHAIR_OF = re.compile(r"(?:(?:the|its|our)\s+)?(?:(?i:" + _TIME + r")\s+){0,2}"
                             r"(?:chair|chairman|chairperson|chairwoman)\s+(?:of|for)\s")
_POSSESSIVE_POST_WORD = (r"(?:(?i:" + _TIME + r")\s+){0,2}"
                         r"(?:chair|chairman|chairperson|chairwoman|scrutineer|convenor|Chair|Chairman|Scrutineer|Convenor)")
_POSSESSIVE_POST = re.compile(r"(?:the\s+)?(?:((?:[A-Z][\w’'&-]*\s+){0,8}[A-Z][\w’'&-]*['’]s\s+" + _POSSESSIVE_POST_WORD
                              + r")|(?:[Bb]oard|[Pp]artnership)['’]s\s+(?:first\s+)?(" + _POSSESSIVE_POST_WORD
                              + r"))\b")
"""'the Eastvale SAB's independent scrutineer' (the board's possessive kept in the title), 'the
partnership's Independent Scrutineer' (the generic board's: the post alone is the title)."""


_WRAP_TAIL = re.compile(r"(?:[,–-]|\b(?:of|the|for|and|&|to|in|on|at|with|an?|its|our|their|as|was|is|by|"
                        r"[Ii]ndependent|[Ii]nterim|[Ff]ormer|[Nn]ew|[Cc]urrent|[Oo]utgoing|[Aa]cting))[^\S\n]*\Z")


_LOWER_NEXT = re.compile(r"[^\S\n]*[a-z]")


def _wrapped_end(text: str, end: int) -> int:
    """Where a sentence ends when its line was wrapped mid-phrase ("Ann Lee, Independent\nChair of the
    ...", "Chair of the\nEastvale SAB"): the end of the next line; else ``end``. Sentences never cross
    a line break, so a title broken by a PDF's line wrap is read on here, for titles only."""
    if not text.startswith("\n", end) or text.startswith("\n\n", end):
        return end
    nxt = text.find("\n", end + 1)
    nxt = len(text) if nxt < 0 else nxt
    if _WRAP_TAIL.search(text, max(0, end - 20), end) or _LOWER_NEXT.match(text[end + 1:end + 4]):
        return min(nxt, end + 300)
    return end


_LOWER_FIRST = re.compile(r"[a-z]")


def _wrapped_start(text: str, start: int) -> int:
    """Where a sentence starts when the line before it was wrapped mid-phrase (as ``_wrapped_end``)."""
    if start < 2 or text[start - 1] != "\n" or text[start - 2] == "\n":
        return start
    prev = text.rfind("\n", 0, start - 1) + 1
    if _WRAP_TAIL.search(text, max(prev, start - 21), start - 1) or _LOWER_FIRST.match(text[start:start + 1]):
        return max(prev, start - 300)
    return start


_ORG_THEN_CHAIR = re.compile(r"(?:[^\S\n]*[-–—,·|][^\S\n]*|[^\S\n]+)(?:(?:[A-Z][\w’'&./-]*|of|and|for|the|&)[^\S\n]*,?"
                             r"[^\S\n]*){1,8}\(((?:[Ii]n\s+the\s+)?(?:Co-|Joint\s+)?(?:Chair|Chairman|Chairperson|Chairwoman))\)")
"""'Cllr Ben Ray, Eastvale Council (Chair)': words, then the chair's title in brackets."""


# Patterns anchored at the end of the text before a name: each is tried only when that text ends
# the way it must (a comma, a colon...), since a search tries every position of it first.
_TITLE_BEFORE = re.compile(r"(" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r")*)\s*(?:\([A-Z][A-Za-z&]{1,7}\)\s*(?=,))?"
                           r"(?:,|\()\s*$")
"""'the Independent Chair of the Board, Ann Lee': a title, then a comma or bracket."""
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:its|our)|\b[Tt]he\s+(?:Board|Partnership|board|partnership)['’]s"
                                r"|\b(?:[Tt]he|[Aa]n)(?=\s+(?:\w+\s+)?independent\s)"
                                # "The Eastvale SAB has an independent chair, Ann Lee", "supported by an independent"
                                r"|\b(?:has|had|have|appointed|by|with)\s+(?:an?|its\s+own)(?=\s+(?:\w+\s+)?independent\s))\s+"
                                r"((?:(?i:" + _TIME + r")\s+){0,2}(?:chair|chairman|chairperson|chairwoman|scrutineer))"
                                r"(?:\s*,\s*|[^\S\n]+)$")
"""'the Board's former independent chair, Ann Lee'; 'The independent scrutineer, Ann Lee', 'The SAB has an
independent chair, Ann Lee' (an independent post is a board's: a bare 'the chair, Cllr Ray' may be a
committee's); also without the comma ('the Board's independent chair Ann Lee has written')."""
_FIELD_BEFORE = re.compile(r"(?:^|\n|[:;|])[^\S\n]*(Chair|Chairman|Chairperson"
                           r"|Independent Chair(?:\s+and\s+Scrutineer)?"
                           r"|Contact|Lead|(?:Meeting\s+)?[Cc]haired\s+by|CHAIR(?:MAN|PERSON)?|CHAIRED\s+BY"
                           # a Welsh board's bilingual field: "Chair / Cadeirydd: Ann Lee"
                           r"|Chair[^\S\n]*/[^\S\n]*Cadeirydd|Cadeirydd(?:[^\S\n]*/[^\S\n]*Chair)?"
                           r"|(?:Independent\s+|Co-)?(?:Chair|Chairman|Chairperson)s?\s+(?:of|for)\s+(?:the\s+)?"
                           r"[A-Z][^\n:;,.()]{2,100}?)"
                           r"[^\S\n]*(?::|[-–—|]|(?<=by)|(?<=BY))[^\S\n]*$")
"""A header field: 'Chair: Ann Lee', 'Chaired by Ann Lee', 'Independent Chair of the Eastvale SAB: Ann Lee',
also a header table's row ('| Chaired by | Ann Lee |'; the field names the board)."""
_CO_CHAIRS_FIELD = re.compile(r"(?:^|[^\w-])((?i:co-chairs?|co-chairpersons?|joint\s+chairs))"
                              r"(?:\s+for\s+(?:19|20)\d\d(?:[-/–](?:19|20)?\d\d)?)?"
                              # ("Co-chairs (the partners' delegates): ...": a note on the label)
                              r"(?:[^\S\n]*\([^()\n]{1,60}\))?"
                              r"(?:\s+(?:are|were|will\s+be|had\s+been|have\s+been)\s*[:–—-]?|\s*(?:[:–—-]|(?<=s),))"
                              # (a semicolon parts the list's items, but not a next field: "; Vice-Chair: Tom Rees")
                              r"\s*(?:(?:(?!\n[^\S\n]*\n|\.\s)(?:[^;]|;(?![^;:\n]{0,40}:)))*?(?:,|;|\band\b|&)\s*"
                              r"(?:[A-Z][a-z]*\.?\s+){0,4})?\Z")
"""A list of co-chairs after its label, each of them: 'Co-Chairs: Cllr Ann Lee (Council) and DCI Tom Bell
(Police)', 'The partnership has two co-chairs: Councillor Ann Lee, Cabinet Member for Communities, and Chief
Superintendent Tom Bell' (a rank before a later name; never past a paragraph or a sentence's end)."""
_LIST_CLOSED = re.compile(r"\band\b[^;\n]*;")
_HAS_CO_CHAIRS = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(?:[Bb]oard|[Pp]artnership)\s+(?:has|have|had)\s+"
                            r"(?:(?:two|three|joint)\s+)?\Z"
                            # "presented by the partnership's co-chairs, Ann Lee (...) and Tom Rees (...)": its owner
                            r"|\b(?:[Tt]he|[Oo]ur)\s+(?:[Bb]oard|[Pp]artnership)['’]s\s+(?:(?:two|three|joint)\s+)?\Z")
_THE_BOARD_OPENS = re.compile(r"\s*(?:[Tt]he|[Oo]ur)\s+(?:[Bb]oard|[Pp]artnership)\s+(?:is|was|are|were|has|had)\b")
_THE_TITLE_DASH = re.compile(r"(?:^|[.:;]\s+|\n)(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD
                             + r")*)[^\S\n]+[-–—][^\S\n]+$")
"""'The current Chair of the SAB - Ann Lee - attended': a dash only after a title that opens with 'the'
(a flattened 'Name - Title - Name' row is no apposition)."""
_THE_TITLE_THEN_NAME = re.compile(r"(?:^|[.:;]\s+|\n)(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(" + _TITLE_WORD + r"(?:\s+"
                                  + _TITLE_WORD + r")*\s+(?:of|for)\s+" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD
                                  + r")*)[^\S\n]+$")
"""'The former Independent Chair of the Eastvale SAB Ann Lee presented': a post naming its body, opening
the sentence with 'the', and the name straight after it (no comma)."""
_ACRONYM_POST_BEFORE = re.compile(r"\b[Tt]he\s+([A-Z]{2,6}(?:['’]s)?\s+(?:(?i:" + _TIME + r")\s+){0,2}"
                                  r"(?:chair|chairman|chairperson|chairwoman|scrutineer))(?:\s*,\s*|[^\S\n]+)$")
"""'The LSCB chair, Ann Lee': a board's acronym before a post in lower case (the title keeps the acronym,
so that an acronym that is no board's makes no bare post)."""
_THE_TIMED_CHAIR_BEFORE = re.compile(r"(?:^|[.;:]\s+|\n)[Tt]he\s+((?:previous|former|outgoing|new|interim|acting|"
                                     r"incoming|retiring)\s+(?:chair|chairman|chairperson|chairwoman))\s*,\s*$"
                                     # "the Eastvale Children's Trust, whose chair, Councillor Ann Lee, has been
                                     # briefed": the body before "whose" (extract_roles)
                                     r"|,?\s*\bwhose\s+((?:(?:independent|new|current|interim)\s+)?"
                                     r"(?:chair|chairman|chairperson|chairwoman))\s*,\s*$")
_LOWER_POST_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(?:(?:two|three|four|both)\s+)?"
                                r"((?:(?i:" + _TIME + r")\s+){0,2}"
                                r"(?:chair|chairman|chairperson|chairwoman|scrutineer|co-chairs?|joint\s+chairs)"
                                r"\s+(?:of|for)\s+(?:the\s+)?"
                                r"[A-Z][\w’'&-]*(?:\s+" + _TITLE_WORD + r")*)\s*(?:\([A-Z]{2,8}\)\s*)?,\s*$")
"""'the previous chair of the Eastvale SAB, Ann Lee': the post in lower case, naming its body ('the two co-chairs of
the RSPP, Ann Lee (...) and Tom Rees': a plural post, every joined person's)."""
_TITLE_RIGHT_BEFORE = re.compile(r"(?<![\w’'-])((?:(?i:" + _TIME + r")\s+){0,2}"
                                 r"(?:[Ii]ndependent\s+)?(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer))"
                                 r"[^\S\n]*[:|]?[^\S\n]+$")
"""'Current Chair Ann Lee': the title right before the name (or its cell: '| Independent Chair | Ann Lee |')."""


def _chair_in_brackets(after: str) -> bool:
    """Whether ``_ORG_THEN_CHAIR`` can match at all: its bracket opens on a chair's title or "in".
    Checked first because the pattern backtracks over every way of splitting capitals into
    words ("NSCB" as N, S, C, B) before it fails, and it fails after almost every name."""
    return "(Chair" in after or "(In" in after or "(in" in after or "(Co-Chair" in after or "(Joint Chair" in after


_HONOURS = r"(?:\s+(?:OBE|MBE|CBE|QPM|KC|QC|JP|DBE|KBE|PhD|FRCP|FRCPCH))+"
# (also a photograph's caption mark: "Ann Lee (pictured), Independent Chair of ...")
_POSTNOMINALS = re.compile(r"['’]s|" + _HONOURS
                           + r"|[^\S\n]*\((?:pictured|photographed|left|right|above|below|centre)\)")
_ONLY_HONOURS = re.compile(r"(?:" + _HONOURS + r")?[^\S\n]*")
"""A signature's name line may end in honours ("Ann Lee OBE" over "Independent Chair")."""
_SPACE_GAP = re.compile(r"[^\S\n]+")
_INITIALS_BEFORE_MARK = re.compile(r"[^\S\n]*\([A-Z][A-Za-z’']{0,3}\)(?=[^\S\n]*[-–—(,])")
_COLUMN_SEP = re.compile(r"[^\S\n]*[-–—|][^\S\n]*|:[^\S\n]+(?=(?:(?:the|an?)[^\S\n]+)?[A-Z])")
_OPEN_BRACKET = re.compile(r"\s*\(")
_COMMA = re.compile(r"\s*,\s*")
# a reporting verb right after a title: the title opens the next clause, no apposition to the name before it
CLAUSE_VERB_AFTER = re.compile(r"[^\S\n]+(?:said|confirmed|explained|noted|reported|added|stated|agreed|replied"
                                r"|responded|advised|highlighted|outlined|presented|thanked|welcomed|informed|assured"
                                r"|acknowledged|commented|emphasised|emphasized|stressed|asked|told|introduced)\b")
_THIRD_LINE = re.compile(r"[^\S\n]*\n[^\S\n]*([^\n]{3,160})")
_WHICH_SHE_CHAIRS = re.compile(r"(?:\s*\([A-Z]{2,8}\))?,?\s+which\s+(?:she|he)\s+"
                               r"(?:had\s+|has\s+|currently\s+|also\s+)*"
                               r"(?:co-)?chair(?:s|ed)\b")
_AGENCY_BRACKET = re.compile(r"[^\S\n]*\((?![^()\n]*(?i:chair|scrutineer|convenor))[^()\n]{1,40}\)")
_OF_AGENCY = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,4}(?:Police|Constabulary|Council|Trust|ICB|CCG"
                        r"|Board|Service|Services)\b")
_VERB_TO_POST = re.compile(
    r",?\s+(?:(?:who\s+)?(?:(?:has|had)\s+)?(?:became|become"
    r"|joined(?:\s+the\s+(?:Board|Partnership))?\s+as|took\s+over\s+as|taken\s+over\s+as|stepped\s+in\s+as|started\s+as|began\s+as"
    r"|(?:been\s+)?(?:appointed|elected|confirmed)\s+as|served\s+as|acted\s+as|acts\s+as"
    # "Ann Lee will act as Interim Independent Chair from 1 February"
    r"|(?:will|would|is\s+to|to)\s+act\s+as"
    r"|(?:is\s+|was\s+|has\s+been\s+|had\s+been\s+)?acting\s+as|as"
    # "Ann Lee will step down as Chair", "thanked Ann Lee for her work as Chair", "Ann Lee's term as"
    r"|(?:will\s+|is\s+to\s+|to\s+|(?:would|will)\s+be\s+|(?:is|was)\s+)?(?:step|steps|stepping|stand|stands"
    r"|standing|stepped|stood)\s+down\s+as"
    r"|for\s+(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:work|time|service|contribution|leadership)\s+as"
    r"|(?:term|time|tenure)\s+(?:of\s+office\s+)?as"
    # "Ann Lee succeeded Tom Bell as Chair": the subject holds the post now
    r"|(?:has\s+|will\s+|is\s+to\s+)?(?:succeeded|succeeds|succeed|replaced|replaces|replace)\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}as)\s+"
    r"|(?:who\s+)?(?:was|is|has\s+(?:recently\s+|just\s+)?been|had\s+(?:recently\s+|just\s+)?been|became|becomes"
    r"|remains|remained|will\s+be|would\s+be|"
    r"(?:and\s+)?(?:I\s+am|I['’]m|I\s+was|I\s+have\s+been))\s+(?:also\s+|now\s+|currently\s+|still\s+)?"
    r"(?:(?:\w+\s+)?(?:elected|appointed|re-elected|confirmed)\s+(?:as\s+)?)?"
    # "Dr Ann Lee has agreed to be the first Chair of the WVSCB"
    r"|(?:has\s+|had\s+)?agreed\s+to\s+(?:be|become|act\s+as|serve\s+as)\s+"
    # "Ann Lee to keep the role as Chair", "Ann Lee will continue as Chair"
    r"|(?:to|will|would|should|agreed\s+to)\s+(?:continue|remain|stay\s+on|(?:keep|retain)\s+"
    r"(?:the|her|his|their)\s+(?:role|post|position))\s+as\s+"
    # "Ann Lee continues as Independent Chair", "Ann Lee holds the post of Independent Chair"
    r"|(?:continues|continued|remains|remained|stays\s+on|stayed\s+on)\s+as\s+"
    # "Dr Ann Lee continued in the role of Independent Scrutineer"
    r"|(?:continues|continued|remains|remained)\s+in\s+(?:the|her|his|their)\s+(?:role|post|position)\s+(?:of|as)\s+"
    r"|(?:holds|held|has\s+held|had\s+held)\s+the\s+(?:role|post|position)\s+of\s+"
    # "welcomed Ann Lee to the role of Independent Chair", "appointed Ann Lee to the post of Chair"
    r"|to\s+(?:the|her|his|their)\s+(?:new\s+)?(?:role|post|position)\s+(?:of|as)\s+"
    # "Ann Lee took up the post of Independent Chair", "Ann Lee has taken on the role of Chair"
    r"|(?:who\s+)?(?:has\s+|had\s+|will\s+|is\s+to\s+|to\s+)?(?:took|taken|take|takes|taking|assumed|assumes|assume"
    r"|stepped\s+into|was\s+given)\s+"
    r"(?:up\s+|on\s+|over\s+)?the\s+(?:role|post|position)\s+of\s+"
    # "Ann Lee stepped down from the role of Independent Chair" ("Former Chair" counts, ANNOTATION.md)
    r"|(?:who\s+)?(?:has\s+|had\s+)?(?:stood|stepped)\s+down\s+from\s+(?:the|her|his|their)\s+"
    r"(?:role|post|position)\s+of\s+)")
# a chair who changed during the year: the successor takes the post the one before left
# ("Ann Lee stood down as Independent Chair in June; Tom Rees took over", "... and was replaced by Tom Rees")
_LEFT_POST = re.compile(r"\b(?:(?:stood|stepped)\s+down\s+(?:as\s+(?:(?:the|its|our)\s+)?"
                        r"|from\s+(?:the\s+)?(?:role|post|position)\s+of\s+(?:the\s+)?)"
                        r"|[Oo]utgoing\s+|[Rr]etiring\s+|[Dd]eparting\s+)(?=[A-Z])")
_REPLACED_BY = re.compile(r"\b(?:(?:was|has\s+been|had\s+been|being)\s+(?:replaced|succeeded)\s+by"
                          r"|handed\s+over\s+to)\s+$")
_TOOK_OVER = re.compile(r"\s+(?:(?:has|had)\s+)?(?:took|taken|takes|taking)\s+over\b(?!\s+(?:as|the)\b)"
                        r"|\s+(?:succeeded|replaced)\s+(?:her|him|them)\b"
                        # "Y had been appointed in her place", "Y was appointed as his successor"
                        r"|\s+(?:(?:was|has\s+been|had\s+been|is|will\s+be)\s+)?(?:appointed|elected|named)\s+"
                        r"(?:in\s+(?:her|his|their)\s+place|as\s+(?:her|his|their)\s+successor"
                        r"|to\s+succeed\s+(?:her|him|them))\b")
# "The role of Independent Chair is held by Ann Lee": the post, then the name after "held by"
_POST_OF = re.compile(r"\b(?:role|post|position)\s+of\s+(?:the\s+)?(?=[A-Z])")
_HELD_BY = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|currently\s+|still\s+)?"
                      r"(?:held|filled)\s+by\s+\Z")
_GLUED_CAPITAL = re.compile(r"[A-Z][a-z]")
_NEXT_LINE = re.compile(r"\n(?:[^\S\n]*\n)?[^\S\n]*([^\n]{3,160})")  # (a blank line may part name and title)
_PREV_LINE = re.compile(r"(?:^|\n)[^\S\n]*([^\n]{3,120}?)[^\S\n]*\n[^\S\n]*$")
_APPOINTING_VERB = re.compile(r"\b(?:appointed|elected|re-elected|confirmed|welcomed)\s+$")
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][a-z][\w’'-]*,\s*$")
_DOC_OF = re.compile(r"^(?:(?:Annual\s+)?Report|Presentation|Foreword|Introduction|Letter|Statement|Message|Update"
                     r"|Welcome)\s+(?:of|by|from)\s+(?:the\s+)?")
_TITLE_START = re.compile(r"(?:^|\s)((?:[Tt]he\s+)?(?:(?i:" + _TIME + r")\s+){0,2}"
                          r"[A-Z][\w’'&-]*(?:\s+" + _TITLE_WORD + r")*)$")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|$)|\t")  # (or a tab: the next cell of the row, its agency)
_APPOINTED_OR_AS = re.compile(r"elected|appointed|confirmed|\sas\s$|\sof\s$")
_POST_APPOSITION = re.compile(r",[^\S\n]*[A-Z][^,.;()\n]{2,100}(?=,)")
_CHAIR_AHEAD = re.compile(r"(?:(?:the|your|our|its)\s+)?(?:(?i:" + _TIME + r")\s+){0,2}(?:[A-Z][\w’'&-]*\s+){0,6}?"
                          r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer|Convenor)\b")
_GROUP_CELL_BEFORE = re.compile(r"(?im)^[^\S\n]*[A-Z][^\n|:]{0,80}\b(?:sub-?groups?|group|panel|committee|forum)"
                                r"[^\S\n]*[|:–—-]?[^\S\n]*\Z")
_NOT_A_BOARD_CHAIR = re.compile(r"(?i)\b(?:vice|deputy|co|sub-?groups?|group|committee|panel|forum|network"
                                r"|governors|meeting|steering)[- ]?$")


_NAME_LINE = re.compile(r"(?:^|\n)[^\S\n]*(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?[^\S\n]+)?"
                        r"[A-Z][a-z’'-]+(?:[^\S\n]+(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+){1,2}[^\S\n]*\n[^\S\n]*\Z")


def _name_line_above(text: str, line_start: int, rules: Rules) -> bool:
    """Whether the line above ``line_start`` holds a name alone (two or three capitalised words,
    no post in them): a list of names each with its title on the line below."""
    m = _NAME_LINE.search(text, max(0, line_start - 60), line_start)
    return m is not None and not rules.role_heads.search(m.group())


def _has_role(title: str, rules: Rules) -> bool:
    """Whether a title run holds a post's head word, also when written in capitals
    ("INDEPENDENT CHAIR" under a name in a signature block or a list's column)."""
    return bool(rules.role_heads.search(title)) or (title.isupper() and bool(rules.role_heads.search(title.title())))


_SMALL_WORDS = frozenset({"OF", "FOR", "THE", "AND"})


def _uncapped(title: str) -> str:
    """A title in capitals as written in title case ("INDEPENDENT CHAIR OF THE EASTVALE PANEL" ->
    "Independent Chair of the Eastvale Panel"), so the body it names is read as in any title."""
    return " ".join(w.lower() if w in _SMALL_WORDS else w.title() for w in title.split())


def _titles_near(p: PersonMention, text: str, rules: Rules,
                 crossing: dict[int, int] | None = None) -> list[tuple[str, int, int]]:
    """Candidate (title, start, end) spans in apposition with a person mention. ``crossing``: the
    line breaks inside a board's name (break -> the name's end), where a title reads on."""
    sent = p.sentence
    if sent is None:
        return []
    # Only the neighbourhood of the name matters; a huge unpunctuated "sentence" must not
    # make every look-behind scan all of it (that made extraction quadratic).
    stop = _wrapped_end(text, sent.end)
    if stop == sent.end and crossing and sent.end in crossing:
        # "Independent Chair of the Westshire\nSafeguarding Adults Board, ...": the board's name goes on
        brk = text.find("\n", crossing[sent.end])
        stop = len(text) if brk < 0 else brk
    lo, hi = max(_wrapped_start(text, sent.start), p.start - 120), min(stop, p.end + 300)
    st, base = text[lo:hi], lo
    ps, pe = p.start - base, p.end - base
    out = []
    after = st[pe:]
    m = _POSTNOMINALS.match(after)
    if m:
        after = after[m.end():]
        pe += m.end()
    # the first character after the name past any spaces: the patterns below that open with spaces
    # and then a bracket, a comma or a column's mark match only where it is that character (the
    # spaces their classes take are spaces ``lstrip`` strips), so they are tried only there
    # (each try is a call into re; six to ten a name, most of them failing)
    mark = after.lstrip()[:1]
    # a table's name and title columns glued together: "Ann LeeChair of the Board"
    if p.start == sent.start and _GLUED_CAPITAL.match(after) and rules.role_heads.match(after):
        tm = _TITLE_RUN.match(after)  # on its own: the glued letter before it is no word boundary
        if tm:
            out.append((_trim_title(tm.group(1)), base + pe + tm.start(1), base + pe + tm.end(1)))
    # a table's name and title columns apart: "Ann Lee   Independent Chair" alone on its line
    m = _SPACE_GAP.match(after)
    if m and not text[text.rfind("\n", 0, p.start) + 1:p.start].strip():
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and rules.role_heads.search(tm.group(1)) and _LINE_END.match(st[tm.end(1):]):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    # "Ann Lee was appointed to the new independent chair and scrutineer post"
    m = _APPOINTED_TO.match(after) if "appointed" in after else None  # (its word, as written)
    if m:
        out.append((m.group(1), base + pe + m.start(1), base + pe + m.end(1)))
    # a flattened table's name and title columns: "Ann Lee Independent Chair, NSCB Y (Chair)" (a chair's
    # title only: other titles run on into the next column too often)
    m = _TABLE_CHAIR.match(after) if "Chair" in after or "Scrutineer" in after else None
    if m:
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm:
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    # a signature block: the name alone on its line, the title alone on the line after or before it
    # ("Ann Lee\nIndependent Chair, Eastvale SAB", "Independent Chair\nAnn Lee")
    ls, le = text.rfind("\n", 0, p.start) + 1, text.find("\n", p.end)
    le = len(text) if le < 0 else le
    lead = text[ls:p.start]
    if lead.lstrip().startswith(("Signed", "SIGNED", "Signature")):
        lead = _SIGNED_LEAD.sub("", lead)  # "Signed: Ann Lee\nChair": a minute's signature line
    if not (lead.strip() and _without_honorific_tail(lead, rules).strip()) and (
            not text[p.end:le].strip() or _ONLY_HONOURS.fullmatch(text, p.end, le)):
        # ("Professor Ann Lee\nIndependent Chair": an honorific may open the name's line)
        nxt = _NEXT_LINE.match(text[le:le + 180])
        if nxt:  # the next line only: a title run must not read on through a page of such blocks
            at = le + nxt.start(1)
            # (its first cell: "Chair                    Date: 10/01/2022" is the post, then a date's column)
            tm = _TITLE_RUN.match(_COLUMN_BREAK.split(nxt.group(1), 1)[0])
            if tm and _has_role(tm.group(1), rules):
                out.append((_trim_title(tm.group(1)), at + tm.start(1), at + tm.end(1)))
                if not rules.chair_title.search(tm.group(1)):
                    # "Ann Lee\nHead of Public Protection, Eastvale Police\nCo-Chair, Eastvale SCP": the post the
                    # signature's third line gives (no blank line before it)
                    le2 = le + nxt.end(1)
                    third = _THIRD_LINE.match(text, le2, min(len(text), le2 + 180))
                    tm3 = _TITLE_RUN.match(third.group(1)) if third else None
                    if third and tm3 and rules.chair_title.search(tm3.group(1)) \
                            and not rules.not_chair.search(tm3.group(1)):
                        out.append((_trim_title(tm3.group(1)), third.start(1) + tm3.start(1),
                                    third.start(1) + tm3.end(1)))
        got_next = bool(out) and out[-1][1] >= le
        # the line before only when the line after gave no title and no bare name stands above that
        # line ("Ann Lee\nIndependent Chair\nTom Rees\nEastvale Police": Ann Lee's title, not Tom Rees's)
        prev = None if got_next else _PREV_LINE.search(text[max(0, ls - 130):ls])
        if prev and _name_line_above(text, max(0, ls - 130) + prev.start(1), rules):
            prev = None
        if prev:
            at = max(0, ls - 130) + prev.start(1)
            tm = _TITLE_RUN.match(prev.group(1))
            if tm and tm.end(1) == len(prev.group(1)) and _has_role(tm.group(1), rules):
                out.append((_trim_title(tm.group(1)), at + tm.start(1), at + tm.end(1)))
    # an attendance list's initials: "Ann Lee (AL) - Chair"
    m = _INITIALS_BEFORE_MARK.match(after) if mark == "(" else None
    if m:
        after = after[m.end():]
        pe += m.end()
        mark = after.lstrip()[:1]
    elif mark == "(":
        # "Ann Lee (AL) Independent Chair; ...": the initials, then a chair's title with no dash
        m = _INITIALS_THEN_CHAIR.match(after)
        if m:
            tm = _TITLE_RUN.match(st, pe + m.end())
            if tm:
                also = _ALSO_POST.search(st, tm.start(1), tm.end(1))
                if also:
                    # "Ann Lee (AL) LSCB Independent Chair ESCB Also Independent Chair, Westshire LSCB": a table
                    # cell's second post, its own title (whose board follows it)
                    out.append((_trim_title(st[tm.start(1):also.start()]), base + tm.start(1), base + also.start()))
                    out.append((_trim_title(st[also.end():tm.end(1)]), base + also.end(), base + tm.end(1)))
                else:
                    out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    # "Ann Lee - Independent Chair of the Eastvale SCP" (a layout's name and title columns)
    # also "Ann Lee: Chair", and a table's cells "| Ann Lee | Independent Chair |"
    m = _COLUMN_SEP.match(after) if mark and mark in "-–—|:" else None
    if m:
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and _has_role(tm.group(1), rules):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
            out += _second_post(st, tm.end(1), base, rules)
    # "Cllr Ben Ray, Eastvale Council (Chair)", "Ann Lee - NHS Eastvale (In the Chair)"
    m = _ORG_THEN_CHAIR.match(after) if _chair_in_brackets(after) else None
    if m:
        out.append((m.group(1), base + pe + m.start(1), base + pe + m.end(1)))
        # "Ann Lee<TAB>Independent Scrutineer (Chair)<TAB>ESCP": the words before the bracket are her post,
        # not an agency, when they make a title; the post says which body she chairs
        tm = _TITLE_RUN.match(st, pe + len(after) - len(after.lstrip()))
        if tm and tm.end(1) <= pe + m.start(1) and _has_role(tm.group(1), rules) and "Chair" not in tm.group(1):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    if mark == "(" and _OPEN_BRACKET.match(after):
        open_at = pe + after.index("(")
        close = _balanced(st, open_at)
        inner = st[open_at + 1:close - 1]
        if close - open_at > 160:  # "Ann Lee's (the Chair of the Eastvale SCB concern ...": never closed
            tm = _TITLE_RUN.match(st, open_at + 1)
            if tm and rules.role_heads.search(tm.group(1)):
                out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
        elif rules.role_heads.search(inner):
            # "(Interim Chair; Assistant Director, Community Safety, Eastvale Council)": the posts a semicolon
            # parts, each its own (the first is the board's chair; the council is the second's)
            semi = inner.find(";")
            if semi > 0 and rules.role_heads.search(inner[:semi]):
                out.append((_trim_title(inner[:semi]), base + open_at + 1, base + open_at + 1 + semi))
            else:
                out.append((_trim_title(inner), base + open_at + 1, base + close - 1))
    m = _COMMA.match(after) if mark == "," else None
    if m:
        rest_at = pe + m.end()
        tm = _TITLE_RUN.match(st, rest_at)
        if tm and CLAUSE_VERB_AFTER.match(st, tm.end(1)) and st[rest_at:tm.start(1)].strip().lower() == "the":
            # "a question from Cllr Ann Lee, the Independent Chair confirmed ...": the next clause's subject (not
            # "Sir Ann Lee, Independent Chair of the X highlighted ...", an apposition left unclosed)
            tm = None
        if tm and _has_role(tm.group(1), rules):  # also "ANN LEE, INDEPENDENT CHAIR"
            end = tm.end(1)
            more = _PORTFOLIO_TAIL.match(st, end) if " for " in tm.group(1) else None
            if more:  # "Cabinet Member for Children, Education and Young People's Services,"
                end = more.end(1)
            out.append((_trim_title(st[tm.start(1):end]), base + tm.start(1), base + end))
            out += _second_post(st, end, base, rules)
        else:
            lm = _LOWER_TITLE.match(st, rest_at)
            pm = _POSSESSIVE_POST.match(st, rest_at)
            if pm:  # "Ann Lee, the Eastvale SAB's independent scrutineer,", "Ann Lee, the board's chair"
                g = 1 if pm.group(1) else 2
                out.append((pm.group(g), base + pm.start(g), base + pm.end(g)))
            elif lm:
                out.append((_trim_title(lm.group(1)), base + lm.start(1), base + lm.end(1)))
    # "Ann Lee was appointed as Chair", "Ann Lee was the Independent Chair of the SCP", "Jo, and I am your Chair"
    m = _VERB_TO_POST.match(after)
    if m is None and mark == "(" and (ab := _AGENCY_BRACKET.match(after)) is not None:
        # "confirmed Dr Ann Lee (ICB) as Chair of the X": her agency in brackets, then the post
        m = _VERB_TO_POST.match(after, ab.end())
    if m is None and after.startswith(" of ") and (oa := _OF_AGENCY.match(after)) is not None:
        # "Chief Superintendent Tom Bell of Eastvale Police has acted as interim chair of the partnership"
        m = _VERB_TO_POST.match(after, oa.end())
    if m is None and (ap := _POST_APPOSITION.match(after)) is not None:
        # "Dr Ann Lee, Executive Director of Nursing at the Health Board, has agreed to be the first Chair of
        # the X": the verb after the person's own post between commas
        m = _VERB_TO_POST.match(after, ap.end())
    if m and (_APPOINTED_OR_AS.search(m.group()) or _CHAIR_AHEAD.match(after[m.end():])):
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and rules.role_heads.search(tm.group(1)):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
        elif m.group().rstrip().endswith("as") and (lm := _LOWER_BARE_CHAIR.match(after, m.end())):
            # "Ann Lee has stepped down as chair", "Tom Rees is acting as interim chair": a bare post in lower
            # case, naming no body (whose it is, the page's owner decides: extract_roles)
            out.append((lm.group(1), base + pe + lm.start(1), base + pe + lm.end(1)))
        elif _LOWER_CHAIR_OF.match(after, m.end()) and (lm := _LOWER_TITLE.match(st, pe + m.end())):
            # "Ann Lee will remain as chair of the Eastvale SAB": the post in lower case, up to its board
            out.append((_trim_title(lm.group(1)), base + lm.start(1), base + lm.end(1)))
    elif m and _LOWER_CHAIR_OF.match(after, m.end()):
        # "Ann Lee was the independent chair of the Eastvale SAB": the post in lower case, up to its board
        lm = _LOWER_TITLE.match(st, pe + m.end())
        if lm:
            out.append((_trim_title(lm.group(1)), base + lm.start(1), base + lm.end(1)))
    before = _without_honorific_tail(st[:ps], rules)
    if "by" in before and ("held" in before or "filled" in before):
        for m in _POST_OF.finditer(before):
            tm = _TITLE_RUN.match(st, m.end())
            if tm and rules.role_heads.search(tm.group(1)) and _HELD_BY.match(before, tm.end(1)):
                out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    if "down" in before or "going" in before or "tiring" in before or "parting" in before:
        left = list(_LEFT_POST.finditer(before))
        m = left[-1] if left else None  # the last post left before the successor's name
        if m and (_REPLACED_BY.search(before) or _TOOK_OVER.match(after)):
            tm = _TITLE_RUN.match(st, m.end())
            if tm and rules.role_heads.search(tm.group(1)):
                out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    # "the Board appointed Ann Lee as its Independent Chair": the post after the name the verb governs
    m = _AS_TITLE.match(after)
    if m is None and mark == "," and _APPOINTING_VERB.search(before):
        # "had appointed Ms Ann Lee, currently an independent consultant and formerly Assistant Director
        # ..., as the new Independent Chair": the post after the person's own description
        m = _APPOSITION_AS_TITLE.match(after)
    if m and _APPOINTING_VERB.search(before):
        tm = _TITLE_RUN.match(st, pe + m.end())
        if tm and rules.role_heads.search(tm.group(1)):
            out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    # "the Independent Chair of the Eastvale SAB, Ann Lee", "The current Chair of the SAB - Ann Lee - attended"
    tail = before.rstrip()  # the end-anchored patterns below need their last character there
    m = (_TITLE_BEFORE.search(before) if tail.endswith((",", "(")) else
         _THE_TITLE_DASH.search(before) if tail.endswith(("-", "–", "—")) else None)
    if m and rules.role_heads.search(m.group(1)):
        # keep only the part from the last role-ish start ("... introduced the Independent Chair of the Board,")
        title = m.group(1)
        cut = _TITLE_START.search(title)
        if cut:
            title = cut.group(1)
        if _NAME_COMMA_BEFORE.search(before, 0, m.start(1) + (cut.start(1) if cut else 0)):
            # "welcomed Dr Ann Lee, Independent Scrutineer of the ESCP (ESCP), Tom Rees, Director of ...": the post
            # is the name's before it, in apposition, not the next name's
            m = None
    if m and rules.role_heads.search(m.group(1)):
        # "Report of the Interim Independent Chair, Mr Ann Lee": the document's words are no part of her post
        title = _DOC_OF.sub("", title)
        out.append((_trim_title(title), base + m.start(1), base + m.end(1)))
    elif tail and not tail.endswith((",", "(", "-", "–", "—")):
        m = _THE_TITLE_THEN_NAME.search(before) if "Chair" in before or "Scrutineer" in before else None
        if m and rules.chair_title.search(m.group(1)):
            out.append((_trim_title(m.group(1)), base + m.start(1), base + m.end(1)))
    m = _LOWER_POST_BEFORE.search(before) if tail.endswith(",") and "chair" in before else None
    if m:  # "the previous chair of the Eastvale SAB, Ann Lee"
        out.append((_trim_title(m.group(1)), base + m.start(1), base + m.end(1)))
    m = _THE_TIMED_CHAIR_BEFORE.search(before) if tail.endswith(",") and "chair" in before else None
    if m:  # "The previous chair, Cllr Ann Lee, stepped down": a bare post, whose board the page says (extract_roles)
        g = 1 if m.group(1) else 2
        out.append((m.group(g), base + m.start(g), base + m.end(g)))
    m = _ACRONYM_POST_BEFORE.search(before) if tail.endswith((",", "chair", "scrutineer")) else None
    if m:
        out.append((m.group(1), base + m.start(1), base + m.end(1)))
    # "the Board's former independent chair, Ann Lee": a post in lower case after the board's possessive
    m = _POSSESSIVE_BEFORE.search(before) if tail.endswith((",", "chair", "scrutineer", "chairman",
                                                             "chairperson", "chairwoman")) else None
    if m:
        out.append((m.group(1), base + m.start(1), base + m.end(1)))
    # a header field: "Chair: Ann Lee", "Chair - Ann Lee", "Chaired by: Ann Lee"
    m = _FIELD_BEFORE.search(before) if tail.endswith((":", "-", "–", "—", "by", "BY", "|")) else None
    if m and m.group(1) != "Contact" and _GROUP_CELL_BEFORE.search(before, 0, m.start()):
        m = None  # "Performance Sub-group | Chair: Ann Lee": the row's group's chair, not the board's
    if m and m.group(1) != "Contact":
        # a field in capitals ("| CHAIR | Ann Lee |") is the bare post
        title = "Chair" if m.group(1).startswith(("Chaired", "CHAIR", "Meeting", "Cadeirydd")) or "/" in m.group(1) \
            else m.group(1)
        out.append((title, base + m.start(1), base + m.end(1)))
    # (the text before the name, not ``st``: a first chair's post may push the label out of it)
    lo = max(0, p.start - 300)
    window = text[lo:p.start]
    if "o-" in window or "oint" in window:
        bare = _without_honorific_tail(window, rules)
        m = _CO_CHAIRS_FIELD.search(bare)
        if m and "\n" in bare[m.end(1):] and not bare[bare.rfind("\n", 0, m.start(1)) + 1:m.start(1)].strip():
            m = None  # a field opening its line ("Co-Chairs: ...") lists on that line only; prose may wrap
        if m and ";" in bare[m.end(1):] and _LIST_CLOSED.search(BRACKETED.sub("", bare[m.end(1):])):
            m = None  # "Co-Chairs: Ann Lee (X) and Tom Rees (Y); Sue Hall (Z); ...": "and" closed the list
        if m:
            # "The partnership has two co-chairs:": the span takes in the board it names ("the partnership")
            owner = _HAS_CO_CHAIRS.search(window, max(0, m.start(1) - 40), m.start(1))
            if owner is None and m.group(1)[-1:].lower() == "s":
                # "The Partnership is co-chaired by the three partners ..., and this year the Co-Chairs were A, B
                # and C": the board the sentence opened with, by its generic name, owns the plural post
                opened = max(window.rfind(". ", 0, m.start(1)) + 2, window.rfind("\n", 0, m.start(1)) + 1, 0)
                owner = _THE_BOARD_OPENS.search(window, opened, m.start(1))
            out.append(("Co-Chair", lo + (owner.start() if owner else m.start(1)), lo + m.end(1)))
    # "Current Chair Ann Lee (Police)", "the SCP's Independent Chair Ann Lee": the title right before the name
    m = _TITLE_RIGHT_BEFORE.search(before) if ("Chair" in before or "Scrutineer" in before) else None
    # "Sub-group Chair Ann Lee", "Missing Sub-Group (Chair: Ann Lee, ...)" chairs no board
    if m and not _NOT_A_BOARD_CHAIR.search(before[:m.start(1)].rstrip(" \t(")):
        out.append((m.group(1), base + m.start(1), base + m.end(1)))
    # "the Independent Chair of the X and also the Independent Scrutineer for the Y", "the outgoing Chair of the X,
    # would act as Interim Chair of the new Y": a second chair's post after the first
    for title, ts, te in list(out):
        if ts >= p.end and rules.chair_title.search(title):
            nm = _THEN_POST.match(st, te - base)
            tm = _TITLE_RUN.match(st, nm.end()) if nm and (nm.group(1) or nm.group(2) or nm.group(3)) else None
            if tm and rules.chair_title.search(tm.group(1)) and not rules.not_chair.search(tm.group(1)):
                out.append((_trim_title(tm.group(1)), base + tm.start(1), base + tm.end(1)))
    return out


_GROUP_NAMED_AFTER = re.compile(r"(?:['’]s)?[^\S\n]+(?:[A-Z][\w’'&-]*[^\S\n]+){0,4}"
                                r"(?:Group|Sub-?[Gg]roup|Panel|Committee|Forum)\b")
_FIELD_LABEL_END = re.compile(r"[^\S\n]*:")
_THEN_POST = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(and)[^\S\n]+)?(?:(?:is|was|has[^\S\n]+been)[^\S\n]+)?"
                        r"(?:(also)[^\S\n]+)?(?:((?:would|will|is[^\S\n]+to|to)[^\S\n]+(?:also[^\S\n]+)?"
                        r"(?:act|serve|continue)[^\S\n]+as)[^\S\n]+)?"
                        r"(?=(?:the[^\S\n]+|its[^\S\n]+)?(?:(?:Interim|Independent|Acting)[^\S\n]+)*(?:Co-)?"
                        r"(?:Chair|Scrutineer)\b)")


_HEAD_POST = (r"(?:(?:" + _TIME + r")[^\S\n]+){0,2}(?:independent[^\S\n]+)?(?:chair|chairman|chairperson|chairwoman"
              r"|scrutineer)")
_CHAIR_HEADING = re.compile(
    r"(?im)^[^\S\n]*(?:\d{1,2}\.?[^\S\n]+)?(?:(?:a[^\S\n]+)?(?:welcome[^\S\n]+to|foreword|introduction|welcome|message|statement|letter"
    r"|word|update|overview|reflections?|meet)(?:[^\S\n]+(?:from|by|of|with))?[^\S\n]+(?:the|our|your)[^\S\n]+"
    r"(?P<a>" + _HEAD_POST + r"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?[A-Z][^\n,:;.–—-]{2,80}?)?)"
    r"|(?:the[^\S\n]+)?(?P<b>" + _HEAD_POST + r")['’]s[^\S\n]+(?:foreword|introduction|welcome|message|statement|letter"
    r"|update|overview|reflections|report|summary))[^\S\n]*!?(?:[,:–—-][^\S\n]*[^\n]{2,60})?(?:\n|$)")
"""A section headed by the chair's post ("Foreword from the Independent Chair", "Independent Chair's
Introduction", "Meet the Chair"): the person it presents is the first named at the section's
start or the first name signed alone on a line in it."""
_SECTION_REACH = 6000  # a foreword is a page or two; a name further on is signed under something else
_BLANK_BEFORE = re.compile(r"\n[^\S\n]*\n[^\S\n]*\Z")
_SUBHEADING = re.compile(r"\n[^\S\n]*\n[^\S\n]*(?!(?:Yours|Best|Kind|With|Warm|Signed|Thank)\b)[A-Z][^\n.:;,!?]{0,40}"
                         r"(?<=[A-Za-z)])[^\S\n]*\n[^\S\n]*\n")
"""A short line between blank lines in a section ("Board members", "Our priorities"): a new
section began, so a name signed after it is not the foreword's."""


_POST_LITERALS = ("hair", "HAIR", "crutineer", "CRUTINEER")


def _heading_matches(text: str) -> list[re.Match]:
    """``_CHAIR_HEADING.finditer(text)``, tried only on the lines that hold the post's word (found by
    ``str.find``): the pattern run over a whole page cost 0.7% of extraction, and most pages have
    no such heading."""
    out: list[re.Match] = []
    tried: set[int] = set()
    for lit in _POST_LITERALS:
        i = text.find(lit)
        while i >= 0:
            ls = text.rfind("\n", 0, i) + 1
            if ls not in tried:
                tried.add(ls)
                m = _CHAIR_HEADING.match(text, ls)
                if m:
                    out.append(m)
            le = text.find("\n", i)
            i = -1 if le < 0 else text.find(lit, le)
    out.sort(key=lambda m: m.start())
    return out


def _heading_titles(people: list[PersonMention], text: str,
                    rules: Rules) -> dict[int, tuple[str, int, int]]:
    """The chair's post a section heading gives the person it presents (by ``id`` of the mention):
    the name opening the section ("Meet the Independent Chair\n\nAnn Lee was appointed..."), else
    the first name signed alone on its line after a blank line (a foreword's signature)."""
    heads = _heading_matches(text)
    if not heads:
        return {}
    out: dict[int, tuple[str, int, int]] = {}
    by_start = sorted(people, key=lambda q: q.start)
    starts = [q.start for q in by_start]
    for i, h in enumerate(heads):
        g = "a" if h.group("a") else "b"
        title = (_trim_title(h.group(g)), h.start(g), h.end(g))
        limit = min(h.end() + _SECTION_REACH, heads[i + 1].start() if i + 1 < len(heads) else len(text))
        j = bisect_left(starts, h.end(g))
        if j < len(by_start) and starts[j] < h.end() and not _without_honorific_tail(
                text[h.end(g):starts[j]].strip(" \t,:–—-"), rules).strip():
            out.setdefault(id(by_start[j]), title)  # "Introduction from the Independent Chair – Ann Lee"
            continue
        j = bisect_left(starts, h.end())
        if j < len(by_start) and starts[j] < limit and not _without_honorific_tail(
                text[h.end():starts[j]], rules).strip():
            out.setdefault(id(by_start[j]), title)  # the name opens the section
            continue
        while j < len(by_start) and starts[j] < limit:
            q = by_start[j]
            ls = text.rfind("\n", 0, q.start) + 1
            le = text.find("\n", q.end)
            le = len(text) if le < 0 else le
            if not _without_honorific_tail(text[ls:q.start], rules).strip() and _ONLY_HONOURS.fullmatch(
                    text, q.end, le) and _BLANK_BEFORE.search(text, max(0, ls - 40), ls):
                if not _SUBHEADING.search(text, h.end() - 1, ls):
                    out.setdefault(id(q), title)  # signed alone on its line
                break
            j += 1
    return out


_LEAD_IN = re.compile(r"[\s,]*(?:[A-Z][\w’'-]*\s+){0,2}")  # "East " before the mention "Suffolk CSP"
# "chairs the Eastvale Reducing Reoffending Board and the Eastvale CSP": a body we do not know, then
# "and" and the board (both chaired)
_UNKNOWN_BODY_AND = re.compile(r"(?:[A-Z][\w’'-]*\s+){1,6}(?:Board|Partnership|Group|Forum|Network)"
                               r"\s*(?:,|,?\s+and|&)\s+(?:the\s+)?")
_INITIALS_CHAIR = re.compile(r"\b([A-Z]{2,3})\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+(?:\w+\s+)?"
                             r"(?:appointed|elected|confirmed)\s+"
                             r"(?:as\s+)?(?:the\s+)?((?:(?i:" + _TIME + r")\s+){0,2}"
                             r"(?:Chair|Chairman|Chairperson|Chairwoman))"
                             r"\b(?:\s+(?:of|for)\s+(?:the\s+)?)?"
                             # "OA thanked HW, who chaired the Partnership in 2023/24": a chair before this one
                             r"|(?<=[\s(])([A-Z]{2,3}),?\s+who\s+(?:had\s+|has\s+|previously\s+|formerly\s+)*"
                             r"(?:co-)?(chaired|chairs)\s+(?:the\s+)?")
# (not "the Partnership Board": the partnership's own board, ``_by_head_word``)
_OTHER_BODY = re.compile(r"\b(?!(?:The|This|Our|Its)\s|Partnership\s+Board\b)[A-Z][\w’'-]*\s+"
                         r"(?:(?:[A-Z][\w’'-]*|and|of|for|&)\s+){0,5}"
                         r"(?:Forum|Board|Partnership|Group|Committee|Panel|Network|Trust|Alliance|Executive|Commission|Sub-?group)\b")
# a sentence opening with a body we do not know as its subject ("The Channel Panel is ...")
_BODY_SUBJECT = re.compile(r"[\s\"'‘“•·-]*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:The|This|Our|Its)\s+)?"
                           + _OTHER_BODY.pattern[2:] + r"\s+(?:is|was|has|had|meets|met|will|reports|sits)\b")
_CHILDREN_AND_ADULTS_BOARDS = re.compile(r"(?i)\bchildren(?:['’]s)?\s+(?:safeguarding\s+)?(?:board\s+|partnership\s+)?"
                                         r"(?:and|&)\s+(?:safeguarding\s+)?"
                                         r"adults?(?:['’]s?)?\s+(?:safeguarding\s+)?(?:boards|partnerships)\b"
                                         r"|\badults?(?:['’]s?)?\s+(?:safeguarding\s+)?(?:board\s+|partnership\s+)?"
                                         r"(?:and|&)\s+(?:safeguarding\s+)?"
                                         r"children(?:['’]s)?\s+(?:safeguarding\s+)?(?:boards|partnerships)\b")
_JOINED = re.compile(r"(?:['’]s)?(?:\s*\([A-Z]{2,8}\))?\s*(?:,|and|&|as\s+well\s+as)?\s*(?:(?:of|for)\s+)?"
                     r"(?:the\s+|both\s+)?")  # (the first board's acronym in brackets between: "X (XSCB) and the Y")
# "Chair", "(In the Chair)", "Interim Chair": in a board's own minutes, its chair
_BARE_CHAIR = re.compile(r"(?i:(?:in\s+the\s+)?(?:" + _TIME + r"\s+){0,2})"
                         r"(?:(?:Co|co|CO)-)?(?:Chair|Chairman|Chairperson|Chairwoman|chair)")  # "Co-Chair" too


_TIMED_CHAIR = re.compile(r"(?i:" + _TIME + r")\s+(?:Chair|Chairman|Chairperson|Chairwoman|chair)$")
_CHAIR_IS = re.compile(r"(?P<title>(?:(?i:" + _TIME + r")\s+){0,2}"
                                                      r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer|Convenor|chair))"
                       r"\s+(?:of|for)\s+(?:the\s+)?(?P<board>[^.;()\n]{3,120}?)\s+(?:is|was|has\s+been|remains|will\s+be)"
                       r"\s+(?:now\s+|currently\s+|still\s+)?(?:[A-Z][\w’'-]*\.?\s+)?\Z")
_INDEPENDENT_IS = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Ii]ts|(?P<poss>[Tt]he\s+(?:Board|Partnership)['’]s))\s+"
                             r"(?P<title>(?:(?i:" + _TIME + r")\s+){0,2}"
                             r"(?:Chair|Chairman|Chairperson|Scrutineer|Convenor|chair|scrutineer|convenor))"
                             r"\s+(?:is|was|has\s+been|remains|will\s+be)"
                             r"\s+(?:now\s+|currently\s+|still\s+)?(?:[A-Z][\w’'-]*\.?\s+)?\Z")
"""'The current Independent Chair is Ann Lee': an independent post naming no body is the page's main board's
('The Board's new Independent Chair is Ann Lee': the board of that head word named last before it)."""
_GENERIC_CHAIR_IS = re.compile(r"\b(?P<its>[Tt]he|[Ii]ts|[Oo]ur)\s+(?P<title>(?:(?i:" + _TIME + r")\s+){0,2}"
                               r"(?:Chair|Chairman|Chairperson|chair|[Ss]crutineer|[Cc]onvenor))"
                               r"(?P<of>\s+of\s+the\s+(?:Board|Partnership|board|partnership))?"
                               r"(?:\s+(?:during|for|in|throughout)\s+(?:the\s+(?:year|period)"
                               r"|(?:19|20)\d\d(?:[-/–](?:19|20)?\d\d)?))?"
                               r"\s+(?:is|was|has\s+been|remains|will\s+be)\s+(?:now\s+|currently\s+|still\s+)?"
                               r"(?:[A-Z][\w’'-]*\.?\s+)?\Z")
"""'The Chair of the Board was Ann Lee', 'Its chair during the year was Ann Lee', and a bare 'the Chair was
Ann Lee' in the sentence after "the Board is chaired ...": a post that names no body, the page's main
board's (a bare "the Chair" elsewhere may be the meeting's own chair, a council committee's)."""
_BOARD_CHAIRED_BEFORE = re.compile(r"(?i)\b(?:board|partnership)\s+(?:is|was|has\s+been)\s+(?:\w+\s+)?chaired\b")
_BOTH_BOARDS = re.compile(r"(?:both|the\s+two)\s+(?:Boards|Partnerships|boards|partnerships)")
_GENERIC_BOARD_ONLY = re.compile(r"(?:Board|Partnership|board|partnership)")
_AS_CHAIR_PRONOUN = re.compile(r"\s*As\s+(?:(?:the|its|our)\s+)?(?P<title>(?:(?i:" + _TIME + r")\s+){0,2}"
                               r"(?:Chair|Chairman|Chairperson|Chairwoman))\b"
                               r"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<of>)[A-Z])?"
                               r"[^.;]{0,120}?,?\s+(?:he|she|they|He|She|They)\s")
"""'As the new Chair he reported': the next sentence opening with the post and a pronoun."""
_PRONOUN_OPENS = re.compile(r"\s*(?:She|He)(?=\s)")
_WHOSE_CHAIR = re.compile(r",?\s*whose\s+(?P<title>(?:(?i:" + _TIME + r")\s+){0,2}"
                          r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer|Convenor|chair|scrutineer))\s+"
                          r"(?:is|was|has\s+been|had\s+been|remains)\s+(?:now\s+|currently\s+)?"
                          r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor)\.?\s+)?\Z")
_THE_BOARD_OR_IT = re.compile(r"(?i)\b(?:the|this|our)\s+(?:(?:joint|new|regional|combined|merged)\s+)?"
                              r"(?:board|partnership)\b|\bit\b")
# "The two Boards meet jointly as the X Board. The joint Board is co-chaired by ...": the board the text named
# last, not the page's main one
_SUBJECT_LEAD = re.compile(r"[\s\"'‘“•·-]*(?:\d+(?:\.\d+)*\.?\s+)?(?:[Tt]he\s+)?")
_ADJ_BOARD = re.compile(r"\b[Tt]he\s+(?:joint|new|regional|combined|merged)\s+(?:[Bb]oard|[Pp]artnership)\b")
_IT_SUBJECT = re.compile(r"[\s\"'‘“•·-]*It\s+(?:(?:is|was|has\s+been|will\s+be|had\s+been)\s+(?:\w+\s+)?)?\Z")
_WHOSE_BEFORE = re.compile(r",?\s*\bwhose\s+\Z")
_ATTENDANCE_OPENS = r"(?im)(?:^|[.:]\s|/[^\S\n])"  # (a bilingual heading's second half: "Presennol / Present:")
_ATTENDANCE = re.compile(_ATTENDANCE_OPENS + r"[^\S\n]*(?:present|attendees|attendance|members\s+present|"
                         r"in\s+attendance|apologies(?:\s+for\s+absence)?|board\s+members?)\b[^\S\n]*:?")
# _ATTENDANCE cut at its two openings, each starting with a character re can jump to (a pattern that
# opens with "^" or a case-blind word is tried at every character): after a line break (or at the
# page's start), and after a full stop or colon with a space
_ATTENDANCE_WORDS = _ATTENDANCE.pattern[len(_ATTENDANCE_OPENS):]
_ATTENDANCE_AT_START = re.compile(r"(?i)" + _ATTENDANCE_WORDS)
_ATTENDANCE_AFTER_BREAK = re.compile(r"(?i)\n" + _ATTENDANCE_WORDS)
_ATTENDANCE_AFTER_STOP = re.compile(r"(?i)[.:]\s" + _ATTENDANCE_WORDS)
_ATTENDANCE_AFTER_FULL_STOP = re.compile(r"(?i)\.\s" + _ATTENDANCE_WORDS)
_ATTENDANCE_AFTER_COLON = re.compile(r"(?i):\s" + _ATTENDANCE_WORDS)
_ATTENDANCE_AFTER_SLASH = re.compile(r"(?i)/[^\S\n]" + _ATTENDANCE_WORDS)
"""A bilingual heading's second word: "Presennol / Present:"."""
"""_ATTENDANCE_AFTER_STOP's two openings apart: each a literal re finds by a search for one character,
where the class of the two is tested at every character (a call each); the leftmost of the two is its match."""


def _attendance_at(text: str, end: int) -> int | None:
    """Where ``_ATTENDANCE.search(text, 0, end)`` starts (None: nowhere), from searches that re runs
    fast: a match starts at a line's start (the page's start, or after a line break), at a full stop
    or colon, or after a slash, whichever comes first."""
    if _ATTENDANCE_AT_START.match(text, 0, end):
        return 0
    brk = _ATTENDANCE_AFTER_BREAK.search(text, 0, end)
    full_stop = _ATTENDANCE_AFTER_FULL_STOP.search(text, 0, end)
    colon = _ATTENDANCE_AFTER_COLON.search(text, 0, end)
    slash = _ATTENDANCE_AFTER_SLASH.search(text, 0, end) if "/" in text[:end] else None
    found = [m.start() for m in (full_stop, colon, slash) if m is not None] + ([brk.start() + 1] if brk else [])
    return min(found) if found else None


_OUR_BEFORE = re.compile(r"\b(?:[Oo]ur|[Yy]our)\s+\Z")
# (the capital first, the word's start checked behind it: re jumps from one of the three capitals to the
# next, where "\b" first was tried at every character of the page; the same matches)
# (not "Cabinet Member for Safer Communities": a councillor's post, on any board's page)
_COMMITTEE_WORD = re.compile(r"[CPS](?<=\b[CPS])(?:(?<=C)ommittee|(?<=C)abinet(?![^\S\n]+(?:Member|Lead)\b)|(?<=P)anel"
                             r"|(?<=S)crutiny"
                             r"|(?<=C)ouncil\s+meeting)\b(?!\s+Room)")


def _committee_word(text: str) -> bool:
    """``_COMMITTEE_WORD.search(text) is not None``, searched only when ``text`` holds one of its
    words as written (a page with none, a board's own page, is answered by ``in``)."""
    return ("Committee" in text or "Cabinet" in text or "Panel" in text or "Scrutiny" in text
            or ("Council" in text and "meeting" in text)) and _COMMITTEE_WORD.search(text) is not None


_LINE_LAST_WORD = re.compile(r"([\w-]+)[^\S\n]*(?:\n|$)")
_GROUP_LAST_WORDS = frozenset({"group", "subgroup", "sub-group", "panel"})
# "Eastvale SCP\nExecutive Group\nNotes of meeting": the partnership's executive, where its three partners'
# leads sit as its co-chairs (Working Together 2018), is the partnership itself, no sub-group
_TOP_GROUP_BEFORE = re.compile(r"(?i)\b(?:executive|leadership)[^\S\n]+\Z")


def group_heading(text: str, clusters: list[OrgCluster]) -> bool:
    """Whether the page's heading (the lines before its attendance list) names a group: a line ending
    "... Sub-group", "... Group", "... Panel" that is no board's name ("Westshire SCP\nQuality Assurance
    Sub-group\nMinutes ..."): a sub-group's own minutes, whose chair chairs the group, not the board."""
    att = _attendance_at(text, 600)
    head = text[:400 if att is None else att]
    for m in _LINE_LAST_WORD.finditer(head):
        if m.group(1).lower() in _GROUP_LAST_WORDS and not _TOP_GROUP_BEFORE.search(head, 0, m.start(1)) and not any(
                x.start <= m.start(1) < x.end for c in clusters for x in c.mentions):
            return True
    return False


def _own_minutes(text: str, main: OrgCluster | None) -> bool:
    """A board's own minutes: the page opens with the board's name, before any committee's,
    and then lists who attended."""
    if main is None:  # first: the search below is pure, and no main board means no own minutes
        return False
    att = _attendance_at(text, 3000)
    if att is None or not any(m.start < min(300, att) for m in main.mentions):
        return False
    return not _committee_word(text[:att])


# "a single chair for the children and adult safeguarding boards" (run through the shared literal search:
# a case-blind pattern after \b gets no help from re and was tried at every character of the page)
_SHARED_CHAIR = re.compile(r"(?i)\b(?:single|joint|same|one|shared)\s+(?:independent\s+)?chair(?:man|person)?"
                           r"\s+(?:for|of|across)\s+"
                           r"(?:both\s+)?the\s+children(?:['’]s)?\s+and\s+adults?(?:['’])?\s+(?:safeguarding\s+)?"
                           r"(?:boards|partnerships)")
# "(Chair)", "(In the Chair)" closing an attendance line: the chair of the meeting
_CHAIR_MARK = re.compile(r"\(((?:(?:Vice|Deputy)[- ]Chair(?:man)?,\s*)?(?:[Ii]n\s+the\s+)?"
                         r"(?:(?:Interim|Acting|Independent)\s+)?(?:Co-|Joint\s+)?"
                         r"(?:Chair|Chairman|Chairperson|Chairwoman|chair)"
                         r"(?:\s+(?:for|of)\s+(?:this|the|today['’]s)\s+meeting)?|Chairing|CHAIR(?:MAN)?"
                         r"|IN\s+THE\s+CHAIR)\)"
                         # "Dr Ann Lee (Co-Chair, Clinical Chair, NHS X CCG)": a co-chair's mark before the post
                         r"|\(((?:Co-|Joint[^\S\n]+)Chair)[^\S\n]*[,;]")
# a row's last cell holding the chair's word alone: "| Cllr Ben Ray | Midshire Council | Chair |",
# "Ben Ray<tab>Midshire Council<tab>Chair", "Ben Ray (Midshire Council) – Chair"
_CHAIR_CELL = re.compile(r"(?:\||\t|,|[^\S\n][–—-])[^\S\n]*((?:[Ii]n[^\S\n]+the[^\S\n]+)?"
                         r"(?:(?:Co-|Joint[^\S\n]+|Independent[^\S\n]+|Interim[^\S\n]+)?"
                         r"(?:Chair|Chairman|Chairperson|Chairwoman)|CHAIR(?:MAN)?))"
                         # (an attendance column may close the row: "| Eastvale Police – Co-Chair | Present |")
                         r"[^\S\n]*\|?[^\S\n]*(?:(?:Present|Apologies|Absent|Attended|Yes|No|P|A|DNA)[^\S\n]*\|?"
                         r"[^\S\n]*)?(?:\((?:chairing|in\s+the\s+chair)\)[^\S\n]*)?(?=\n|$)")
# a table's last cell opening with the chair's word, the person's own post after a comma
_CHAIR_CELL_POST = re.compile(r"\|[^\S\n]*((?:Co-|Joint[^\S\n]+|Independent[^\S\n]+|Interim[^\S\n]+)?"
                              r"(?:Chair|Chairman|Chairperson|Chairwoman))[^\S\n]*,"
                              # (not a body's name there: "| Chair, Children's Scrutiny Committee |" chairs that body)
                              r"(?![^|\n]*\b(?:Committee|Board|Group|Panel|Forum|Partnership|Sub-?group|Network"
                              r"|Council|Trust|Alliance|Commission)\b)[^|\n]{2,80}\|?[^\S\n]*(?=\n|$)")
_CHAIR_ROW_MARK = re.compile(r"[^\S\n][–—-][^\S\n]*((?:Co-|Joint[^\S\n]+|Independent[^\S\n]+|Interim[^\S\n]+){0,2}"
                             r"(?:Chair|Chairman|Chairperson|Chairwoman))[^\S\n]+(?:P|A|Y|N|DNA|D/R|✓)(?=[^\S\n]|$)")
# the chair's word opening the cell after the name, the post's other words after a semicolon or a slash (or the
# next column: "Ann Lee      Chair      Eastvale Council")
_CHAIR_FIRST_CELL = re.compile(r"(?:[^\S\n]{2,}|\t)((?:Co-)?(?:Chair|Chairman|Chairperson|Chairwoman))"
                               r"(?:[^\S\n]*[;/]|[^\S\n]{3,}|\t)")
# "Ann Lee in the Chair", "Ann Lee, in the Chair", "Ann Lee (Vice-Chair, in the Chair)": right after the name
# "Ann Lee (Deputy Chair) was in the Chair", "Ann Lee was in the Chair", "Cllr Ann Lee (Cabinet Member for Health) - in
# the Chair" too
_IN_THE_CHAIR_AFTER = re.compile(r"[^\S\n]*(?:(?:\([^()\n]{1,100}\)[^\S\n]*)?(?:,|[-–—])[^\S\n]*"
                                 r"|\((?:[^()\n]{0,40},[^\S\n]*)?"
                                 r"|(?:\([^()\n]{1,40}\)[^\S\n]*)?was[^\S\n]+)?"
                                 r"([Ii]n[^\S\n]+the[^\S\n]+(?:Chair|chair|CHAIR))\b(?!['’]|[^\S\n]+of\b)")
# "AL (Chair) welcomed everyone", "The Chair (AL) welcomed": the chair by the initials of a person listed
_INITIALS_MARK = re.compile(r"\b([A-Z]{2,3})\s*\((?:Chair|Chairman|Chairperson|Chairwoman|In\s+the\s+Chair)\)"
                            r"|\b[Tt]he\s+(?:Chair|Chairman|Chairperson|Chairwoman)\s*\(([A-Z]{2,3})\)")


_PLURAL_CHAIR = re.compile(r"(?i)\b(?:co-chairs|joint\s+chairs|chairs)\b")
_BOARD_JOIN = re.compile(r"\s*(?:,|,?\s*and|&|as\s+well\s+as)\s+(?:(?:of|for)\s+)?(?:the\s+)?")
# (the first person's post in brackets or as an apposition between commas, "Jane Doe, Director of
# Children's Services(, Eastvale Council), and Tom Bell"; the second's post again, "... by the Director of X,
# Ann Lee, and the Chief Superintendent, Tom Bell"; the second's honorific or rank before the name, "and
# Chief Superintendent Tom Bell")
_PERSON_JOIN = re.compile(r"(?:\s*\([^()\n]{1,100}\)|\s*(?:,[^,.;:()\n]{2,80}){1,2}(?:,|(?=;))"
                          # "Chief Superintendent Ann Lee of Eastvale Police and Councillor Tom Bell"
                          r"|\s+of\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,3}[A-Z][\w’'&-]*)?"
                          # ("co-chaired by the three partners: Ann Lee, Director of ...; Tom Bell of ...; and Jo Ray")
                          r"\s*(?:,|,?\s*and|&|;(?:\s*and)?)\s*"
                          r"(?:(?:the|its|our)\s+[A-Z](?:(?!\bby\b)[^,.;()\n]){2,80},\s*)?"
                          r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Chief|Detective|Assistant"
                          r"|Deputy|Superintendent|Inspector|Commander)\.?\s+){0,3}"
                          # "co-chaired by Ann Lee, Director of People, Chief Superintendent Tom Bell of ...": a post in
                          # apposition, then the next name with no "and"
                          r"|\s*,[^,.;:()\n]{2,80},\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame"
                          r"|Chief|Detective|Assistant|Deputy|Superintendent|Inspector|Commander)\.?\s+){0,3}")

_STATUS_CELL = re.compile(r"^(?:Present|Apologies|Absent|Attended|In[^\S\n]+attendance|Yes|P|A)(?:[^\S\n]*\|[\s|]*|$)"
                          # (or the row's initials: "(AL) Ann Lee, Director ... – Co-Chair")
                          r"|^\([A-Z]{2,4}\)[^\S\n]*")


def _chair_cell(text: str, p: PersonMention, rules: Rules) -> re.Match | None:
    """The chair's cell ending the row that ``p`` opens (an honorific before the name allowed):
    "| Cllr Ben Ray | Midshire Council | Chair |"."""
    le = text.find("\n", p.end, p.end + 160)
    le = min(len(text), p.end + 160) if le < 0 else le
    lead = text[text.rfind("\n", 0, p.start) + 1:p.start].strip(" \t|•·*-")
    lead = _STATUS_CELL.sub("", lead)  # "Present | Ann Lee | Eastvale Police | Co-Chair": an attendance column first
    # (a lead in capitals may be a name's line in capitals, "CLLR BEN RAY", or a rank's initials, "ACC")
    if lead and _without_honorific_tail(lead, rules).strip() and \
            (not lead.isupper() or _without_honorific_tail(lead.title(), rules).strip()):
        return None
    m = _CHAIR_CELL.search(text, p.end, le)
    if m is None and "|" in text[p.end:le]:
        m = _CHAIR_CELL_POST.search(text, p.end, le)  # "| Eastvale Council | Co-Chair, Director of Social Services"
    return m


_COLUMN_GAP = re.compile(r"(?:\s+(?:[A-Z][a-z]{0,9}|[A-Z]{2,5}|\d{1,2}\.?))*\s+")
# (before the title: the column's heading, a row number, the initials' column, names the people pass
# did not take; the shortest way there, and no post's word in it: see _name_column_chair)
_FIRST_ROLE = re.compile(r"(?:\s+(?:Role|Title|Position|Designation|Initials?|\d{1,2}\.?|[A-Z]{2,4}|[A-Z]{2,3}[a-z]"
                         r"|[A-Z][a-z’'-]+))*?\s+((?:(?:Independent|Interim|Acting)\s+)?(?:[A-Z]{2,6}\s+)?"
                         r"(?:Chair|Chairman|Chairperson|Chairwoman))\b(?!\s+of\b)")
_LIST_OPENED = re.compile(r"(?i)(?:present|attended|attendees|attendance|members?)\s*:?\s*(?:Members?\s+|Names?\s+)?\Z")
_COLUMN = 4  # names in a row: a table's name column


def _name_column_chair(text: str, people: list[PersonMention], board: int, rules: Rules) -> list[RoleFact]:
    """A board's attendance table flattened column by column: "PRESENT: Ann Lee Tom Rees Sue Hall Jo Bloggs
    1. Independent Chair Head of Service ...": the names' column opening the list, then the
    titles' column, whose first title is the first name's. Only a chair's title first: the
    first row of such tables is the chair's, and no other title needs the rows lined up."""
    out: list[RoleFact] = []
    i = 0
    while i < len(people):
        j = i
        while j + 1 < len(people) and people[j + 1].start > people[j].end \
                and _COLUMN_GAP.fullmatch(text, people[j].end, people[j + 1].start) \
                and not rules.role_heads.search(text, people[j].end, people[j + 1].start):
            j += 1
        if j - i + 1 >= _COLUMN and _LIST_OPENED.search(text, max(0, people[i].start - 30), people[i].start):
            m = _FIRST_ROLE.match(text, people[j].end, people[j].end + 300)
            if m and not rules.role_heads.search(text, people[j].end, m.start(1)):
                out.append(RoleFact(people[i].cluster, m.group(1), board, True, people[i].start, m.end()))
        i = j + 1
    return out


@dataclass(frozen=True)
class _BoardMarks:
    """Every board mention, sorted by start and by end, for searches instead of scans."""
    by_start: list[tuple[int, int, int]]  # (start, end, cluster)
    starts: list[int]
    by_end: list[tuple[int, int, int]]  # (end, start, cluster)
    ends: list[int]

    @staticmethod
    def of(clusters: list[OrgCluster]) -> _BoardMarks:
        marks = [(x.start, x.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS for x in c.mentions]
        by_start = sorted(marks)
        by_end = sorted((e, st, ci) for st, e, ci in marks)
        return _BoardMarks(by_start, [m[0] for m in by_start], by_end, [m[0] for m in by_end])


def _last_board_word(text: str, s0: int, end: int) -> int:
    """Where the last "the Board", "the Partnership" or "it" between ``s0`` and ``end`` starts (-1: none):
    the subject of a "... is chaired by" that follows it. A body we do not know between it and the verb makes
    the chair that body's ("the Eastvale Forum is chaired by"); partners named earlier in the sentence do not
    ("... Eastvale Police and the Eastvale ICB, all members of the Board, and that the Board is chaired by")."""
    last = -1
    for m in _THE_BOARD_OR_IT.finditer(text, s0, end):
        last = m.start()
    return last


def _joined_after(marks: _BoardMarks, text: str, end: int, limit: int) -> list[int]:
    """The boards named one after another from ``end`` ("... X and the Y"), each joined to the last."""
    out: list[int] = []
    while True:
        k = bisect_right(marks.starts, end)
        if k >= len(marks.by_start):
            return out
        st, e, ci = marks.by_start[k]
        if st > min(limit, end + 12) or not _BOARD_JOIN.fullmatch(text, end, st):
            return out
        out.append(ci)
        end = e


def _joined_before(marks: _BoardMarks, text: str, end: int, limit: int) -> list[int]:
    """The boards named one after another up to ``end`` ("the X and the Y"), each joined to the next."""
    out: list[int] = []
    k = bisect_left(marks.ends, end)
    if k >= len(marks.by_end) or marks.ends[k] != end:
        return out
    _, start, ci = marks.by_end[k]
    while True:
        out.append(ci)
        k = bisect_left(marks.ends, start) - 1
        if k < 0:
            return out
        e, st, ci = marks.by_end[k]
        if e < max(limit, start - 12) or not _BOARD_JOIN.fullmatch(text, e, start):
            return out
        start = st

_CLAUSE_VERB = re.compile(r"\s+(?:is|was|are|were|has|had|have|will|would|said|attended|presented|chairs|chaired"
                          r"|leads|led|joined|explained|reported)\b")


def _wrapped_on(first: Sentence | None, second: Sentence | None, text: str) -> bool:
    """Whether ``second`` is ``first`` going on after a line break ("... and Chief\nSuperintendent Tom
    Bell"): the next sentence, one line break between them, ``first`` ending with no stop."""
    return first is not None and second is not None and 0 <= second.start - first.end <= 3 \
        and text.count("\n", first.end, second.start) == 1 and not _ENDS_SENTENCE.search(first.text)


_COLUMN_BREAK = re.compile(r"[^\S\n]{3,}|\t")
_SIGNED_LEAD = re.compile(r"^[^\S\n]*(?:Signed|SIGNED|Signature)(?:[^\S\n]+by)?[^\S\n]*[:.-]?[^\S\n]*")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'’”)]*\s*$")


def _joined_people(p: PersonMention, by_start: list[PersonMention], starts: list[int],
                   text: str) -> list[PersonMention]:
    """The people named right after ``p`` and joined to it by "and" or a comma ("Ann Lee and Tom Bell")."""
    out: list[PersonMention] = []
    prev = p
    j = bisect_right(starts, p.start)
    while j < len(by_start):
        q = by_start[j]
        j += 1
        if q.start < prev.end or q is p:
            continue
        if (q.sentence is not p.sentence and not _wrapped_on(p.sentence, q.sentence, text)) \
                or not _PERSON_JOIN.fullmatch(text, prev.end, q.start) or _CLAUSE_VERB.match(text, q.end):
            break  # (a verb after the name: the subject of a new clause, "... and Tom Bell is the manager")
        out.append(q)
        prev = q
    return out


_CELL_END = re.compile(r"\s+[–—-]\s+|;")
_AGENCY_TAIL = re.compile(r"\b(?:Council|Police|Constabulary|Trust|ICB|CCG|NHS|Service|Services|Authority)\s*$")
_HEAD_WORD = re.compile(r"(?i)\b(board|partnership)\b")


_PARTNERSHIP_BOARD = re.compile(r"\b[Pp]artnership\s+[Bb]oard\b")
_POSSESSIVE_GENERIC = re.compile(r"\b[Tt]he\s+(?:Board|Partnership|board|partnership)['’]s\b")


def _by_head_word(clusters: list[OrgCluster], text: str, ts: int, te: int, main_i: int | None,
                  reach: int = 3000) -> int | None:
    """The board a generic "the Board" / "the Partnership" at ``ts``..``te`` stands for: the main board
    when its name ends in that word, else the board with that head word named last before (within
    ``reach``), else the one safeguarding board of that head word the page names, else the main board."""
    heads = _HEAD_WORD.findall(text, max(0, ts - 30), te)
    if not heads:
        return main_i
    head = heads[-1].lower()
    if _POSSESSIVE_GENERIC.search(text, max(0, ts - 30), te):
        # "Ann Lee, Business Manager of the Eastvale SAB, presented the report on behalf of the Board's Independent
        # Chair": the board of that head word the sentence itself named before the possessive
        here = named_last(clusters, ts, ts - sentence_start(text, ts), head)
        if here is not None:
            return here
    if main_i is not None and (fold_words(clusters[main_i].name)[-1:] == [head] or (
            fold_words(clusters[main_i].name)[-1:] == ["partnership"] and _PARTNERSHIP_BOARD.search(text, ts, te))):
        return main_i  # ("the Partnership Board" is the Eastvale Safeguarding Partnership's board meeting)
    last = named_last(clusters, ts, reach, head)
    if last is None:
        # "The former Board's Independent Chair" on a partnership's page that named its old LSCB further up
        # than ``reach``: the one safeguarding board of that head word
        same = [ci for ci, c in enumerate(clusters)
                if ci != main_i and c.kind in SAFEGUARDING_KINDS and fold_words(c.name)[-1:] == [head]]
        if len(same) == 1:
            return same[0]
    return last if last is not None else main_i


def _by_audience(clusters: list[OrgCluster], kind: str, at: int) -> int | None:
    """The board "the adults' board" at ``at`` stands for: the one board of that kind on the page, else
    the one of that kind named last before it; None when the page names none (the caller falls back)."""
    same = [ci for ci, c in enumerate(clusters) if c.kind == kind]
    if len(same) <= 1:
        return same[0] if same else None
    return named_last(clusters, at, at, kind=kind)


_PLURAL_BOARDS = re.compile(r"\b(?:[Bb]oth|[Tt]he|[Tt]hese)\s+(?:(two|three|both)\s+)?"
                            r"(?:[Bb]oards|[Pp]artnerships|BOARDS)\s+(?:are|were|have\s+been|had\s+been|will\s+be)\b"
                            r"|\b([Bb]oth)\s+[Bb]oards\b")


_SHORT_NAME = re.compile(r"((?:[A-Z][\w’'-]*\s+){1,3}(?:Board|Partnership))\b")


def _board_by_suffix(clusters: list[OrgCluster], text: str, at: int) -> int | None:
    """The board a short name at ``at`` stands for: "who had chaired the Management Board" after the Eastvale
    Youth Justice Management Board was named, the one board whose name ends in those (two or more) words."""
    m = _SHORT_NAME.match(text, at)
    if m is None:
        return None
    words = fold_words(m.group(1))
    if len(words) < 2:
        return None
    hits = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
            and any(len(fold_words(n)) > len(words) and fold_words(n)[-len(words):] == words for n in c.names)]
    return hits[0] if len(hits) == 1 else None


def _sentence_opener(text: str, s0: int) -> int:
    """Where the sentence before the one at ``s0`` starts, a line break counting as a sentence's start too."""
    return max(_sentence_before(text, s0), text.rfind("\n", 0, max(0, s0 - 1)) + 1)


def _subject_board(clusters: list[OrgCluster], text: str, s0: int) -> int | None:
    """The board the sentence before the one at ``s0`` opens with (its subject: "The Eastvale SAB is ..."),
    if any."""
    opener = _sentence_opener(text, s0)
    subject = [(x.start, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS for x in c.mentions
               if opener <= x.start < s0 and _SUBJECT_LEAD.fullmatch(text, opener, x.start)]
    return min(subject)[1] if subject else None


def _the_two_boards(clusters: list[OrgCluster], at: int) -> list[int]:
    """What "both Boards" / "the Boards" mean: the page's children's and adults' safeguarding boards when it has
    one of each (a regional page names many other boards between them and the phrase), else the two boards
    named last before ``at``."""
    for placed, worded in ((False, False), (True, False), (False, True)):
        # (then only the boards with a place: not "the National Safeguarding Board"; then only those whose name
        # says whom they safeguard: not a regional umbrella "Safeguarding Board" over both)
        of_kind = [[ci for ci, c in enumerate(clusters) if c.kind == kind and (c.place or not placed)
                    and (not worded or word in fold_words(c.name))]
                   for kind, word in (("safeguarding-children", "children"), ("safeguarding-adults", "adults"))]
        if all(len(kinds) == 1 for kinds in of_kind):
            return [kinds[0] for kinds in of_kind]
    return _boards_named_before(clusters, at, 2)


def _boards_named_before(clusters: list[OrgCluster], at: int, n: int, reach: int = 600) -> list[int]:
    """The ``n`` distinct boards named last in the ``reach`` characters before ``at``, in the order the
    page names them; none unless there are ``n`` of them (a plural means them all)."""
    last: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        if c.kind in BOARD_KINDS:
            for x in c.mentions:
                if at - reach <= x.end <= at:
                    last[ci] = max(last.get(ci, -1), x.end)
    chosen = sorted(sorted(last, key=lambda ci: -last[ci])[:n], key=lambda ci: last[ci])
    return chosen if len(chosen) == n else []


def _board_at(clusters: list[OrgCluster], text: str, at: int) -> tuple[int, OrgMention] | None:
    """The board (and its mention) a verb's object names at ``at``: its name there, or after a
    lead-in ("the newly formed") or a body we do not know ("the Eastvale Forum and the")."""
    for ci, c in enumerate(clusters):
        if c.kind not in BOARD_KINDS:
            continue
        hit = next((x for x in c.mentions
                    if x.start == at or (x.start > at and (_LEAD_IN.fullmatch(text[at:x.start])
                                                           or _UNKNOWN_BODY_AND.fullmatch(text, at, x.start)))),
                   None)
        if hit is not None:
            return ci, hit
    return None


def _sentence_before(text: str, at: int) -> int:
    """Where the sentence before the one starting at ``at`` starts (after a stop or a blank line)."""
    return max(text.rfind(". ", 0, max(0, at - 2)) + 2, text.rfind("\n\n", 0, max(0, at - 2)) + 2, 0)


def named_last(clusters: list[OrgCluster], at: int, reach: int = 600, head: str | None = None,
               kind: str | None = None) -> int | None:
    """The board whose name ends last in the ``reach`` characters before ``at``: what "the Board"
    stands for when the page has no main safeguarding board to resolve it to (``head``: only a board
    whose name ends in that word, "board" or "partnership"; ``kind``: only a board of that kind)."""
    ends = [(x.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS and (kind is None or c.kind == kind)
            and (head is None or fold_words(c.name)[-1:] == [head]) for x in c.mentions if at - reach <= x.end <= at]
    return max(ends)[1] if ends else None


# "chaired on an interim basis by", "chaired in the interim by the Director, Ann Lee"
_INTERIM_BY = (r"\s+(?:on\s+an?\s+[\w-]+\s+basis|in\s+the\s+interim|temporarily|for\s+an\s+interim\s+period"
               # "had been chaired since May 2011 by", "was chaired in 2019/20 by"
               r"|(?:since|in|during|throughout)\s+(?:(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\s+)?(?:19|20)\d\d(?:[/-]\d{2,4})?)")
_CHAIRED_BY = re.compile(r"\b(?:is|was|are|were|been|being|currently|now)?\s*(?:independently\s+|jointly\s+)?"
                         r"(?:co-)?(?i:chaired)(?:\s+(?:independently|jointly))?"
                         r"(?:" + _INTERIM_BY + r")?"  # "chaired on an interim basis by"
                         r"\s+by\s+(?:(?:herself|himself|themselves|me)\s+and\s+)?(?:the\s+)?(?:[A-Z][\w’'-]*\.?\s+)?$"
                         # "chaired by the council's Director of Housing, Ann Lee": a post, then the name in
                         # apposition (the post must hold a title's head word: extract_roles checks)
                         r"|\b(?:co-)?(?i:chaired)(?:" + _INTERIM_BY + r")?\s+by\s+(?:the\s+)?"
                         r"(?P<post>[^,.;:()\n]{3,80}),\s+"
                         r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Supt|Ch\s+Supt|DCI|DI|ACC|DCC"
                         r"|(?:Detective\s+)?(?:Chief\s+)?(?:Superintendent|Inspector))\.?\s+)?$"
                         # "Independent scrutiny of the arrangements is carried out by Dr Ann Lee", "Its work is
                         # independently scrutinised by Ann Lee": the independent scrutineer (a chair, ANNOTATION.md)
                         r"|\b(?P<scrut>(?i:independent(?:ly)?\s+scrutin(?:y|ised|ized)))\b(?:(?!\bby\b)[^.;:(),\n]){0,60}\bby\s+"
                         r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame)\.?\s+)?$"
                         # "co-chaired by the three statutory safeguarding partners: Ann Lee (Director of ...), ...":
                         # the list after the colon (its first name here, the others joined to it)
                         r"|\b(?:co-)?(?i:chaired)\s+(?:jointly\s+)?by\s+(?:the|its|our)\s+(?:[\w’'-]+\s+){0,4}"
                         r"(?:partners|agencies|organisations)\s*:\s*"
                         r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?\s+)?$"
                         # "met under the chairmanship of Ann Lee", "Under the chairmanship of Dr Ann Lee, the X ..."
                         r"|\b(?P<under>[Uu]nder)\s+(?:the\s+|(?:his|her|their)\s+)?(?:(?:co-|joint\s+)?chair(?:man|woman|person)?ship)\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\.?\s+)?$")
_CHAIRS_THE = re.compile(r"(?:['’]s)?,?\s+(?:who\s+|and\s+I\s+(?=(?:have\s+|also\s+|currently\s+)*chair))?"
                         r"(?:has\s+|had\s+|have\s+|also\s+|currently\s+|previously\s+|formerly\s+)*"
                         r"(?:(?:co-)?chairs|(?:co-)?chaired|(?<=I\s)chair(?=\s)|(?<=who\s)(?:co-)?chair(?=\s)|(?:will|would|shall|is\s+to)\s+chair(?=\s)|is\s+chairing|has\s+been\s+chairing|"
                         # "Ann Lee took over the chair of the Eastvale SCP", "assumed the chair of"
                         r"(?:took|takes|taken|take|assumed|assumes)\s+(?:over\s+)?the\s+chair(?:manship)?\s+of|(?:(?:was|were|is|has\s+been|had\s+been)\s+thanked\s+)?(?:for|on)\s+(?:(?:his|her|their)\s+)?(?:\w+\s+){0,2}?"
                         r"(?:chairing|chairmanship|chairship)(?:\s+of)?)"
                         # "will chair the new Eastvale SAB": a time word between the article and the board
                         r"\s+(?:(?:the|both\s+the)\s+(?:(?:new|newly\s+formed|current|former|previous|joint)\s+)?)?")
_BODY_COLUMN = re.compile(r"[^\S\n]*[,–—|-][^\S\n]*(?:the[^\S\n]+)?"
                          r"(?:[A-Z][\w’'&-]*[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?){1,8}(?:Sub-?|sub-)?(?:Board|Partnership|Group|Panel|Forum|Network|Committee|Alliance|Steering"
                          r"|Association|Society|Federation|Foundation|Club|Union|Institute"
                          r"|(?:Youth|Parish|Town|School|Pupils?['’]?|Students?['’]?)[^\S\n]+Council)s?\b")


def body_column(text: str, pos: int) -> re.Match | None:
    """The next column after a post at ``pos`` when it names a body by its head word ("Chair, Eastvale
    Tenants Association", "Independent Chair - Westshire MAPPA Strategic Management Board"): whose
    post it is, if the body is no board the page names."""
    return _BODY_COLUMN.match(text, pos)


_OTHER_THING = re.compile(r"(?i)\b(?:sub-?groups?|group|committee|panel|forum|network|meeting|workshop|session|event"
                          r"|conference|review|audit)\b")
"""What "it" may stand for between a board's name and the person: a thing other than the board."""
_IT = re.compile(r"it\b(?!\s+(?:is|was|has)\b)")
_DANGLING_OF = re.compile(r"\s(?:of|for)(?:\s+the)?\s*$")
_LOWER_BOARD_AFTER = re.compile(r"\s*(?:[a-z][\w’'-]*\s+){0,5}(?:board|partnership|arrangements)s?\b")
"""'Independent Chair of the local safeguarding partnership': the body in lower case, the page's own."""
_NAMES_BODY = re.compile(r"\b(?:of|for)\s+(?:the\s+)?([A-Z][\w’'&-]*(?:\s+" + _TITLE_WORD + r")*)")
_TITLE_COMMA_BODY = re.compile(r",\s*(?:the\s+)?([A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|and|for|&))+)\s*$")
_VICE = re.compile(r"\bvice\b", re.I)
# a group's name right before "(is) chaired by", after the board's: the post is the group's
_GROUP_CHAIRED = re.compile(r"(?i)\b(?:sub-?groups?|groups?|sub-?committees?|committees?|panels?|forums?|networks?"
                            r"|working\s+party)(?:\s*\([A-Z]{2,8}\))?[\s,]*(?:\(\s*)?(?:which\s+)?\Z")
"""'the education reference group, chaired by', 'Safeguarding Adults Review subgroup (chaired by': a group's chair."""
GROUP_WORD = r"(?:sub-?groups?|groups?|sub-?committees?|committees?|panels?|forums?|networks?)"
"""A group's head word ("Sub-Group", "Panel", "Committee"): whose chair is no board's (``_GROUP_OF_BEFORE`` here,
the learned pass's blocks in chairs.py)."""
# the line above a "Chair:" field (blank lines between) naming a group: "Education reference group\n\nChair: Ann Lee"
_GROUP_LINE_ABOVE = re.compile(r"(?i)\b" + GROUP_WORD + r"[^\S\n]*(?:\n[^\S\n]*)+\Z")
_GROUP_OF_BEFORE = re.compile(r"(?i)\b" + GROUP_WORD + r"\s+of\s+(?:the\s+)?\Z")
# "Ann Lee, the independent chair of the review panel,", "the Independent Chair and author of the review": a post
# whose body is a group's, or a review's (a domestic homicide review's independent chair chairs no board)
OF_A_REVIEW_AFTER = re.compile(r"(?:[^\S\n]+and)?(?:[^\S\n]+(?:the[^\S\n]+)?[a-z]+(?:[^\S\n]+[a-z]+)?)?"
                               r"[^\S\n]+(?:of|for)[^\S\n]+(?:the|this|that)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}?"
                               r"(?:reviews?|DHRs?|SARs?|panel|sub-?group|group)\b")
"""After a post: 'Independent Chair and author of the review', 'Independent Chair of the review' (lower case)."""
_OF_A_GROUP = re.compile(r"(?i)\bof\s+(?:the\s+|a\s+|an\s+|its\s+|this\s+)?(?:[\w’'-]+\s+){0,3}?(?:" + GROUP_WORD
                         + r"|reviews?|DHRs?|SARs?)$")
_ARE_BOTH = re.compile(r"\b(?:are|were|both)\b")
_AND_CHAIR_OF = re.compile(r"(?:['’]s)?(?:,|\s+(?:who|as|was|is|has\s+been|had\s+been|also|formerly|previously|"
                           r"stepped\s+down|stood\s+down|"
                           r"took\s+over|in\s+(?:his|her|their)\s+capacity))[^.;()]{0,100}?\b(?:and|as|also|is|was|been|formerly|previously)\s+"
                           r"(?:(?:the|its|our)\s+)?(?:(?i:" + _TIME + r")\s+){0,2}"
                           r"(?:Chair|Chairman|Chairperson|Chairwoman|chair)\s+(?:of|for)\s+(?:the\s+)?")
_CHAIR_AND_POST = re.compile(r"((?:Co-|Joint\s+)(?:Chair|Chairman|Chairperson|Chairwoman))"
                             r"\s+(?:and|&)\s+(?!(?:Vice|Deputy)\b)[A-Z]")
_MEMBERS_HEADING = re.compile(r"(?im)^[^\S\n]*(?:current[^\S\n]+|our[^\S\n]+)?(?:(?:board|partnership)[^\S\n]+){0,2}"
                              r"members(?:hip)?(?:[^\S\n]+of[^\S\n]+the[^\S\n]+(?:board|partnership))?"
                              r"(?:[^\S\n]*\([^()\n]{0,40}\))?[^\S\n]*$")
CABINET_POST = re.compile(r"(?<=Cabinet)[^\S\n]+(?:Member|Lead|Portfolio)\b")
"""Right after "Cabinet": "Cabinet Member for Communities" is a post, no committee's name."""
_SAID_SHE_CHAIRS = re.compile(
    # "DCS Ebdon explained that she chaired the Eastvale DAPB", "Mr Lee confirmed that he was the Chair of the
    # Eastvale YJMB": reported speech, its pronoun the reporting person's (no other person between them)
    # ("The Deputy Commissioner, Ann Lee, explained that she chaired": the comma closing her post's apposition)
    r",?\s+(?:(?:also|then|further|briefly)\s+)?(?:said|explained|confirmed|noted|reported|stated|advised|added|clarified"
    r"|(?:informed|reminded|told|assured)\s+(?:the\s+)?(?:Members|members|Panel|Committee|Board|Cabinet|Council|meeting))"
    r"\s+that\s+(?:(?:as\s+well\s+as|in\s+addition\s+to)\s+[^,.;()]{3,60},\s+)?(?:she|he)\s+"
    r"(?:(?:had|has|also|currently|now|previously|personally)\s+)*"
    r"(?:chairs|chaired|co-chairs|co-chaired|(?:was|is|had\s+been|has\s+been)\s+(?:also\s+|currently\s+)?"
    r"(?:chairing|co-chairing|(?:the\s+|its\s+)?(?:(?:independent|interim|current|Independent|Interim|Current)\s+)?"
    r"(?:[Cc]o-)?(?:[Cc]hair|[Cc]hairman|[Cc]hairperson|[Cc]hairwoman)\s+(?:of|for)))\s+(?:the\s+)?")
_AND_SCRUTINEER_OF = re.compile(r"(?:['’]s)?,?\s+who\s[^.;()]{0,100}?\band\s+(?:is|was)\s+(?:now\s+|also\s+)?"
                                r"(?:the\s+|its\s+)?"
                                r"(?:(?:Independent|Interim|independent|interim)\s+)?(?:Scrutineer|scrutineer)\s+(?:of|for)\s+"
                                r"(?:the\s+)?")
_BE_CHAIRING = re.compile(r"\s+(?:was|is|had|has|will|would)\b[^.;()]{0,100}?\b(?:be|been)\s+chairing\s+"
                          r"(?:(?:future|all|its|the)\s+)*(?:meetings\s+of\s+)?(?:the\s+)")
_CO_CHAIRING_WITH = re.compile(r"\s*,\s*(?:co-chairing|jointly\s+chairing)\s+(?:the\s+meeting\s+)?with\s+")
_GAPPED_BY = re.compile(r"\s+by\s+(?:(?:her|him|them)sel(?:f|ves)\s*,?\s*)?"
                        r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?\s+)?")
_AND_THE_BEFORE = re.compile(r",?\s+and\s+(?:the\s+)?\Z")
_PLURAL_CHAIR_VERB = re.compile(r"\bwho\s+(?:co-|jointly\s+|together\s+)?chair\s")
_APPOSITION_CHAIRS = re.compile(
    # ("Ian Cragg, the Vice-Chairman of the LSCB, who had chaired the Board between May and August")
    r"(?:['’]s)?,[^,.;()]{3,100},\s+(?:who\s+)?(?:now\s+|currently\s+|also\s+|previously\s+|formerly\s+"
    # "Tom Bell, who has been Independent Chair of the X since 2019, and before that chaired the Y"
    r"|and\s+(?:before\s+that|previously|earlier|formerly|also)\s+)?"
    r"(?:chairs|chaired|co-chairs|co-chaired|(?<=who\s)(?:co-|jointly\s+|together\s+)?chair(?=\s)|has\s+chaired"
    r"|had\s+chaired"
    r"|(?:is|was|will\s+be)\s+(?:now\s+|currently\s+|also\s+)?chairing)"
    r"\s+(?:the\s+|both\s+the\s+)?"
    # "Ann Lee (, a former director of nursing,) will take up the role in April, chairing both the X and the Y":
    # the participle after the clause that begins at the person
    r"|(?:['’]s)?[,\s][^.;()]{3,200}?,\s+(?:and\s+)?chairing\s+(?:the\s+|both\s+the\s+)")
# ("the Vice-Chair, Ann Lee, chaired the meeting": the comma closing her apposition too)
_CHAIRED_MEETING = re.compile(r"(?:,[^,.;()\n]{3,40},)?,?\s+(?:chaired|chairs|was\s+chairing)"
                              r"\s+(?:the|this|today['’]s)\s+meeting\b|,?\s+took\s+the\s+chair\b")
"""'Ann Lee chaired the meeting', also after her post ('Tom Rees, Vice-Chair, chaired the meeting in the
absence of the Chair': chairing the board's own meeting, as "in the Chair"), 'Tom Rees took the chair'."""
_VICE_BEFORE = re.compile(r"(?i)\b(?:vice|deputy|co)[- ]?$")
_ITS_BEFORE = re.compile(r"\bits\s+$")
# "The X has an independent chair", "supported by an independent scrutineer"
_HAS_A_BEFORE = re.compile(r"\b(?:has|had|have|appointed|by|with)\s+(?:an?|its\s+own)\s+$")
_SUBJECT_AFTER = re.compile(r"(?:\s*\([^()\n]{1,60}\))?\s*,\s*(?:the\s+)?")
_MEETING_BEFORE = re.compile(r"(?i)\bmeeting\s*(?:was\s+)?(?:held\s+)?$")
_GENERIC_BOARD = re.compile(r"(?:Board|Partnership|board|partnership)\b(?!['’]s|\s+[A-Z])")
_ITS_OR_BOARDS_BEFORE = re.compile(r"\b(?:[Ii]ts|[Tt]he\s+(?:Board|Partnership)['’]s)\s+$")
_THE_BOARD = re.compile(r"(?i)\b(?:the|this|our)\s+(?:board|partnership)\b")
_BOARD_OR_END = re.compile(r"(?:Board|Partnership)\b|\s*[.,;]|\s*$")
_ORG_TO_TITLE = re.compile(r"(?:\s*\([A-Z&]{2,8}\))?(?:['’]s)?\s*")
_TITLE_TO_ORG = re.compile(r"\s*[,–|-]\s*(?:the\s+)?")
_ORG_ENDS = re.compile(r"\s*(?:[,.;)|\n]|[\"”’'](?:\s|$)|$)")  # (a quoted foreword's signature closes the quote)
_BOARD_WORD = re.compile(r"(?i)\b(?:board|partnership)\b")


def extract_roles(people: list[PersonMention], clusters: list[OrgCluster], main: OrgCluster | None,
                  committee_spans: list[tuple[int, int]], text: str, rules: Rules,
                  own_meeting: bool = False, meeting_body: str | None = None) -> list[RoleFact]:
    """Every (person, title, organisation) the text states; chairs flagged. ``own_meeting``: the
    document is the main board's own minutes, so a bare "Chair" is that board's chair;
    ``meeting_body``: the meeting's body, when it is a board, is the board a bare "Chair" chairs."""
    facts: list[RoleFact] = []
    main_i = clusters.index(main) if main is not None else None
    own_meeting = own_meeting or _own_minutes(text, main)
    own_i = own_board(clusters, meeting_body)
    if own_i is not None and own_i != main_i:
        own_meeting = True
    # a sub-group's own page (its chair and its fields are the group's): asked once, when first needed
    group_page: bool | None = None
    if own_meeting or own_i is not None:
        group_page = group_heading(text, clusters)
        if group_page:
            own_meeting, own_i = False, None
    bare_i = own_i if own_i is not None else main_i
    marks = _BoardMarks.of(clusters)
    crossing = {text.index("\n", x.start): x.end for c in clusters if c.kind in BOARD_KINDS
                for x in c.mentions if "\n" in text[x.start:x.end]}  # board names split over lines
    by_start = sorted(people, key=lambda q: q.start)
    starts = [q.start for q in by_start]  # a search for the next name, not a scan of every person
    headed = _heading_titles(people, text, rules)
    # a page no committee, cabinet, panel or scrutiny speaks on is the board's own: its "our Chair",
    # "Meet the Chair" (a heading presenting the post) is the main board's (ANNOTATION.md: a committee's
    # chair does not count, so any such word on the page keeps the bare post unresolved)
    owner_board = main_i is not None and clusters[main_i].kind in BOARD_KINDS
    committee_free: bool | None = None  # no committee word on the page: searched once, when first needed
    head_spans = {(ts, te) for _, ts, te in headed.values()}
    late: list[RoleFact] = []  # the posts section headings give
    for p in people:
        found = _titles_near(p, text, rules, crossing)
        if not found and id(p) in headed:
            found = [headed[id(p)]]
        for title, ts, te in found:
            if te - ts > len(title) and (" of " in title or " for " in title) and text.startswith(title, ts):
                # a title naming its body ends where the trimmed title ends ("elected Chair of the Board for
                # 2024/25": the "for" trimmed off is no body left unnamed; a bare "Independent Chair of" where
                # the page ends keeps its dangling "of")
                te = ts + len(title)
            j = bisect_right(starts, ts)
            while j < len(by_start) and by_start[j] is p:
                j += 1
            if j < len(by_start) and starts[j] < te:
                # "Ann Lee (AL) - Chair P Ben Ray (BR) - ...": a title ends where the next name begins
                te = starts[j]
                title = _trim_title(text[ts:te])
            if not title or len(title) > 160:
                continue
            if (ca := _CHAIR_AND_POST.match(title)) is not None:
                # "Ann Lee (AL) Co-Chair and Director of People, Eastvale Council": two posts, the first a bare chair
                title, te = ca.group(1), ts + ca.end(1)
            org = None
            whose_other = False
            inside = sorted((m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions
                            if ts <= m.start and m.end <= te)
            also: list[int] = []  # "Chair of the Children and the Adults Boards": boards joined by "and"
            if inside:
                org = inside[0][2]
                last_end = inside[0][1]
                for ms, me, ci in inside[1:]:
                    if not _JOINED.fullmatch(text[last_end:ms]):
                        break
                    if ci != org and ci not in also and clusters[ci].kind in BOARD_KINDS:
                        also.append(ci)
                    last_end = me
                if last_end >= te - 1 and " both " in text[ts:te]:
                    # "Independent Chair of both the X (XSCB) and the Y (XSAB)": the title ends at the first board;
                    # "both" says the next one is chaired too
                    k = bisect_right(marks.starts, last_end)
                    while k < len(marks.by_start) and marks.by_start[k][2] == org:
                        k += 1  # (its own acronym in brackets: "X (XSCB)")
                    if k < len(marks.by_start):
                        ms, _, ci = marks.by_start[k]
                        if ms <= last_end + 40 and "and" in text[last_end:ms] \
                                and _JOINED.fullmatch(text[last_end:ms]) and ci not in also:
                            also.append(ci)
            if org is None:
                for ci, c in enumerate(clusters):
                    if any(0 <= ts - x.end <= 16
                           and _ORG_TO_TITLE.fullmatch(text[x.end:ts])
                           for x in c.mentions):
                        org = ci
                        break
            if org is None and (wm := _WHOSE_BEFORE.search(text, max(0, ts - 12), ts)) is not None:
                # "the Eastvale SAB, whose Independent Chair Ann Lee also sits on the Executive": the board
                # right before "whose"
                org = next((ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
                            and any(0 <= wm.start() - x.end <= 3 for x in c.mentions)), None)
                # "the Scrutiny Committee on 15 February, whose Chair, Cllr Ann Lee, asked ...": "whose" is the
                # body named right before it, one we do not know (never the page's own or main board)
                whose_other = org is None
            if org is None and (_BARE_CHAIR.fullmatch(title) or title.lower() in rules.independent_titles):
                # "Ann Lee, Chair, Eastvale SAB, presented": a layout's title column, then its board's
                for ci, c in enumerate(clusters):
                    col = next((x for x in c.mentions if 0 < x.start - te <= 8
                                and _TITLE_TO_ORG.fullmatch(text[te:x.start])), None) \
                        if c.kind in BOARD_KINDS else None
                    if col is None:
                        continue
                    # "Independent Chair, Eastvale SCP and Eastvale SAB": the boards joined after it too
                    line_end = text.find("\n", col.end)
                    col_joined = _joined_after(marks, text, col.end, len(text) if line_end < 0 else line_end)
                    last = next((x.end for x in clusters[col_joined[-1]].mentions
                                 if x.start > col.end), col.end) if col_joined else col.end
                    nxt = last + len(text[last:last + 4]) - len(text[last:last + 4].lstrip(" \t"))
                    k = bisect_left(starts, nxt)
                    if _ORG_ENDS.match(text[last:last + 3]) or (
                            k < len(by_start) and by_start[k].start == nxt and nxt > last):
                        # (or a flattened table's next row opening with its person's name)
                        org = ci
                        also += [cj for cj in col_joined if cj != ci and cj not in also]
                        break
            # ("Cabinet Member for Communities and Chair of the Eastvale DAPB": a councillor's post, no committee
            # that a title's chair word could belong to)
            in_committee = any(ts <= a and b <= te and not CABINET_POST.match(text, b) for a, b in committee_spans)
            span = text[ts:te]
            generic = bool(_GENERIC_REF.search(_uncapped(span) if span.isupper() else span)) or bool(
                _ITS_OR_BOARDS_BEFORE.search(text[max(0, ts - 30):ts]))
            its_at = ts if text.startswith("Its ", ts) else text.rfind("Its ", max(0, ts - 8), ts)
            if org is None and its_at >= 0:
                # "The Eastvale SAB would continue as a separate board ... with the ESCP. Its Independent Chair,
                # Ann Lee, had been consulted": a sentence's "Its" is the board the sentence before opens with
                org = _subject_board(clusters, text, its_at)
            if org is None and p.sentence and (_ITS_BEFORE.search(text[max(0, ts - 8):ts])
                                               or _HAS_A_BEFORE.search(text[max(0, ts - 24):ts])):
                # "The Eastvale Forum appointed Ann Lee as its Chair", "The Eastvale Forum thanked its
                # previous Chair Ann Lee": "its" is the body the sentence opens with: a board we know,
                # else a body we do not (never the main board)
                upto = min(p.start, ts)
                subj = text[p.sentence.start:upto]
                named_before = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                                if c.kind in BOARD_KINDS and p.sentence.start <= x.start and x.end <= upto]
                if named_before:
                    org = max(named_before)[1]
                elif _OTHER_BODY.search(subj):
                    continue
            pm = _POSSESSIVE_PLACE.match(text[ts:te])
            if pm and org is None:
                same = [ci for ci, c in enumerate(clusters) if c.place and c.place.lower() == pm.group(1).lower()
                        and c.kind in SAFEGUARDING_KINDS]
                if main_i in same:
                    org = main_i
                elif same:
                    org = same[0]
            # a body the title names that is no board we know ("Chair of the Eastvale Forum") is never
            # taken for the document's main board
            named = _NAMES_BODY.search(_uncapped(title) if title.isupper() else title)
            names_other = named is not None and not generic \
                and fold(named.group(1)).lower().rstrip(" .") not in rules.places
            if org is None and not names_other and not generic and "," in title:
                # "(Independent Chair, Eastvale Joint Commissioning Group)": a body in the title's last
                # column that is no board we know (never the main board)
                cm = _TITLE_COMMA_BODY.search(title)
                names_other = cm is not None and fold(cm.group(1)).lower().rstrip(" .") not in rules.places
            if org is None and not names_other:
                # "Tom Rees - Independent Chair, Westshire MAPPA Strategic Management Board": the next
                # column names a body we do not know, whose chair this is; "Independent Chair of" and
                # the page ends (or the body is in words no rule reads): whose, the page does not say
                names_other = bool(body_column(text, te)) or bool(
                    _DANGLING_OF.search(text, ts, te)) and not _LOWER_BOARD_AFTER.match(text, te)
            names_other = names_other or whose_other or (org is None and (
                _OF_A_GROUP.search(title) is not None or OF_A_REVIEW_AFTER.match(text, te) is not None))
            bare = bool(_BARE_CHAIR.fullmatch(title))
            if not bare and "," in title:
                # "Cllr Ann Lee (Chair, Eastvale District Council)": the chair's own council or agency after
                # the post, no body of which it is the chair
                post, _, rest = title.partition(",")
                # (the agency's cell may go on to a post there: "Interim Chair, Eastvale Council – Director of X")
                if _BARE_CHAIR.fullmatch(post.strip()) and _AGENCY_TAIL.search(_CELL_END.split(rest, 1)[0]):
                    bare, names_other = True, False
            if org is None and not in_committee and not names_other and (aud := _AUDIENCE_REF.search(span)):
                org = _by_audience(clusters, "safeguarding-adults" if aud.group("adults") else "safeguarding-children",
                                   ts)
            if org is None and not in_committee and generic and not names_other:
                # "the Board's Independent Chair" under a section on the adults' board, on a page whose main
                # board is the children's partnership: the board of that head word named last before it
                org = _by_head_word(clusters, text, ts, te, main_i)
            if org is None and not in_committee and main_i is not None and not names_other and (
                    generic or title.lower() in rules.independent_titles or "independent" in title.lower()):
                org = main_i
                if not generic and p.sentence is not None and " of " not in title and " for " not in title:
                    # "The Eastvale SAB has two co-chairs: Ann Lee, an independent co-chair, and ...": the
                    # safeguarding board the sentence opens with (its subject), not the page's main board
                    named_here = {ci for ci, c in enumerate(clusters) if c.kind in SAFEGUARDING_KINDS
                                  for x in c.mentions if p.sentence.start <= x.start and x.end <= p.start
                                  and _SUBJECT_LEAD.fullmatch(text, p.sentence.start, x.start)}
                    if len(named_here) == 1:
                        org = named_here.pop()
            elif org is None and not in_committee and bare_i is not None and not names_other and bare and own_meeting:
                org = bare_i
            elif org is None and owner_board and bare and not names_other and (
                    # (or the person a chair's-post heading presents, signing under it "Ann Lee\nChair")
                    (ts, te) in head_spans or id(p) in headed or _OUR_BEFORE.search(text, max(0, ts - 12), ts)
                    # "Ann Lee stepped down as Chair", "Tom Rees is acting as interim chair"
                    or _AS_BEFORE.search(text, max(0, ts - 16), ts)) and (
                    committee_free if committee_free is not None
                    else (committee_free := not _committee_word(text))):
                org = main_i
            elif org is None and owner_board and bare and not names_other and not in_committee \
                    and _FIELD_LABEL_END.match(text, te) and not text[text.rfind("\n", 0, ts) + 1:ts].strip() \
                    and not (group_page if group_page is not None else (group_page := group_heading(text, clusters))) \
                    and not _committee_word(text[:ts]) \
                    and not _GROUP_LINE_ABOVE.search(text, max(0, ts - 300), ts):
                # a field opening its line on the board's own page, no committee named above it ("Chair:
                # Superintendent Ann Lee, Northfell Police" under the partnership's membership list)
                org = main_i
            elif org is None and not in_committee and bare and not names_other and _TIMED_CHAIR.match(title):
                # "Current Chair Ann Lee (Police)" in a passage about a board: the board named last
                # before it in its paragraph
                para = text.rfind("\n\n", max(0, ts - 400), ts)
                near = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                        if c.kind in SAFEGUARDING_KINDS and max(para, ts - 400) <= x.start and x.end <= ts]
                if near:
                    org = max(near)[1]
                elif main_i is not None and p.sentence is not None:
                    # "paid tribute to the previous Chair Ann Lee" in a sentence about "the Board" /
                    # "this board" and no other body: the page's main board, which that phrase means
                    sent_text = text[p.sentence.start:p.sentence.end]
                    if _THE_BOARD_OR_IT.search(sent_text) and _BOARD_WORD.search(sent_text) \
                            and not _OTHER_BODY.search(sent_text):
                        org = main_i
            if _CHILDREN_AND_ADULTS_BOARDS.search(title):
                # "Independent Chair of the Midshire Safeguarding Children and Safeguarding Adults Boards"
                pair = [ci for ci, c in enumerate(clusters)
                        if c.kind in ("safeguarding-children", "safeguarding-adults")
                        and (not c.place or c.place.lower() in title.lower())]
                if org is None and pair:
                    org = pair[0]
                also += [ci for ci in pair if ci != org and ci not in also]
            is_chair = bool(rules.chair_title.search(title)) and not rules.not_chair.search(title) \
                and org is not None and not in_committee
            if is_chair and bare and _GROUP_CELL_BEFORE.search(text, text.rfind("\n", 0, ts) + 1, ts):
                continue  # "Performance Sub-group | Chair: Ann Lee": the row's group's chair, not the board's
            s = p.sentence
            if s is None:  # _titles_near found nothing without a sentence
                continue
            # "Ann Lee and Tom Bell, Co-Chairs of the X", "Co-Chairs of the X: Ann Lee and Tom Bell": a plural
            # post is every joined person's
            shared = []
            if is_chair and _PLURAL_CHAIR.search(title):
                i = bisect_right(starts, p.start) - 1
                while i > 0 and by_start[i - 1].sentence is p.sentence \
                        and _PERSON_JOIN.fullmatch(text, by_start[i - 1].end, by_start[i].start):
                    i -= 1
                    shared.append(by_start[i])
                shared += _joined_people(p, by_start, starts, text)
            ev, into = s.start, facts
            if (ts, te) in head_spans:
                into = late  # after every other fact: a post the text states next to the name comes first
                if 0 <= s.start - ts <= 300:
                    ev = text.rfind("\n", 0, ts) + 1  # the heading that gives the post, then the name's sentence
            for o in [org] + also:
                for holder in [p] + shared:
                    into.append(RoleFact(holder.cluster, title, o, is_chair, ev, s.end))
    # "George LeeChair of the Eastvale SCP (Chair)" in a board's own attendance list: also the chair
    # of the meeting's board, when no other name stands between the name and the mark
    # (also a board's membership table on its own page: a "Board members" heading, and no council body's words)
    table_i = own_i if own_i is not None else main_i if (
        main_i is not None and ("ember" in text or "EMBER" in text) and _MEMBERS_HEADING.search(text) is not None
        and not _committee_word(text)) else None
    if table_i is not None:
        # a joint meeting of two boards ("Joint meeting of the X SCB and the X SAB"): its chairs chair both
        joint = joint_boards(text, clusters)
        for p in people:
            sent = p.sentence
            if sent is None:
                continue
            stop = text.find("\n", p.end, min(sent.end, p.end + 160))
            m = _CHAIR_MARK.search(text, p.end, stop if stop >= 0 else min(sent.end, p.end + 160))
            if m is None:
                m = _chair_cell(text, p, rules)  # a name opening its row, the chair's cell ending it
            if m is None:
                m = _CHAIR_FIRST_CELL.match(text, p.end)  # "Cllr Ann Lee      Co-Chair; Cabinet Member for ..."
            if m is None and "n the" in text[p.end:p.end + 60]:
                m = _IN_THE_CHAIR_AFTER.match(text, p.end)  # "Ann Lee in the Chair", "(Vice-Chair, in the Chair)"
            if m is None and "Chair" in text[p.end:p.end + 200]:
                # a flattened table's row: "Ann Lee (AL) – Head of Public Protection, Eastvale Police – Chair P Tom
                # Rees (TR) – ...": the chair's cell, then the attendance mark, before the next row's name
                m = _CHAIR_ROW_MARK.search(text, p.end, p.end + 200)
            if m and not any(p.end <= q.start < m.start() for q in people):
                table_boards = [table_i]
                if table_i in joint:
                    # (not one whose row names the board he chairs: "(Co-Chair; Chair of the Adults Board, ...)")
                    own = {f.org for f in facts if f.person == p.cluster and f.chair and f.org in joint}
                    table_boards = [] if own else joint
                for bi in table_boards:
                    facts.append(RoleFact(p.cluster, m.group(1) or m.group(2), bi, True, sent.start, sent.end))
    if own_i is not None or (own_meeting and bare_i is not None):
        initialled: dict[str, set[int]] = {}
        for p in people:
            if len(p.tokens) >= 2 and p.sentence is not None:
                initialled.setdefault("".join(t[0] for t in p.tokens), set()).add(p.cluster)
        for m in scan.finditer(_INITIALS_MARK, text):
            acr = m.group(1) or m.group(2)
            who = initialled.get(acr, set())
            if len(who) == 1 and not any(acr in c.names for c in clusters):
                board_i = own_i if own_i is not None else bare_i
                assert board_i is not None
                facts.append(RoleFact(next(iter(who)), "Chair", board_i, True, m.start(), m.end()))
        board_i = own_i if own_i is not None else bare_i
        if board_i is not None:
            facts += _name_column_chair(text, by_start, board_i, rules)
    # "The Board is chaired by Jane Doe", "the SAB, chaired by Jane Doe,"
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        # "... is chaired by\nAnn Lee.": a line wrapped before the name (sentences stop at line breaks), also
        # before its rank ("co-chaired by\nChief Superintendent Ann Lee")
        s0 = _wrapped_start(text, sent.start) if p.start - sent.start < 4 or not _without_honorific_tail(
            text[sent.start:p.start], rules).strip() else sent.start
        lo = max(s0, p.start - 120)
        before = _without_honorific_tail(text[lo:p.start], rules)
        low = before.lower()
        if before.isascii() and "chaired" not in low and "ship" not in low and "scrutin" not in low:
            continue  # every match holds "chaired" (any case) or "...ship"; in ASCII text lower() finds them all
        m = _CHAIRED_BY.search(before)
        if not m or _VICE.search(before[-40:]) and not (m.group("post") and _VICE.search(m.group("post"))):
            continue  # (but "Board meetings are chaired by the Vice-Chair, Dr Ann Lee": she chairs them)
        if m.group("post") is not None and (not rules.role_heads.search(m.group("post"))
                                            or any(lo + m.start() < q.start < p.start for q in people)):
            continue  # "chaired by X, Ann Lee": X must be a post, and no person of its own
        # the board named last before "chaired by" in this sentence; "the Board"/"it" -> the main board
        boards = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                  if s0 <= x.start and x.end <= lo + m.start() and c.kind in BOARD_KINDS]
        last_start = max((x.start for ci, c in enumerate(clusters) for x in c.mentions
                          if boards and x.end == max(boards)[0] and ci == max(boards)[1]), default=s0)
        if _GROUP_CHAIRED.search(text, max(boards)[0] if boards else s0, lo + m.start()) or (
                boards and _GROUP_OF_BEFORE.search(text, max(s0, last_start - 60), last_start)):
            # "the Partnership's education reference group, chaired by Ann Lee", "the Exploitation Sub-group of
            # the Eastvale SCP, chaired by Ann Lee": the group's chair
            continue
        joined: list[int] = []
        # the clause the verb is in ("the Boards were co-chaired in rotation ...; for 2021-22 the Children Board
        # had been chaired by Ann Lee": the Children Board, not both)
        clause = max(s0, text.rfind(";", s0, lo + m.start()) + 1)
        after = [] if boards or not m.group("under") else [
            (x.start, ci) for ci, c in enumerate(clusters) for x in c.mentions
            if c.kind in BOARD_KINDS and p.end <= x.start and _SUBJECT_AFTER.fullmatch(text, p.end, x.start)]
        if not boards and after and not text[s0:lo + m.start()].strip(" \t\n\"'‘“•·-"):
            # "Under the chairmanship of Ann Lee, the X agreed ...": the phrase opens the sentence, its
            # board the subject right after the person (not "..., the Committee noted the X report")
            boards = [(0, min(after)[1])]
        if boards:
            org = max(boards)[1]
            if _ARE_BOTH.search(text[max(boards)[0]:lo + m.start()]):
                # "The X and the Y are both chaired by Jane Doe": the boards joined before the verb
                joined = _joined_before(marks, text, max(boards)[0], s0)
        elif (plural := _PLURAL_BOARDS.search(text, clause, lo + m.end())) is not None and (
                prior := _boards_named_before(clusters, s0, 3) if (plural.group(1) or "").lower() == "three"
                else _the_two_boards(clusters, s0)):
            # "Both Boards are chaired by Ann Lee": the boards the sentences before named
            org, joined = prior[0], prior[1:]
        elif own_meeting and bare_i is not None and _MEETING_BEFORE.search(before[:m.start()]):
            org = bare_i  # "The meeting was chaired by Jane Doe" in a board's own minutes
        elif (aud := _AUDIENCE_ANY.search(text, clause, lo + m.start())) is not None and (by_kind := _by_audience(
                clusters, "safeguarding-adults" if aud.group("adults") else "safeguarding-children", s0)) is not None:
            org = by_kind  # "the Children's Board was co-chaired by ...": the page's board of that kind
        elif (tbi := _last_board_word(text, s0, p.start)) >= 0 and not _OTHER_BODY.search(text, tbi, p.start) \
                and not _GROUP_OF_BEFORE.search(text, max(s0, tbi - 40), tbi):
            # (not "the X Delivery Group, a sub-group of the Partnership chaired by Ann Lee": the group's chair)
            # not when the sentence names a body we do not know ("The Eastvale Forum is chaired by");
            # when the main board is not named before the sentence (or there is none), "The Board" is the
            # board named last before it ("... the Eastvale Domestic Abuse Partnership Board. The Board is
            # chaired by ...", the page's safeguarding board named only further down)
            named_i = None if main is not None and min(x.start for x in main.mentions) < s0 \
                and not _ADJ_BOARD.search(text, s0, p.start) else named_last(clusters, s0)
            if named_i is None and (tb0 := _THE_BOARD_OPENS_AT.match(text, s0, lo + m.start())) is not None:
                # "... the Eastvale Community Safety Partnership brings together ... The partnership is chaired by
                # Cllr Ann Lee": the board of that head word its paragraph named last, though the page's main
                # board be another
                para = text.rfind("\n\n", 0, s0) + 1
                here_i = named_last(clusters, s0, s0 - para, tb0.group(1).lower())
                last_at = max((x.start for x in clusters[here_i].mentions if para <= x.start < s0), default=para) \
                    if here_i is not None else para
                if here_i is not None and main_i is not None and here_i != main_i \
                        and not _GONE_BEFORE.search(text, max(para, last_at - 80), last_at):
                    named_i = here_i  # (not a board the paragraph says was replaced: "replaced the former X and Y")
            if named_i is None and _IT_SUBJECT.match(text, s0, lo + m.start()):
                # "Safer Eastvale is the county's CSP. It is co-chaired by ...": "It" opening the sentence
                # is the board the sentence before named last (its heading or subject), not the page's main
                # (that sentence only: "... and the former Eastvale SAB.\n\nThe Partnership Board is the senior
                # body. It is chaired by ...": the sentence before names no board, so "It" is the page's main)
                prev_s = _sentence_before(text, s0)
                named_i = named_last(clusters, s0, min(300, s0 - prev_s))
                subject = _subject_board(clusters, text, s0)
                if subject is not None:
                    # "The Eastvale DAPB was established in 2021 and reports to the Safer Eastvale Partnership. It is
                    # chaired by ...": "It" is the board the sentence before opens with, its subject
                    named_i = subject
                if named_i is None and _BODY_SUBJECT.match(text, _sentence_opener(text, s0), s0):
                    # "The Channel Panel is a multi-agency panel ... It is chaired by Ann Lee": "It" is the body
                    # the sentence before opens with, one we do not know (never the page's main board)
                    continue
            if named_i is None and (tb := _THE_BOARD_OPENS_AT.match(text, s0, lo + m.start())) is not None:
                # "The Eastvale Domestic Abuse Partnership Board oversees the strategy ... The Board is chaired by
                # Ann Lee": "The Board" opening the sentence is the board the sentence before opens with, when its
                # name ends in that word (else the page's main board, as before)
                subject = _subject_board(clusters, text, s0)
                if subject is not None and fold_words(clusters[subject].name)[-1:] == [tb.group(1).lower()]:
                    named_i = subject
            if named_i is not None:
                org = named_i
            elif main_i is not None:
                org = main_i
            else:
                continue
        elif m.group("scrut") and main_i is not None and not _OTHER_BODY.search(text[s0:p.start]):
            # "Independent scrutiny of the arrangements is carried out by Ann Lee": the page's board, or the
            # children's partnership named last before it when the page's board is none (scrutinised_board)
            org = scrutinised_board(clusters, s0, main_i)
        else:
            continue
        for o in [org] + [ci for ci in joined if ci != org]:
            facts.append(RoleFact(p.cluster, "Chair", o, True, s0, sent.end))
            # "co-chaired by Jane Doe and Tom Bell", "jointly chaired by Jane Doe (Police) and Tom Bell"
            for q in _joined_people(p, by_start, starts, text):
                facts.append(RoleFact(q.cluster, "Chair", o, True, s0, sent.end))
    # "Ann Lee, co-chairing with Chief Superintendent Tom Rees, opened the meeting": both chair the meeting's board
    if "chairing with" in text and own_meeting and bare_i is not None:
        for p in people:
            cm = _CO_CHAIRING_WITH.match(text, p.end)
            if cm is None or p.sentence is None:
                continue
            other = next((o for o in people if o.start == cm.end() or (
                o.start > cm.end() and not _without_honorific_tail(text[cm.end():o.start], rules).strip())), None)
            for co in (p, other):
                if co is not None:
                    facts.append(RoleFact(co.cluster, "Co-Chair", bare_i, True, p.sentence.start, p.sentence.end))
    # "the X had been chaired by Ann Lee, ..., and the Y by herself, Tom Rees": the verb left out before "by"
    for p in people:
        sent = p.sentence
        if sent is None or text.find(" by ", max(sent.start, p.start - 40), p.start) < 0 \
                or text.find("chaired", sent.start, p.start) < 0:
            continue
        for ci, c in enumerate(clusters):
            x = next((x for x in c.mentions if sent.start <= x.start and x.end <= p.start
                      and _GAPPED_BY.fullmatch(text, x.end, p.start)
                      and _AND_THE_BEFORE.search(text, sent.start, x.start)
                      and text.find("chaired", sent.start, x.start) >= 0), None) if c.kind in BOARD_KINDS else None
            if x is not None:
                facts.append(RoleFact(p.cluster, "Chair", ci, True, sent.start, sent.end))
    # "Jane Doe has chaired the Y", "Jane Doe, who chairs the Y,"
    for p in people:
        sent = p.sentence
        if sent is None or text.find("hair", p.end, sent.end) < 0:
            # every match of the five patterns below (read from the rest of the sentence) holds
            # "chair" (any of its forms): without "hair" there, none can match and the person is
            # skipped, as the last test below would (no five slices and matches per person)
            continue
        m = _CHAIRS_THE.match(text[p.end:sent.end])
        if not m:
            # "Cllr Ann Lee, the Cabinet's lead for community safety and Chair of the Eastvale CSP": a board
            # named after "Chair of" later in the clause that begins at the person, no other person between
            m = _AND_CHAIR_OF.match(text[p.end:sent.end])
            if m and any(p.end < q.start < p.end + m.end() for q in people):
                m = None
        if not m:
            # "Ann Lee was no longer ... and would not be chairing future meetings of the Board": a chair
            # leaving (a former chair counts), later in the clause that begins at the person
            m = _BE_CHAIRING.match(text[p.end:sent.end])
            if m and any(p.end < q.start < p.end + m.end() for q in people):
                m = None
        if not m:
            m = _SAID_SHE_CHAIRS.match(text[p.end:sent.end])
            if m and any(p.end < q.start < p.end + m.end() for q in people):
                m = None
        if not m:
            # "Ann Lee, Director of Public Health, chairs the Eastvale HWB": the verb after an apposition
            m = _APPOSITION_CHAIRS.match(text[p.end:sent.end])
            if m and any(p.end < q.start < p.end + m.end() for q in people):
                m = None
        if own_meeting and bare_i is not None and _CHAIRED_MEETING.match(text[p.end:sent.end]):
            facts.append(RoleFact(p.cluster, "Chair", bare_i, True, sent.start, sent.end))
            continue
        if not m:
            continue
        at = p.end + m.end()
        named_at = _board_at(clusters, text, at)
        for extra in (_APPOSITION_CHAIRS, _AND_SCRUTINEER_OF):
            # "Tom Bell, who has been Independent Chair of the X since 2019, and before that chaired the Y", "Ann
            # Lee, who had chaired the LSCB until its replacement and is now the Independent Scrutineer of the Y":
            # the Y too
            if (m2 := extra.match(text[p.end:sent.end])) is not None and m2.end() != m.end() \
                    and not any(p.end < q.start < p.end + m2.end() for q in people) \
                    and (also_at := _board_at(clusters, text, p.end + m2.end())) is not None:
                facts.append(RoleFact(p.cluster, "Chair", also_at[0], True, sent.start, sent.end))
        if named_at is None and (short := _board_by_suffix(clusters, text, at)) is not None:
            facts.append(RoleFact(p.cluster, "Chair", short, True, sent.start, sent.end))
            continue
        if named_at is not None and _GROUP_NAMED_AFTER.match(text, named_at[1].end):
            continue  # "Ann Lee, who chairs the ESCP Case Review Group": the group's chair
        if named_at is not None:
            ci, hit = named_at
            facts.append(RoleFact(p.cluster, "Chair", ci, True, sent.start, sent.end))
            if _PLURAL_CHAIR_VERB.search(m.group()):
                # "Ann Lee and Cllr Tom Bell, Portfolio Holder, who co-chair the X": the name joined before
                j = bisect_left(starts, p.start) - 1
                if j >= 0 and by_start[j].sentence is sent and _PERSON_JOIN.fullmatch(text, by_start[j].end, p.start):
                    facts.append(RoleFact(by_start[j].cluster, "Chair", ci, True, sent.start, sent.end))
            # "chairs the Midshire Safeguarding Children and Adults Boards": two bodies named by one span
            for cj, cc in enumerate(clusters):
                if cj != ci and any((x.start, x.end) == (hit.start, hit.end) for x in cc.mentions):
                    facts.append(RoleFact(p.cluster, "Chair", cj, True, sent.start, sent.end))
            # "Jane Doe chairs both the X and the Y": the boards joined after it
            for cj in _joined_after(marks, text, hit.end, sent.end):
                if cj != ci:
                    facts.append(RoleFact(p.cluster, "Chair", cj, True, sent.start, sent.end))
        else:
            # "Ann Lee, who chairs the Board, ...": the generic name is the main board (not "the Board's
            # sub-group")
            gm = _GENERIC_BOARD.match(text, at, at + 40)
            if gm and text[at - 4:at].lower() == "the ":
                # "... Chairman of the Eastvale CSP, and thanked Cllr Lee, who had chaired the Partnership": a
                # board of that head word the sentence named before the person, else the page's main board
                head = gm.group().lower()
                same_head = named_last(clusters, p.start, p.start - sent.start, head=head)
                if same_head is None:
                    # the page's main board when its name ends in that word, else the meeting's own board ("Ann
                    # Lee will chair the Board" in a management board's minutes whose main body is a partnership)
                    same_head = next((ci for ci in (main_i, own_i) if ci is not None
                                      and fold_words(clusters[ci].name)[-1:] == [head]), main_i)
                if same_head is not None:
                    facts.append(RoleFact(p.cluster, "Chair", same_head, True, sent.start, sent.end))
                    if _PLURAL_CHAIR_VERB.search(m.group()):
                        # "Ann Lee, Commander, and Tom Rees, Chief Executive, who jointly chair the Partnership"
                        j = bisect_left(starts, p.start) - 1
                        if j >= 0 and by_start[j].sentence is sent \
                                and _PERSON_JOIN.fullmatch(text, by_start[j].end, p.start):
                            facts.append(RoleFact(by_start[j].cluster, "Chair", same_head, True, sent.start,
                                                  sent.end))
            elif _IT.match(text, at):
                # "The X report was presented by Ann Lee, who chairs it": the board the sentence named before
                before_p = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                            if c.kind in BOARD_KINDS and sent.start <= x.start and x.end <= p.start]
                if before_p and not _OTHER_THING.search(text, max(before_p)[0], p.start):
                    facts.append(RoleFact(p.cluster, "Chair", max(before_p)[1], True, sent.start, sent.end))
    # "Ann Lee welcomed everyone. As the new Chair, she reported ...": the post in the next sentence, by a
    # pronoun whose only antecedent is the person opening the sentence before
    for p in people:
        sent = p.sentence
        if sent is None or text[sent.start:p.start].strip(" \t\n\"'‘“•·-") or sent.end >= len(text):
            continue
        m = _AS_CHAIR_PRONOUN.match(text, sent.end, min(len(text), sent.end + 200))
        if not m or any(q.start < sent.end and q.start > p.end for q in people if q.sentence is sent):
            continue
        nxt_end = text.find(".", m.end())
        nxt_end = len(text) if nxt_end < 0 else nxt_end + 1
        org = None
        if m.group("of") is not None:
            org = next((ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
                        and any(x.start == m.end("of") for x in c.mentions)), None)
            if org is None:
                continue  # the chair of a body we do not know
        elif own_meeting and bare_i is not None:
            org = bare_i
        elif main_i is not None and _THE_BOARD.search(text[sent.start:nxt_end]) \
                and not _OTHER_BODY.search(text[sent.start:nxt_end]):
            org = main_i
        if org is not None:
            facts.append(RoleFact(p.cluster, m.group("title"), org, True, sent.start, nxt_end))
    # "Ann Lee is a social worker ... She currently chairs the Eastvale SAB": the verb after a pronoun
    # opening the next sentence, whose only antecedent is the person opening the sentence before
    for p in people:
        sent = p.sentence
        if sent is None or text[sent.start:p.start].strip(" \t\n\"'‘“•·-") or sent.end >= len(text):
            continue
        m = _PRONOUN_OPENS.match(text, sent.end, min(len(text), sent.end + 20))
        if not m or any(q.start < sent.end and q.start > p.end for q in people if q.sentence is sent):
            continue
        nxt_end = text.find(".", m.end())
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        verb = _CHAIRS_THE.match(text[m.end():nxt_end])
        named_at = _board_at(clusters, text, m.end() + verb.end()) if verb else None
        if named_at is not None:
            facts.append(RoleFact(p.cluster, "Chair", named_at[0], True, sent.start, nxt_end + 1))
    facts += _paragraph_pronoun_chairs(people, clusters, text, facts)
    # "The Eastvale SAB, whose Independent Chair is Jane Doe,": the board named last before "whose"
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        # every match holds "whose": the pattern (no literal to start from) runs only where it stands
        lo = max(sent.start, p.start - 80)
        m = _WHOSE_CHAIR.search(text, lo, p.start) if text.find("whose", lo, p.start) >= 0 else None
        if not m or any(m.end() <= q.start < p.start for q in people):
            continue
        boards = [(x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                  if c.kind in BOARD_KINDS and sent.start <= x.start and 0 <= m.start() - x.end <= 3]
        if boards:
            facts.append(RoleFact(p.cluster, m.group("title"), max(boards)[1], True, sent.start, sent.end))
    # "The (current) Independent Chair of the Eastvale SAB is Jane Doe": the post first, the name after a verb
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        lo = max(sent.start, p.start - 160)
        window = text[lo:p.start]
        if "hair" not in window and "crutineer" not in window and "onvenor" not in window:
            continue
        m = scan.search(_CHAIR_IS, text, lo, p.start)
        if not m and main_i is not None and ("ndependent" in window or "INDEPENDENT" in window):
            im = _INDEPENDENT_IS.search(text, lo, p.start)
            if im and ("independent" in im.group("title").lower()
                       or im.group("title").lower() in rules.independent_titles):
                # "The Board's new Independent Chair is Ann Lee": the board of that head word named last
                org_i = (_by_head_word(clusters, text, im.start(), im.end("title"), main_i)
                         if im.group("poss") else main_i)
                if text.startswith(("Its ", "its "), im.start()) and not text[sent.start:im.start()].strip() \
                        and (subject := _subject_board(clusters, text, sent.start)) is not None:
                    # "The TSAB is the statutory adults board. Its Independent Chair is Ann Lee": the subject of the
                    # sentence before, when a board opens it
                    org_i = subject
                if org_i is not None:
                    facts.append(RoleFact(p.cluster, im.group("title"), org_i, True, sent.start, sent.end))
            continue
        if (m is None or _GENERIC_BOARD_ONLY.fullmatch(m.group("board"))) and main_i is not None \
                and "hair" in window:
            gm = _GENERIC_CHAIR_IS.search(text, lo, p.start)
            if gm and not _VICE_BEFORE.search(text[max(lo, gm.start() - 8):gm.start()]) \
                    and not any(gm.end() <= q.start < p.start for q in people) \
                    and (gm.group("of") or gm.group("its") in ("Its", "its")
                         # "Our chair is Ann Lee": the board's own page, no committee word on it
                         or (gm.group("its") in ("Our", "our") and owner_board and not _committee_word(text))
                         or _BOARD_CHAIRED_BEFORE.search(text, max(0, sent.start - 300), sent.start)):
                facts.append(RoleFact(p.cluster, gm.group("title"), main_i, True, sent.start, sent.end))
            continue
        if not m or _VICE_BEFORE.search(text[max(lo, m.start() - 8):m.start()]):
            continue
        boards = [(x.start, ci) for ci, c in enumerate(clusters) for x in c.mentions
                  if c.kind in BOARD_KINDS and m.start("board") <= x.start and x.end <= m.end("board")]
        if boards and not any(m.end() <= q.start < p.start for q in people):
            facts.append(RoleFact(p.cluster, m.group("title"), min(boards)[1], True, sent.start, sent.end))
        elif not boards and _BOTH_BOARDS.fullmatch(m.group("board")) \
                and not any(m.end() <= q.start < p.start for q in people):
            # "The current Chair of both Boards is Ann Lee": the page's children's and adults' boards when it has
            # one of each, else the two boards the page named before
            for ci in _the_two_boards(clusters, sent.start):
                facts.append(RoleFact(p.cluster, m.group("title"), ci, True, sent.start, sent.end))
    # "Cllr Ann Lee asked about the Corporate Parenting Board, which she chaired, ...": the board before "which
    # she chairs", the one person the sentence named before it
    if "hich " in text:
        for ci, c in enumerate(clusters):
            if c.kind not in BOARD_KINDS:
                continue
            for x in c.mentions:
                if not _WHICH_SHE_CHAIRS.match(text, x.end, min(len(text), x.end + 60)):
                    continue
                before_x = [q for q in people if q.sentence is not None and q.sentence.start <= x.start
                            and q.end <= x.start and x.start < q.sentence.end]
                if len({q.cluster for q in before_x}) == 1:
                    q0 = before_x[0]
                    assert q0.sentence is not None  # (before_x holds only mentions with a sentence)
                    facts.append(RoleFact(q0.cluster, "Chair", ci, True, q0.sentence.start, q0.sentence.end))
    # "AB was appointed Interim Chair of the Board": minutes that write people by their
    # initials; the initials must fit one person of the document only
    if scan.search(_INITIALS_CHAIR, text):
        by_initials: dict[str, set[int]] = {}
        for p in people:
            if len(p.tokens) >= 2:
                by_initials.setdefault("".join(t[0] for t in p.tokens), set()).add(p.cluster)
        for m in scan.finditer(_INITIALS_CHAIR, text):
            g = 1 if m.group(1) else 3  # the initials and the post of the alternative that matched
            who = by_initials.get(m.group(g), set())
            if len(who) != 1 or _VICE_BEFORE.search(m.group(0)[:m.start(g + 1) - m.start()]):
                continue
            sent = next((x.sentence for x in people
                         if x.sentence and x.sentence.start <= m.start() < x.sentence.end), None)
            lo, hi = (sent.start, sent.end) if sent else (m.start(), m.end())
            boards = [(x.start, ci) for ci, c in enumerate(clusters) for x in c.mentions
                      if m.end() <= x.start <= m.end() + 12 and c.kind in BOARD_KINDS]
            if boards:
                org = min(boards)[1]
            elif main_i is not None and _BOARD_OR_END.match(text[m.end():m.end() + 30]):
                org = main_i
            else:
                continue
            facts.append(RoleFact(next(iter(who)), m.group(2) if g == 1 else "Chair", org, True, lo, max(hi, m.end())))
    # "a single chair for the children and adult safeguarding boards"
    for m in scan.finditer(_SHARED_CHAIR, text):
        sent_people = [p for p in people if p.sentence and p.sentence.start <= m.start() < p.sentence.end]
        if not sent_people:
            continue
        p = sent_people[0]
        s = p.sentence
        assert s is not None  # sent_people holds only people with a sentence
        for ci, c in enumerate(clusters):
            if c.kind in SAFEGUARDING_KINDS and (c is main or c.kind == "safeguarding-adults"):
                facts.append(RoleFact(p.cluster, "Chair", ci, True, s.start, s.end))
    facts += _predecessors(people, facts + late, text, clusters)
    facts += _successors(people, facts + late, text, clusters)
    facts += _announced_post(people, clusters, text, marks, facts + late)
    facts += _first_person_chair(people, clusters, text, facts + late)
    # (the people inside a sentence, in text order: the passes below read a person at an offset)
    sentenced = _Sentenced.of(by_start)
    facts += _pronoun_chairs(sentenced, clusters, text, rules)
    facts += _co_chairs_listed(people, clusters, text, main_i, rules)
    facts += _co_chaired_with(sentenced, clusters, marks, text, rules)
    facts += _elided_chairs(sentenced, clusters, text, rules)
    facts += _signed_co_chairs(sentenced, clusters, text, main_i, rules)
    return _scrutineers(facts + late, clusters, main_i)


_PARTNERSHIP_WORDS = frozenset(("partnership", "partnerships"))


def scrutinised_board(clusters: list[OrgCluster], at: int, main_i: int | None) -> int | None:
    """The board an independent scrutineer whose sentence names none scrutinises. The post came
    with the 2019 children's safeguarding arrangements: a partnership's, not a replaced LSCB's nor an
    adults' board's. So the page's main board when it is such a partnership, else the one named last
    before ``at`` ("The KVSCP is led by the three partners. Independent scrutiny is provided by Ann
    Lee." on a page whose main board is the adults' board), else the first named after; a page
    with no such partnership keeps its main board."""
    cands = {ci for ci, c in enumerate(clusters)
             if c.kind == "safeguarding-children" and _PARTNERSHIP_WORDS.intersection(fold_words(c.name))}
    if not cands or main_i in cands:
        return main_i
    before = [(x.end, ci) for ci in cands for x in clusters[ci].mentions if x.end <= at]
    if before:
        return max(before)[1]
    return min((x.start, ci) for ci in cands for x in clusters[ci].mentions)[1]


def scrutineer_board(org: int, title: str, start: int, end: int, clusters: list[OrgCluster],
                     main_i: int | None) -> int:
    """The board of a chair post ``title`` stated at ``start``..``end`` and given ``org``: a scrutineer's
    post that went to the main board only because its sentence names no board moves to the board
    ``scrutinised_board`` finds for it (the rules' posts, ``_scrutineers``, and the learned pass's)."""
    if main_i is None or org != main_i or "scrutin" not in title.lower() \
            or any(start <= x.start < end for x in clusters[main_i].mentions):
        return org
    moved = scrutinised_board(clusters, start, main_i)
    return org if moved is None else moved


def _scrutineers(facts: list[RoleFact], clusters: list[OrgCluster], main_i: int | None) -> list[RoleFact]:
    """The rules' chair posts with each scrutineer's board as ``scrutineer_board`` has it."""
    out = []
    for f in facts:
        if f.chair and f.org is not None:
            org = scrutineer_board(f.org, f.title, f.start, f.end, clusters, main_i)
            if org != f.org:
                f = replace(f, org=org)
        out.append(f)
    return out


# "I was appointed as Independent Chair of the Eastvale SAB in 2023": the page's author chairs it
_I_CHAIR = re.compile(r"\bI\s+(?:am|was|have\s+been|had\s+been|became|joined\s+as|took\s+up\s+the\s+(?:post|role)\s+of)"
                      r"\s+(?:(?:recently|newly|formally)\s+)?(?:(?:appointed|confirmed)\s+(?:as\s+)?)?"
                      r"(?:the\s+)?(?:(?:new|interim|first)\s+)?(?:Independent\s+|independent\s+)?"
                      r"(?:Chair|Chairman|Chairperson|chair|Scrutineer|scrutineer)\s+(?:of|for)\s+(?:the\s+)?")


_PRONOUN_CHAIRS = re.compile(r"\b(?:[Ss]he|[Hh]e)\s+(?:(?:also|currently|now|still|already)\s+)*"
                             r"(?:chairs|co-chairs|(?:is|was|ha[sd]\s+(?:also\s+)?been)\s+(?:also\s+|currently\s+|now\s+)*"
                             r"(?:the\s+)?"
                             r"(?:(?:[Ii]ndependent|[Ii]nterim)\s+)?(?:[Cc]o-)?[Cc]hair(?:man|person|woman)?\s+of)"
                             r"\s+(?:the\s+)?")


@dataclass(frozen=True)
class _Sentenced:
    """The people named inside a sentence, in text order, and their starts (for searches)."""
    by_start: list[PersonMention]
    starts: list[int]

    @staticmethod
    def of(by_start: list[PersonMention]) -> _Sentenced:
        kept = [q for q in by_start if q.sentence is not None]
        return _Sentenced(kept, [q.start for q in kept])

    def at(self, text: str, pos: int, rules: Rules) -> PersonMention | None:
        """The person whose name opens at ``pos``, an honorific before it allowed ("by Councillor Tom Rees")."""
        k = bisect_left(self.starts, pos)
        if k < len(self.by_start) and not _without_honorific_tail(text[pos:self.by_start[k].start], rules).strip():
            return self.by_start[k]
        return None


def _pronoun_chairs(sentenced: _Sentenced, clusters: list[OrgCluster], text: str,
                    rules: Rules) -> list[RoleFact]:
    """"Professor Ann Lee is a registered social worker ... and she currently chairs the Eastvale Domestic Abuse
    Partnership Board": a pronoun's post, the pronoun the person who opens its sentence or the one before it
    (the only person named between that opening and the pronoun), the board named right after the verb."""
    if "hair" not in text or ("he " not in text and "He " not in text):
        return []  # (every match holds "chair" and a pronoun)
    out: list[RoleFact] = []
    by_start, starts = sentenced.by_start, sentenced.starts
    for m in _PRONOUN_CHAIRS.finditer(text):
        named = _board_at(clusters, text, m.end())
        if named is None:
            continue
        k = bisect_left(starts, m.start()) - 1
        if k < 0:
            continue
        q = by_start[k]
        s = q.sentence
        assert s is not None
        if m.start() - s.start > 600 or text.find("\n\n", q.end, m.start()) >= 0:
            continue  # no further than the sentence before, inside one paragraph
        if _without_honorific_tail(text[s.start:q.start], rules).strip(" \t\"'‘“•·-"):
            continue  # the person must open the sentence: its subject
        if any(x.cluster != q.cluster for x in by_start[k + 1:] if x.start < m.start()) \
                or any(by_start[j].cluster != q.cluster for j in range(k) if by_start[j].start >= s.start):
            continue  # another person named in between: whose pronoun it is, the text does not say
        out.append(RoleFact(q.cluster, "Chair", named[0], True, s.start, text.find(".", m.end()) + 1 or len(text)))
    return out


_CO_CHAIRED_WITH = re.compile(r"\b(?:co-chairs|co-chaired|jointly\s+chairs|jointly\s+chaired)\s+(?:the\s+)?")
_WITH_PERSON = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\s*with\s+")
_WHICH_BEFORE = re.compile(r",?\s*(?:which|that)\s+(?:she|he|they|it)\s+(?:also\s+|currently\s+)?\Z")


def _co_chaired_with(sentenced: _Sentenced, clusters: list[OrgCluster], marks: _BoardMarks, text: str,
                     rules: Rules) -> list[RoleFact]:
    """"she co-chaired the Eastvale Domestic Abuse Local Partnership Board with Councillor Tom Rees", "the Eastvale
    DAPB, which she co-chairs with Councillor Tom Rees": the person after "with" co-chairs the board named after
    the verb, or right before "which" (whoever the subject is)."""
    if "o-chair" not in text and "ointly chair" not in text:
        return []
    out: list[RoleFact] = []
    for m in _CO_CHAIRED_WITH.finditer(text):
        named = _board_at(clusters, text, m.end())
        if named is not None:
            org, board_end = named[0], named[1].end
        elif text.startswith("with ", m.end()) \
                and (wb := _WHICH_BEFORE.search(text, max(0, m.start() - 24), m.start())) is not None:
            k = bisect_right(marks.ends, wb.start()) - 1
            if k < 0 or wb.start() - marks.by_end[k][0] > 8:
                continue
            org, board_end = marks.by_end[k][2], m.end()
        else:
            continue
        w = _WITH_PERSON.match(text, board_end)
        q = sentenced.at(text, w.end(), rules) if w is not None else None
        if q is not None:
            assert q.sentence is not None  # (``sentenced`` holds only people inside a sentence)
            out.append(RoleFact(q.cluster, "Co-Chair", org, True, q.sentence.start, q.sentence.end))
    return out


_GONE_BEFORE = re.compile(r"\b(?:former|replac\w*|previous|old|predecessor)\b")
_AND_THE_BEFORE_BOARD = re.compile(r"\band\s+(?:the\s+)?\Z")
_BY_AFTER_BOARD = re.compile(r"\s+by\s+")


def _elided_chairs(sentenced: _Sentenced, clusters: list[OrgCluster], text: str,
                   rules: Rules) -> list[RoleFact]:
    """"The ESCB is chaired by Ann Lee, Director of X, and the ESAB by Tom Rees": the verb left out of the second
    clause; the board after "and the", then "by" and a person, in a sentence whose first clause says "chaired by"."""
    if "haired by" not in text:
        return []
    out: list[RoleFact] = []
    for ci, c in enumerate(clusters):
        if c.kind not in BOARD_KINDS:
            continue
        for x in c.mentions:
            if not _AND_THE_BEFORE_BOARD.search(text, max(0, x.start - 10), x.start):
                continue
            b = _BY_AFTER_BOARD.match(text, x.end)
            q = sentenced.at(text, b.end(), rules) if b is not None else None
            if q is None:
                continue
            sent = q.sentence
            assert sent is not None
            if sent.start <= x.start and "haired by" in text[sent.start:x.start]:
                out.append(RoleFact(q.cluster, "Chair", ci, True, sent.start, sent.end))
    return out


_THE_BOARD_OPENS_AT = re.compile(r"[\s\"'‘“•·-]*The\s+([Bb]oard|[Pp]artnership)\b")
_THE_GENERIC = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Ii]ts)\s+"
                          r"((?:Partnership|Board|partnership|board)(?:\s+(?:Board|board))?)\b")
_CO_CHAIRED_LIST = re.compile(r"(?i)\b(?:co-)?chaired\s+(?:jointly\s+)?by\s+[^.:\n]{0,100}?"
                              r"(?:partners|agencies|organisations|delegates|representatives|leads)\b[’']?"
                              r"[^.:\n]{0,20}:[^\S\n]*\n")
"""'co-chaired by its three statutory partners:', 'co-chaired by two of the lead partners' delegates, currently:'
ending its line (the people on the lines after)."""
_CO_CHAIRS_INLINE = re.compile(r"(?:\b(?:has|have|had)\s+(?:(?:two|three|joint)\s+)?"
                                r"(?:[Cc]o-?[Cc]hairs|[Jj]oint\s+[Cc]hairs)"
                                r"|\b(?:is|are|was|were)\s+(?:co-chaired|jointly\s+chaired)\s+by\s+[^.:;\n]{0,80}?)"
                                r"[^\S\n]*:[^\S\n]*(?=\S)")
"""'The Eastvale SAB has two co-chairs: Ann Lee, an independent co-chair, and Dr Tom Rees, ...', 'The ESCP is
co-chaired by the three lead representatives: Ann Lee, Director ...; Tom Rees; and ...': the people listed
after the colon in the same sentence."""
_NEXT_ITEM = re.compile(r"(?:,?[^\S\n]*(?:and|&)|;|,)[^\S\n]*\Z")


def _list_owner(clusters: list[OrgCluster], text: str, s0: int, at: int, main_i: int | None,
                generic_too: bool = True) -> int | None:
    """The board a list of co-chairs belongs to: the board its sentence (from ``s0`` to the list's label at ``at``)
    names last, else the one its "the Partnership" stands for (``generic_too``)."""
    named = [(x.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS for x in c.mentions
             if s0 <= x.start and x.end <= at]
    if named:
        return max(named)[1]
    generic = _THE_GENERIC.search(text, s0, at) if generic_too else None
    return _by_head_word(clusters, text, generic.start(1), generic.end(1), main_i) if generic is not None else None


def _co_chairs_listed(people: list[PersonMention], clusters: list[OrgCluster], text: str, main_i: int | None,
                      rules: Rules) -> list[RoleFact]:
    """"The Partnership is co-chaired by its three statutory partners:" then a list or table, a row each: the
    person opening each row chairs the board the sentence names (or "the Partnership" stands for). The
    list ends at the first blank line after its rows, six rows at most. Also the same sentence's list after
    "The Eastvale SAB has two co-chairs:" (``_CO_CHAIRS_INLINE``)."""
    out: list[RoleFact] = []
    for m in _CO_CHAIRED_LIST.finditer(text) if "haired" in text else ():
        org = _list_owner(clusters, text, sentence_start(text, m.start()), m.start(), main_i)
        if org is None:
            continue
        rows, at = 0, m.end()
        while rows < 6 and at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            if not line.strip():
                if rows:
                    break
                at = end + 1
                continue
            opener = next((q for q in people if at <= q.start < end
                           and not _without_honorific_tail(text[at:q.start], rules).strip(" \t•·*|-")), None)
            if opener is not None:
                out.append(RoleFact(opener.cluster, "Co-Chair", org, True, m.start(), end))
                rows += 1
            elif rows:
                break
            at = end + 1
    for m in _CO_CHAIRS_INLINE.finditer(text) if "o-chairs" in text or "oint chairs" in text or "haired by" in text \
            else ():
        s0 = sentence_start(text, m.start())
        # ("The Partnership is co-chaired by the three partners: ..." by its generic name: the other rules read it,
        # with the page's own board)
        org = _list_owner(clusters, text, s0, m.start(), main_i, generic_too="haired" not in m.group())
        if org is None:
            continue
        sent = next((q.sentence for q in people if q.start >= m.end() and q.sentence is not None), None)
        stop = sent.end if sent is not None and sent.start <= m.end() else m.end()
        listed = [q for q in people if m.end() <= q.start < stop]
        prev_end = m.end()
        for k, q in enumerate(listed):
            lead = _without_honorific_tail(text[prev_end if k == 0 else listed[k - 1].end:q.start], rules)
            # the first person right after the colon; each other after "and", ";" or a comma that ends
            # the one before's apposition (never a person named inside it: "Chief Nurse, NHS X")
            if k == 0 and lead.strip():
                break
            if k and not _NEXT_ITEM.search(lead):
                continue
            out.append(RoleFact(q.cluster, "Co-Chair", org, True, s0, stop))
    return out


# a signature's last line holding only the co-chairs' word ("Co-Chairs, Eastvale SAB"), or one such cell a column
# ("Co-Chair                 Co-Chair") under two names side by side
_CO_CHAIR_CELL = r"(?:(?:Joint|Independent)[^\S\n]+|Co-?)(?:[Cc]hair(?:man|person)?)"
_SIGNED_CO_CHAIRS = re.compile(r"(?m)^[^\S\n]*(?:(?P<plural>(?:Joint[^\S\n]+|Co-?)[Cc]hairs)(?:[^\S\n]*[,–—-][^\S\n]*"
                               r"(?P<body>[^\n]{2,100}?))?|(?P<cells>" + _CO_CHAIR_CELL + r"(?:[^\S\n]{3,}"
                               + _CO_CHAIR_CELL + r")+))[^\S\n]*$")
_COLUMN_GAP_BEFORE = re.compile(r"(?:\A|[^\S\n]{3,}|\t)(?:[A-Z][\w.’'-]*[^\S\n]+){0,3}\Z")


def _signed_co_chairs(sentenced: _Sentenced, clusters: list[OrgCluster], text: str, main_i: int | None,
                      rules: Rules) -> list[RoleFact]:
    """A signature of two or more co-chairs: "Ann Lee, Director of X\nTom Rees, Chief Nurse, Y\nCo-Chairs, ESAB"
    (each line above opens with a name) or two columns ("Ann Lee        Tom Rees\nPost          Post\nCo-Chair
    Co-Chair": the names line holds one name a cell). They chair the board the last line names, else the page's
    own (main) board."""
    if "hair" not in text:
        return []
    out: list[RoleFact] = []
    for m in _SIGNED_CO_CHAIRS.finditer(text) if "o-Chair" in text or "o-chair" in text or "oint Chair" in text \
            else ():
        named = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS for x in c.mentions
                 if m.start("body") <= x.start < m.end("body")] if m.group("body") else []
        org = named[0] if named else main_i if main_i is not None and clusters[main_i].kind in BOARD_KINDS else None
        if org is None:
            only = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS]
            if len(only) != 1:
                continue
            org = only[0]  # (a page with no main board that names one board only: the plan's own board)
        cells = m.group("cells").count("hair") if m.group("cells") else 0
        signed: list[PersonMention] = []
        end = m.start()
        for _ in range(4):  # the block's lines above, nearest first, to a blank line
            ls = text.rfind("\n", 0, max(0, end - 1)) + 1
            line = text[ls:end].rstrip("\n")
            if not line.strip() or ls >= end:
                break
            k = bisect_left(sentenced.starts, ls)
            here = []
            while k < len(sentenced.by_start) and sentenced.starts[k] < ls + len(line):
                q = sentenced.by_start[k]
                lead = _without_honorific_tail(text[ls:q.start], rules)
                if not lead.strip() or (cells and _COLUMN_GAP_BEFORE.search(lead)):
                    here.append(q)
                k += 1
            if cells:
                if len(here) == cells:
                    signed = here  # the names line (the posts' lines between hold no names)
            elif here and not _without_honorific_tail(text[ls:here[0].start], rules).strip():
                signed.insert(0, here[0])
            elif signed:
                break
            end = ls
        if len({q.cluster for q in signed}) >= 2:
            out += [RoleFact(q.cluster, "Co-Chair", org, True, m.start(), m.end()) for q in signed]
    return out


def _first_person_chair(people: list[PersonMention], clusters: list[OrgCluster], text: str,
                        facts: list[RoleFact]) -> list[RoleFact]:
    """A chair's own page written in the first person ("I was appointed as Independent Chair of the
    X ..."): the author is the one person the page names (its heading's "Welcome from Ann Lee", its
    signature), and chairs the board named after the post. A page naming more people says no more."""
    if "I " not in text or len({p.cluster for p in people}) != 1:
        return []
    who = people[0].cluster
    out: list[RoleFact] = []
    for m in _I_CHAIR.finditer(text):
        for ci, c in enumerate(clusters):
            if c.kind in BOARD_KINDS and any(x.start == m.end() for x in c.mentions) \
                    and not any(f.person == who and f.org == ci and f.chair for f in facts):
                end = text.find(".", m.end())
                out.append(RoleFact(who, "Independent Chair", ci, True, m.start(), len(text) if end < 0 else end + 1))
    return out


# "She succeeds Tom Bell, who steps down after six years", "Ann Lee, who replaces Tom Bell,": the one
# succeeded held the post the subject now holds (a former chair counts, ANNOTATION.md)
_HONORIFIC_OPT = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?\s+)?"
_SUCCEEDS_LEADIN = re.compile(r"\b(?:succeeds|succeeded|succeeding|replaces|replaced|replacing"
                              # "he had taken over the chair from Ann Lee"
                              r"|(?:takes|took|taking|taken)\s+over\s+(?:the\s+(?:chair(?:manship)?|role|post)\s+)?"
                              # ("She took over the role in April 2023 from Tom Bell")
                              r"(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?from)"
                              r"\s+(?:(?:the\s+)?(?:outgoing|retiring"
                              r"|former|previous)\s+(?:[Cc]hair\s+)?)?" + _HONORIFIC_OPT + r"\Z")
_HONORIFIC_ONLY = re.compile(r"[\s\"'‘“•·-]*" + _HONORIFIC_OPT)  # "Professor Ann Lee will take up ..." opens with her
_SUCCESSOR_LEADIN = re.compile(r"\b(?:his|her|their)\s+(?:successor|replacement)\s*,?\s*" + _HONORIFIC_OPT + r"\Z")
_PREDECESSOR_LEADIN = re.compile(r"\b(my|our|his|her|their|My|Our|His|Her|Their)\s+predecessors?"
                                 r"(?:\s+as\s+(?:the\s+)?(?:[Ii]ndependent\s+)?(?:[Cc]hair\w*|[Ss]crutineer))?"
                                 r"\s*,?\s*" + _HONORIFIC_OPT + r"\Z")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:She|He|They)\s+(?:(?:will|has|had|is|was)\s+)?\Z")


def _predecessors(people: list[PersonMention], facts: list[RoleFact], text: str,
                  clusters: list[OrgCluster]) -> list[RoleFact]:
    """Chairs of whom the sentence says the subject, a chair of the boards, succeeds them: the
    subject by name before the verb ("Ann Lee succeeds Tom Bell"), or by "She"/"He" opening the
    sentence, then the chair named last before it; or, where the lead-in names the chair ("had taken over
    the chair from") and no named successor chairs a board, the board the sentence named last."""
    if "succe" not in text and "replac" not in text and "over from" not in text and "predecessor" not in text \
            and "over the " not in text:
        return []
    chairs = [f for f in facts if f.chair and f.org is not None]
    out: list[RoleFact] = []
    for p in people:
        sent = p.sentence
        if sent is None:
            continue
        pm = _PREDECESSOR_LEADIN.search(text, max(sent.start, p.start - 60), p.start)
        if pm:
            # "thanking my predecessor, Ann Lee": the page's chair writes ("my", "our": the boards its chairs
            # chair, when one person chairs them); "her predecessor": the chair named last before
            if pm.group(1).lower() in ("my", "our"):
                others = {f.person for f in chairs if f.person != p.cluster}
                orgs = {f.org for f in chairs if f.person in others} if len(others) == 1 else set()
            else:
                before = [f for f in chairs if f.start <= p.start and f.person != p.cluster]
                last = max(before, key=lambda f: f.start).person if before else None
                orgs = {f.org for f in chairs if f.person == last}
            for org in sorted(o for o in orgs if o is not None):
                if not any(f.person == p.cluster and f.org == org for f in chairs):
                    out.append(RoleFact(p.cluster, "Chair", org, True, sent.start, sent.end))
            continue
        m = _SUCCEEDS_LEADIN.search(text, max(sent.start, p.start - 60), p.start)
        if not m:
            # "thanked Tom Bell, who stood down as Chair, and welcomed his successor, Ann Lee": the one
            # succeeded is the chair named before in the sentence
            m = _SUCCESSOR_LEADIN.search(text, max(sent.start, p.start - 40), p.start)
            # (the person named last before: "his" is the nearest one, a chair or not)
            before_p = [q for q in people if q.sentence is sent and q.end <= p.start and q.cluster != p.cluster] \
                if m else []
            for org in sorted({f.org for f in chairs if before_p and f.person == before_p[-1].cluster
                               and f.org is not None}):
                out.append(RoleFact(p.cluster, "Chair", org, True, sent.start, sent.end))
            continue
        subject = [q for q in people if q.sentence is sent and q.end <= m.start() and q.cluster != p.cluster]
        who: int | None = None
        if subject:
            who = subject[-1].cluster
        elif _PRONOUN_SUBJECT.fullmatch(text, sent.start, m.start()):
            before = [f for f in chairs if f.start < sent.start]
            if before:
                who = max(before, key=lambda f: f.start).person
        # the posts the page gave the successor by the end of this sentence ("Ann Lee succeeds Tom Bell ... She
        # also chairs the Y": Tom Bell chaired the X, not the Y)
        held: set[int] = set() if who is None else \
            {f.org for f in chairs if f.person == who and f.org is not None and f.start <= sent.end}
        if not held and "chair" in m.group():
            # "the X was chaired in rotation ..., and he had taken over the chair from Ann Lee": a successor
            # the page never names in full took over the chair of the board the sentence named last
            named = [(x.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
                     for x in c.mentions if sent.start <= x.start and x.end <= m.start()]
            held = {max(named)[1]} if named else set()
        for org_i in sorted(held):
            if not any(f.person == p.cluster and f.org == org_i for f in chairs):
                out.append(RoleFact(p.cluster, "Chair", org_i, True, sent.start, sent.end))
    return out


_ONLY_PRONOUN_SENTENCES = re.compile(r"(?:\s+(?:She|He|They)\b[^.]*\.)*\s*")
_AS_OTHER_POST = re.compile(r"[^.;\n]{0,40}?\bas\s+(?!(?:the\s+|its\s+|our\s+)?(?:\w+\s+){0,2}?"
                            r"(?i:chair|chairman|chairperson|chairwoman|scrutineer|independent)\b)")


def _successors(people: list[PersonMention], facts: list[RoleFact], text: str,
                clusters: list[OrgCluster]) -> list[RoleFact]:
    """The subject who succeeds a chair holds the chair the one succeeded held: "Ann Lee ... will take up the
    role on 1 April. She succeeds Tom Bell, who has chaired the partnership since 2019" (an incoming chair
    counts, ANNOTATION.md). The subject is named before the verb in the sentence, or is "She"/"He" opening
    it after a sentence that a name opens. Not when the sentence gives another post ("succeeds Tom Bell as
    Director of Children's Services")."""
    if "succe" not in text and "replac" not in text:
        return []
    chaired: dict[int, set[int]] = {}
    for f in facts:
        if f.chair and f.org is not None:
            chaired.setdefault(f.person, set()).add(f.org)
    out: list[RoleFact] = []
    for p in people:
        sent = p.sentence
        if sent is None or p.cluster not in chaired:
            continue
        m = _SUCCEEDS_LEADIN.search(text, max(sent.start, p.start - 60), p.start)
        if m is None or _AS_OTHER_POST.match(text, p.end, min(len(text), p.end + 80)):
            continue
        subject = [q for q in people if q.sentence is sent and q.end <= m.start() and q.cluster != p.cluster]
        if subject:
            who = subject[-1].cluster
        elif _PRONOUN_SUBJECT.fullmatch(text, sent.start, m.start()):
            # the person opening the sentence before, or the one before a run of sentences the same pronoun
            # opens ("Ann Lee ... will take up the post in May. She has since worked as ... She succeeds Tom Bell")
            opening = [q for q in people if q.sentence is not None
                       and (q.start == q.sentence.start or _HONORIFIC_ONLY.fullmatch(text, q.sentence.start, q.start))
                       and q.sentence.end <= sent.start and sent.start - q.sentence.end <= 600]
            if not opening:
                continue
            last = opening[-1]
            assert last.sentence is not None  # (opening holds only mentions with a sentence)
            between = text[last.sentence.end:sent.start]
            if any(last.sentence.end <= q.start < sent.start for q in people) \
                    or not _ONLY_PRONOUN_SENTENCES.fullmatch(between):
                continue
            who = last.cluster
        else:
            continue
        if who == p.cluster:
            continue
        held = chaired[p.cluster]
        # "She succeeds Tom Bell, Independent Chair of the X Partnership since 2019, who before that chaired the X
        # LSCB": the board the partnership replaced went with the old arrangements, not to her
        kinds_now = {clusters[o].kind for o in held if clusters[o].era == "partnership"}
        held = {o for o in held if not (clusters[o].era == "board" and clusters[o].kind in kinds_now)}
        for org in sorted(held):
            if org not in chaired.get(who, set()):
                out.append(RoleFact(who, "Chair", org, True, sent.start, sent.end))
    return out


_PRONOUN_SENTENCE = re.compile(r"(?:(?<=\. )|(?<=\n)|(?<=\A))[^\S\n]*(?:\d{1,2}(?:\.\d{1,2})*\.?[^\S\n]+)?"
                               r"(?:She|He)(?=\s)")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _paragraph_pronoun_chairs(people: list[PersonMention], clusters: list[OrgCluster], text: str,
                              facts: list[RoleFact]) -> list[RoleFact]:
    """"She had chaired the ELSCB from 2016" in a paragraph that names one person before it ("4.1 Professor
    Ann Lee introduced the report. The report covered ... She reminded members ... She had chaired the
    ELSCB"): the pronoun's only antecedent in its paragraph. (The pass before reads a pronoun only in the
    sentence right after the one its person opens.)"""
    if "She " not in text and "He " not in text:
        return []
    if "hair" not in text:
        return []
    out: list[RoleFact] = []
    ordered = sorted(people, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    for m in _PRONOUN_SENTENCE.finditer(text):
        end = text.find(".", m.end())
        end = len(text) if end < 0 else end
        verb = _CHAIRS_THE.match(text[m.end():end]) if text.find("hair", m.end(), end) >= 0 else None
        if verb is None:
            continue
        named_at = _board_at(clusters, text, m.end() + verb.end())
        if named_at is None:
            continue
        brk = [b.end() for b in _PARAGRAPH_BREAK.finditer(text, max(0, m.start() - 3000), m.start())]
        para = brk[-1] if brk else max(0, m.start() - 3000)
        lo = bisect_left(starts, para)
        hi = bisect_left(starts, m.start())
        before = {q.cluster for q in ordered[lo:hi]}
        if len(before) != 1:
            continue
        who = next(iter(before))
        if any(f.person == who and f.org == named_at[0] and f.chair for f in facts + out):
            continue
        out.append(RoleFact(who, "Chair", named_at[0], True, m.start(), end + 1))
    return out


_APPOINTED_UNNAMED = re.compile(r"\b(?:has|have|had)\s+been\s+appointed\s+(?:as\s+)?(?:the\s+|its\s+|their\s+)?"
                                r"(?:new\s+|first\s+)?(?:joint\s+)?(?:(?:Independent|Interim)\s+)?"
                                r"(?:Chair|Chairman|Chairperson|Scrutineer|Convenor)\s+(?:of|for)\s+(?:both\s+)?(?:the\s+)?")
_SENTENCE_STOP = re.compile(r"\.(?:\s|\Z)")
_TAKE_UP_POST = re.compile(r"\btakes?\s+up\s+(?:the|her|his|their|this)\s+(?:joint\s+|new\s+)?(?:post|role|position)\b")


def _announced_post(people: list[PersonMention], clusters: list[OrgCluster], text: str, marks: _BoardMarks,
                    facts: list[RoleFact]) -> list[RoleFact]:
    """A news item's post announced before its holder is named: "A former senior police officer has been
    appointed as the new Independent Chair of both the X and the Y. Ann Lee, who retired in 2021, will take
    up the joint post on 1 May." The person opening the next sentence that takes up the post holds it."""
    if "appointed" not in text or "take" not in text:
        return []
    out: list[RoleFact] = []
    for m in _APPOINTED_UNNAMED.finditer(text):
        named_at = _board_at(clusters, text, m.end())
        if named_at is None:
            continue
        stop = _SENTENCE_STOP.search(text, m.end())
        end = stop.start() + 1 if stop else len(text)
        start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        if any(start <= q.start < end for q in people):
            continue  # the sentence names its holder: the rules read it there
        ci, hit = named_at
        boards = [ci] + [cj for cj in _joined_after(marks, text, hit.end, end) if cj != ci]
        nxt = next((q for q in sorted(people, key=lambda q: q.start) if q.start >= end), None)
        if nxt is None or nxt.sentence is None or text[end:nxt.start].strip() \
                or not _TAKE_UP_POST.search(text, nxt.end, nxt.sentence.end):
            continue
        for b in boards:
            if not any(f.person == nxt.cluster and f.org == b and f.chair for f in facts + out):
                out.append(RoleFact(nxt.cluster, "Independent Chair", b, True, start, nxt.sentence.end))
    return out
