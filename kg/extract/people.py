"""People named in a document, the posts they hold, and who chairs what.

A capitalised sequence is taken for a person's name only with evidence: an honorific in
front ("Councillor", "Sir", "Mr S Westwood"), a known given name, or the shapes minutes use
for people: "Name, Title", "Name (Title)", "Title, Name", "Chair: Name", "Name said...".
Words that name organisations, roles or places veto a name. Mentions of one person in a
document ("Sir Francis Habgood", "Sir Habgood") are merged by surname.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise

from kg.extract import scan
from kg.extract.layout import NAME_PARTICLES, attendance_regions, records
from kg.extract.rules import Rules, derived
from kg.extract.text import BRACKETED, COLUMN_GAP, DIGIT, Sentence, fold

_LOW = "a-zà-öø-ÿā-ž"
"""A name's lower-case letters: English, Latin-1's and Latin Extended-A's ("Wiśniewski", "Dąbrowska")."""
_NAME_TOKEN = (r"(?:(?:Mc|Mac|O[’']|D[’'])?[A-Z][" + _LOW + r"]+(?:[’'][A-Z][" + _LOW + r"]+)?(?:-[A-Z][" + _LOW
               + r"]+)*|[A-Z](?=[\s.]))")
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


def _no_cache() -> None:
    """An empty cache (a factory: dataclasses leave a plain default to the class attribute)."""
    return None


@dataclass
class PersonCluster:
    mentions: list[PersonMention] = field(default_factory=list)
    # the cache of ``name`` (a declared field, not the instance's __dict__: the mypyc build's
    # classes have none, nor the class attribute a plain default would leave); out of init, repr, equality
    _name: tuple[list[PersonMention], int, str] | None = field(
        default_factory=_no_cache, init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The fullest mention's name; kept until a mention is added (the pipeline and
        ``aliases`` ask it of every cluster two or three times, each a pass over its mentions)."""
        mentions = self.mentions
        cached = self._name
        if cached is not None and cached[0] is mentions and cached[1] == len(mentions):
            return cached[2]
        best = max(mentions, key=_fullness)
        self._name = (mentions, len(mentions), best.name)
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


def _fullness(m: PersonMention) -> tuple[int, int, int]:
    """How full a mention's name is (``PersonCluster.name`` takes the fullest): words, words of
    more than a letter, then the earliest. (``name.split()`` once, where ``tokens`` split it twice.)"""
    tokens = m.name.split()
    return len(tokens), sum(len(t) > 1 for t in tokens), -m.start


# compiled once: these run for every word of every name read (the re module's own cache costs a look-up per call)
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)
_POSSESSIVE = re.compile(r"['’]s$")


def _initial_opens(st: str) -> bool:
    """Whether ``st`` (a stripped sentence) can open with _INITIALS_LINE's first item: a capital, then
    a space or a second capital (the item's "[A-Z](?:[^\\S\\n]?[A-Z])?[^\\S\\n]+")."""
    c = st[1:2]
    return "A" <= st[:1] <= "Z" and ("A" <= c <= "Z" or c.isspace() or _HEAD_OPENS.match(st) is not None)


def _no_possessive(tok: str) -> str:
    """``_POSSESSIVE.sub("", tok)`` by ``endswith``: the pattern's one match is a last "'s" (or
    "’s"), or one before a last line break ("$" matches there too); no call into re per word."""
    if tok.endswith(("'s", "’s")):
        return tok[:-2]
    if tok.endswith(("'s\n", "’s\n")):
        return tok[:-3] + "\n"
    return tok
_GAP = re.compile(r"\s+")
_RAW_TOKEN = re.compile(r"[^\s,;:()/]+")
_GAP_TOKEN = re.compile(r"\s*+([^\s,;:()/]+)")
"""_GAP then _RAW_TOKEN in one match (a token holds no whitespace, so the gap's spaces are all taken)."""


_WORDS_KEPT = 50_000  # words remembered per question before starting afresh (a long batch reads many)


_LAST_ANSWERS: list = [None, None]
"""The last Rules asked of ``_word_answers`` (held, so that ``is`` cannot see a new one at its
address) and its answers: read without ``derived``'s key string, as nearly every call is for
the one Rules of a run."""


def _word_answers(rules: Rules) -> tuple[dict[str, bool], dict[str, bool]]:
    """The answers already worked out for single words under ``rules``: is it a name token, is it
    a post's head word. Pure questions of one word, asked for every word of every run of
    capitals (a look-up, not a pass of the long role-head alternation per word)."""
    if _LAST_ANSWERS[0] is rules:
        got = _LAST_ANSWERS[1]
    else:
        got = derived(rules, _no_answers)
        _LAST_ANSWERS[0], _LAST_ANSWERS[1] = rules, got
    if len(got[0]) + len(got[1]) > _WORDS_KEPT:
        got[0].clear()
        got[1].clear()
    return got


def _no_answers(rules: Rules) -> tuple[dict[str, bool], dict[str, bool]]:
    return {}, {}


def _is_name_token(tok: str, rules: Rules) -> bool:
    known = _word_answers(rules)[0]
    got = known.get(tok)
    if got is None:
        got = known[tok] = _name_token(tok, rules)
    return got


def _is_role_word(tok: str, rules: Rules) -> bool:
    """``rules.role_heads.fullmatch(tok)``, remembered per word."""
    known = _word_answers(rules)[1]
    got = known.get(tok)
    if got is None:
        got = known[tok] = rules.role_heads.fullmatch(tok) is not None
    return got


def _name_token(tok: str, rules: Rules) -> bool:
    bare = _no_possessive(tok)
    if len(bare) == 1:
        return bare.isupper()
    return bool(_NAME_TOKEN_RE.fullmatch(bare)) and bare not in rules.stopwords and not (
        bare.isupper() and len(bare) > 1) and bare.rstrip(".") not in _honorific_words(rules)


def _honorific_words(rules: Rules) -> frozenset[str]:
    """Single-word honorifics ("Cllrs", "Mr") are never part of a name."""
    return derived(rules, _make_honorific_words)


def _make_honorific_words(rules: Rules) -> frozenset[str]:
    return frozenset(h.rstrip(".") for h in rules.honorifics if " " not in h)


def _honorific_pattern(rules: Rules) -> re.Pattern:
    """All honorifics in one pattern, longest first ("Detective Inspector" before "Inspector")."""
    return derived(rules, _make_honorific_pattern)


def _make_honorific_pattern(rules: Rules) -> re.Pattern:
    # ``(?<![\w-])(?:alts)(?![\w])`` (``_plain_honorific_pattern``) written first character first:
    # a class of the honorifics' first characters, the look-behind past it, then only the
    # honorifics that open with the character read (each group behind a look-behind for it, in
    # the written order: at a place the first honorific that matches is the same, those of other
    # first characters cannot match there). The plain form, led by a look-behind and an
    # alternation of ~50 honorifics, was tried at every character of every sentence holding an
    # honorific word; this one lets re jump from candidate character to candidate character.
    groups: dict[str, list[str]] = {}
    for h in rules.honorifics:
        groups.setdefault(h[0], []).append(h[1:])
    firsts = "".join("\\" + c if c in "]\\^-[" else c for c in groups)
    alts = "|".join(f"(?<={re.escape(first)})(?:{'|'.join(map(re.escape, rests))})" for first, rests in groups.items())
    return re.compile(f"[{firsts}](?<![\\w-].)(?:{alts})(?![\\w])")


def _plain_honorific_pattern(rules: Rules) -> re.Pattern:
    """What ``_honorific_pattern`` finds, written plainly (for the tests)."""
    alts = "|".join(re.escape(h) for h in rules.honorifics)
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w])")


def _honorific_words_at(text: str, rules: Rules) -> tuple[list[int], list[int]]:
    """Starts and ends of the honorifics' words in ``text`` (one pass over the page, no
    look-around), for a gate: a sentence (a slice of the page) can hold a match of
    ``_honorific_pattern`` at some offset only if one of the words stands there in the page,
    and that place is either where a match of this pass starts or inside one (a left-to-right
    scan tries every place it does not jump over). So a sentence no match of this pass
    overlaps has no honorific, and its own scan is skipped."""
    spans = [m.span() for m in derived(rules, _make_honorific_word_re).finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def _make_honorific_word_re(rules: Rules) -> re.Pattern:
    # the alternatives grouped by their first character, each group in the order written: the
    # engine then tries at each capital only the group it opens (one test of each other group's
    # letter) where it tried every honorific; at a place the first honorific that matches in
    # the written order is the same (honorifics of other letters cannot match there)
    groups: dict[str, list[str]] = {}
    for h in rules.honorifics:
        groups.setdefault(h[0], []).append(h[1:])
    return re.compile("|".join(
        re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")" for first, rests in groups.items()))


# the title column after a name in an attendance list, and its qualifiers ("Interim", "Deputy", ...)
_TITLE_COLUMN_LEAD = re.compile(r"^[^\S\n]*(?:[-–—][^\S\n]*)?(?:(?:Interim|Acting|Deputy|Assistant|Senior|Independent|"
                                r"Chief|Corporate|Strategic|Designated|Named)\s+)*")
_TITLE_COLUMN = re.compile(_TITLE_COLUMN_LEAD.pattern[1:] + r"\S+")
_BODY_HEADS = frozenset({"Board", "Boards", "Partnership", "Committee", "Cabinet", "Panel", "Group", "Forum", "Service",
                         "Services", "Team", "Office", "Unit", "Centre", "Council", "Authority", "Executive"})
_ORG_HEADS = frozenset({"Council", "County", "Borough", "City", "District", "Police", "Constabulary", "Trust", "CCG",
                        "ICB", "NHS", "Health", "Fire", "Probation", "University", "College", "School", "Hospital"})


_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|&|\.|\)|;|$)")
_LOWER_WORD_NEXT = re.compile(r"[^\S\n]+[a-z]")


_OF_AGENCY = re.compile(r"[^\S\n]*(?:the[^\S\n]+)?(?:[A-Z][\w’'&-]*[^\S\n]+(?:and[^\S\n]+)?){0,4}"
                        r"(?:Police|Constabulary|Council|Trust|Service|Services|Board|Partnership|ICB|CCG|NHS)\b")


def _take_name(text: str, pos: int, rules: Rules, max_tokens: int = 4) -> tuple[str, int] | None:
    """Read a name starting at ``pos`` (initials allowed); return (name, end offset)."""
    tokens: list[str] = []
    cur = pos
    while len(tokens) < max_tokens:
        tm = _GAP_TOKEN.match(text, cur)
        if not tm:
            break
        if tokens and tm.start(1) - cur >= 3 and COLUMN_GAP.search(text, cur, tm.start(1)):
            break  # "Dr Ann Lee       Eastvale Council": a table's next column, no part of the name
        raw = tm.group(1)
        tok = raw.rstrip(".")
        if tokens and tok == "of":
            if _OF_AGENCY.match(text, tm.end()):
                break  # "Chief Superintendent Ann Lee of Eastvale Police": her force, no part of her name
            tokens.append(tok)
            cur = tm.end()
            continue
        bare = _no_possessive(tok)
        if len(tokens) == 1 and bare in rules.stopwords and _NAME_TOKEN_RE.fullmatch(bare) \
                and bare not in _ORG_HEADS and bare not in _BODY_HEADS and not _is_role_word(bare, rules) \
                and (_LIST_GOES_ON.match(text[tm.end():]) or _LOWER_WORD_NEXT.match(text, tm.end())):
            # "Councillors Neill Yelland and Lee Farrant", "Cllr R Young attended": after an honorific and a
            # given name or initial, a surname that is also a common word, where no capital follows it
            # ("Cllr Ann Young People's ..." goes on as a name of a body)
            tokens.append(bare)
            cur = tm.end()
            break
        if not _is_name_token(bare, rules):
            # "Cllr Ben Ray Eastvale Council": the word before an organisation's head is its place
            if tok in _ORG_HEADS and sum(len(t) > 1 for t in tokens) >= 3:
                tokens.pop()
            break
        tokens.append(bare)
        cur = tm.end()
        if bare != tok:
            break
    if sum(len(t) > 1 for t in tokens) >= 3 and fold(tokens[-1]).lower() in rules.places:
        tokens.pop()  # "Cllr Ben Ray Leeds": a place after the name
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


def _looks_like_name(tokens: list[str], rules: Rules, given_known: bool = False) -> bool:
    """``given_known``: ``tokens`` lack the given name, which is known to be one (a month in a run)."""
    if given_known:
        return 1 <= len(tokens) <= 2 and all(_is_name_token(t, rules) for t in tokens) and len(tokens[-1]) > 1 \
            and not any(_is_role_word(t, rules) for t in tokens)
    if any(_is_role_word(t, rules) for t in tokens[1:]):
        return False  # "Designated Doctor", "Service Manager": a post, not a name
    return 2 <= len(tokens) <= 3 and all(_is_name_token(t, rules) for t in tokens) and len(tokens[-1]) > 1 \
        and not any(t in rules.stopwords for t in tokens) and fold(" ".join(tokens)).lower() not in rules.places


_COMMA_POST = re.compile(r"\s*,\s*(?:the\s+)?(?:[\w’']+\s+){0,3}(?:head|director|manager|officer|chair|chairman|leader|"
                         r"commissioner|scrutineer)\b")
_DASH_COLUMN = re.compile(r"[^\S\n]+[-–—][^\S\n]+((?:[A-Z][\w’'&-]*[^\S\n]+){0,3}[A-Z][\w’'&-]*)")
_AS_CHAIR_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:will\s+)?(?:step|stepped|stand|stood)\s+down\s+|for\s+(?:his|her|their)\s+"
    r"(?:\w+\s+){0,2}?(?:work|time|service|contribution|leadership)\s+|(?:term|time|tenure)\s+)?"
    r"as\s+(?:(?:the|its|our|their)\s+)?(?:(?:new|first|interim|acting|incoming)\s+)?(?:[A-Z][\w’'&-]*\s+){0,2}"
    r"(?:Chair|Chairman|Chairperson|Chairwoman|Scrutineer)\b")
_FIELD_LABEL = re.compile(r"(?:Chair|Contact|Chairman|Lead|Presenter|Author|Officer)\s*:\s*$|\b(?i:chaired)\s+by\s+$"
                          # "The Chair of the Board was Ann Lee", "Its chair during the year was Ann Lee"
                          r"|\b(?:Chair|Chairman|Chairperson|chair|Scrutineer)(?:\s+(?:of|for)\s+the\s+[^.;:\n]{2,100}?)?"
                          r"(?:\s+(?:during|for|in)\s+the\s+year)?\s+(?:is|was|has\s+been|remains)\s+$")
_COMMA_AFTER = re.compile(r"\s*,\s*")
_ITEM_END = re.compile(r"[^\S\n]*(?:[;(\n]|$)")
_WHO_AFTER = re.compile(r"\s*,\s*who\s+(?:has|had|is|was|will|would|chairs|chaired|led|leads|joined|took|became"
                        r"|stood|stepped|retired|served|remains)\b")
_SUCCEEDS_BEFORE = re.compile(r"\b(?:succeeding|succeeds|succeeded|replacing|replaces|replaced|successor\s+to)\s+$")
# an attendance or apologies list's opening word and its colon; a name after it with an agency or post
# in brackets or after a comma is a member listed ("Apologies: Ann Lee (Westshire CVS)")
_LIST_HEAD = re.compile(r"(?i)\b(?:present|attendees|in\s+attendance|apologies(?:\s+for\s+absence)?|apols"
                          r"|also\s+present|attending|members\s+present)[^\S\n]*:")
_AGENCY_CELL = re.compile(r"[^\S\n]*[(,][^\S\n]*(?:the\s+)?[A-Z]")
_BRACKET_AFTER = re.compile(r"\s*\(")
_OPENS_APPOSITION = re.compile(r"(?:,|\()\s*$")
_LOWER_POST_COMMA = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]ur|[Tt]heir)|['’]s)\s+(?:\w+\s+){0,2}"
                               r"(?:chair|chairman|chairperson|chairwoman|scrutineer|convenor)\s*,\s*$")
_DASH_END = re.compile(r"[–-]\s*$")


# a post's department ("Head of Housing Needs", "Director for Adult Services") and an organisation named with a
# possessive ("Eastvale Carers' Centre", "Westshire Women's Aid"): capitalised pairs that are no one's name
_POST_OF_BEFORE = re.compile(r"\b(?:Head|Director|Manager|Lead|Officer|Member|Commissioner|Secretary|Minister)"
                             r"\s+(?:of|for)\s+(?:the\s+)?\Z")
_ORG_POSSESSIVE_AFTER = re.compile(r"['’]s?[^\S\n]+(?:[A-Z][\w-]*[^\S\n]+){0,2}(?:Centre|Center|Trust|Aid|Society"
                                   r"|Association|Network|Forum|Hub|Alliance|Project|Foundation|Charity|Service|Services"
                                   r"|Group|Partnership|Board|Council|Panel|Commission|Hospital|School|College)\b")


def _name_evidence(tokens: list[str], before: str, after: str, rules: Rules) -> bool:
    """Does the context show that a capitalised pair is a person's name?"""
    if _POST_OF_BEFORE.search(before[-30:]) or _ORG_POSSESSIVE_AFTER.match(after):
        return False
    if tokens[0] in rules.first_names:
        return True
    if _COMMA_AFTER.match(after) and rules.role_heads.search(after[:80]):
        return True
    if _COMMA_POST.match(after):
        return True
    if _BRACKET_AFTER.match(after) and rules.role_heads.search(after[:80]):
        return True
    dash = _DASH_COLUMN.match(after)
    if dash and rules.role_heads.search(dash.group(1)):
        return True  # "Ann Lee - Independent Chair of ...": a layout's name and title columns
    if _AS_CHAIR_AFTER.match(after):
        return True  # "presented by Ann Lee as Independent Chair"
    if _FIELD_LABEL.search(before):
        return True  # "Chair: Ann Lee", "The meeting was chaired by Ann Lee"
    if _OPENS_APPOSITION.search(before) and rules.role_heads.search(before[-80:]):
        return True
    if _LOWER_POST_COMMA.search(before[-60:]):
        return True  # "The Board's independent chair, Ann Lee,", "supported by an independent scrutineer, Ann Lee"
    ini = _INITIALS.match(after)
    if ini and len(tokens) >= 2 and (ini.group(1), ini.group(2)) == (tokens[-2][0], tokens[-1][0]):
        return True  # "Ann Lee (AL)": initials that fit the name
    if _ATTENDANCE.search(before[-400:]) and _TITLE_COLUMN.match(after) \
            and rules.role_heads.match(_TITLE_COLUMN_LEAD.sub("", after)):
        return True  # an attendance list's "Name Title" columns: "Ann Lee Director of Public Health"
    if (_BRACKET_AFTER.match(after) or _COMMA_AFTER.match(after)) and ":" in before[-300:]:
        heads = list(_LIST_HEAD.finditer(before, max(0, len(before) - 300)))
        if heads and ". " not in before[heads[-1].end():] and _AGENCY_CELL.match(after):
            return True  # "Apologies: Ann Lee (Westshire CVS), ...", "Present:\nAnn Lee, Westshire Council"
    if _WHO_AFTER.match(after) or _SUCCEEDS_BEFORE.search(before[-30:]):
        return True  # "Ann Lee, who has chaired the Board since 2018", "succeeding Ann Lee"
    words = after.split()
    if words and words[0].strip(",.;:") in rules.person_verbs:
        return True
    if _DASH_END.search(before):
        # "Independent Chair – Ann Lee; Director of Public Health – Tom Green (Council)": a post, a dash,
        # the name, then the list's next separator (or nothing)
        return not after.strip() or bool(_ITEM_END.match(after) and rules.role_heads.search(before[-50:]))
    return False


_LINE_AFTER = re.compile(r"[^\S\n]*\n[^\S\n]*([^\n]{0,120})")
_LINE_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*([^\n]{0,120})\n[^\S\n]*$")
_LINE_START = re.compile(r"(?:^|\n)[^\S\n]*$")
_LINE_STOP = re.compile(r"[^\S\n]*(?:\n|$)")


def signature(text: str, start: int, end: int, rules: Rules) -> bool:
    """A signature block: the name alone on its line, its title alone on the line after or before
    ("Ann Lee\nIndependent Chair, Eastvale SAB")."""
    if not _LINE_START.search(text[max(0, start - 20):start]) \
            or not _LINE_STOP.match(text[end:end + 20]):
        return False
    after = _LINE_AFTER.match(text[end:end + 150])
    before = _LINE_BEFORE.search(text[max(0, start - 150):start])
    return bool(rules.role_heads.search(_line_title(after)) or rules.role_heads.search(_line_title(before)))


_TITLE_LINE = re.compile(r"[^\S\n]*((?:[A-Z][\w’'&-]*[^\S\n]*){1,4})(?:[,(–-]|of\b|for\b|$)")


def _line_title(m: re.Match | None) -> str:
    """A line that is a title ("Independent Chair, Eastvale SAB"): its opening capitalised words, or ""."""
    if not m:
        return ""
    t = _TITLE_LINE.match(m.group(1))
    return t.group(1) if t else ""


_ATTENDANCE = re.compile(r"(?i)\b(?:present|attendees|attendance|attended|apologies|apols|members|in\s+attendance)\b")


# a run may end on a hyphen that opens the title column: "Ann Lee- Independent Chair"
_RUN = re.compile(r"(?<![\w’'-])(" + _NAME_TOKEN + r"(?:[^\S\n]+" + _NAME_TOKEN + r"){1,15})(['’]s)?(?!\w|-\w)")
_INITIALS = re.compile(r"[^\S\n]*\(([A-Z])[a-z]?([A-Z])[a-z]?\)")
_FIRST_PERSON = re.compile(r"\b(?:I['’]m|I\s+am|[Mm]y\s+name\s+is)\s+("
                           + _NAME_TOKEN + r"(?:[^\S\n]+" + _NAME_TOKEN + r")?)(?![\w’'-])")
_GLUED = re.compile(r"(?:(?P<hon>Dr|Cllr|Councillor|Mr|Mrs|Ms|Miss|Prof|Professor)\.?[^\S\n]+)?"
                    r"([A-Z][a-z]+)[^\S\n]+((?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                    # (the title's first word, or an agency's initials: "Joy MensahYJS Practice Manager")
                    r"(?<![\s-]Mc)(?<![\s-]Mac)(?=[A-Z][a-z]{2,}|[A-Z]{2,5}[^\S\n])")


# (the first digit as text.DIGIT, the "start or after a space" test behind it: re jumps from digit to digit
# instead of trying the test at every character; the same matches as "(?:^|(?<=\s))\d{1,3}...", tests)
_NUMBERED_ROW = re.compile(DIGIT + r"(?<!\S.)\d{0,2}\.?[^\S\n]+([A-Z][a-z]+)[^\S\n]+"
                           r"((?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[^\S\n]+[A-Z]|[^\S\n]*(?:\n|$))")
_ROW_NUMBER = re.compile(r"(?:^|(?<=\n))[^\S\n]*\d{1,3}\.?[^\S\n]+\Z", re.M)
_DIGIT = re.compile(DIGIT)  # "\d", found by a class (text.DIGIT)
_ROW_NUMBER_REST = re.compile(r"[^\S\n]*\d{1,3}\.?[^\S\n]+")
"""_ROW_NUMBER after its line start and without its end: matched whole from the line's start."""


def _row_number_before(text: str, lo: int, end: int) -> bool:
    """``_ROW_NUMBER.search(text, lo, end) is not None``, from the one line start it can match at:
    a match holds no line break, so it opens at the last line start in ``[lo, end]``, the character
    after the last line break before ``end`` (or the page's start), and runs to ``end`` (``\\Z`` there).
    One ``rfind`` and one anchored match, where the search tried the pattern at every place."""
    j = text.rfind("\n", max(0, lo - 1), end)
    if j < 0 and lo > 0:
        return False  # no line starts in [lo, end]
    return _ROW_NUMBER_REST.fullmatch(text, j + 1, end) is not None


class _NextDigit:
    """Where the page's first digit at or after a place stands (``len(text)`` for none), for
    places asked in (mostly) rising order, as a sentence loop asks: each answer is kept with the
    place it was searched from, and holds for every place between the two (no digit lies
    there), so one search of ``_DIGIT`` runs to the next digit, not one a sentence."""

    __slots__ = ("text", "lo", "found")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = 0
        self.found = -1  # none searched yet

    def at(self, pos: int) -> int:
        if not self.lo <= pos <= self.found:
            m = _DIGIT.search(self.text, pos)
            self.lo, self.found = pos, (m.start() if m is not None else len(self.text))
        return self.found
_MONTH_NAMES = frozenset({"April", "May", "June"})
_MONTH_HONORIFICS = frozenset({"Councillor", "Cllr", "Mrs", "Ms", "Miss", "Dr", "Dame", "Professor", "Prof"})


def _month_given(tokens: Sequence[str], i: int, rules: Rules) -> bool:
    """"Sally Rowe June Marrable Debbie Colley": in a long run of names, a month that is also a given
    name, between a full name and a surname, is a given name."""
    if tokens[i] in _MONTH_NAMES and 1 <= i < len(tokens) - 1 and tokens[i - 1].rstrip(".") in _MONTH_HONORIFICS \
            and tokens[i + 1][:1].isupper() and tokens[i + 1] not in rules.stopwords:
        return True  # "Councillor June Pardoe": an honorific before the month makes it a given name
    return tokens[i] in _MONTH_NAMES and len(tokens) >= 6 and 2 <= i < len(tokens) - 1 \
        and tokens[i + 1] not in rules.stopwords and tokens[i + 1] not in rules.first_names \
        and tokens[i - 2] in rules.first_names


def _spans(run: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Where each of ``tokens`` (``run.split()``) stands in ``run``: each is found after the one
    before (a word is never inside the spaces between words)."""
    out = []
    at = 0
    for t in tokens:
        at = run.index(t, at)
        out.append((at, at + len(t)))
        at += len(t)
    return out


def _unknown_given_then_last(tokens: list[str], cur: list[int], i: int, rules: Rules) -> bool:
    """A given name we do not know, then a surname that is also a given name, ending the piece ("Keisha
    Adeyemi" before a comma, a post or the run's end): one name, where a cut would leave two lone words.
    Not after a mark or a place ("P Ann", "Eastvale Ann": the word before is one letter or a place)."""
    head = tokens[cur[0]]
    ends = i + 1 == len(tokens) or tokens[i + 1] in rules.stopwords or _is_role_word(tokens[i + 1], rules)
    return ends and len(cur) == 1 and len(head) > 1 and not head.isupper() \
        and fold(head).lower() not in rules.places


def _segments(tokens: list[str], rules: Rules) -> list[list[int]]:
    """Cut a run of capitalised words into name-sized pieces (token indices).

    Attendance tables flatten into runs such as "Ann Lee Ben Ray Cara Doyle" or
    "P Ann Lee" (a present/absent mark before the name): a known given name starts a new
    name once the current one has a surname, or when what came before it is no given name
    (a mark, a place). In such long runs a name is a given name and a surname, or a given
    name, a second given name and a surname ("Mary Anne Lee"); so a surname that is also a
    given name, before a given name we do not know, takes it along ("Ben Ray Zia Doyle")."""
    fn = rules.first_names
    segs: list[list[int]] = []
    cur: list[int] = []
    # words that are no name ("Director", "School") cut the run; the name-sized pieces come
    # from what lies between them
    long_run = len(tokens) >= 4
    stop, role = rules.stopwords, _word_answers(rules)[1]  # looked up once: a step per word follows
    for i, t in enumerate(tokens):
        is_role = role.get(t)
        if is_role is None:
            is_role = _is_role_word(t, rules)
        # (``_month_given`` asked only of a month's name: its first test, without a call per word)
        if (t in stop and not (t in _MONTH_NAMES and _month_given(tokens, i, rules))) or is_role:
            if cur:
                segs.append(cur)
                cur = []
            continue
        if cur:
            given = len(t) > 1 and (t in fn or (t in _MONTH_NAMES and _month_given(tokens, i, rules)))
            head_given = tokens[cur[0]] in fn
            full = len(cur) >= 3 or (long_run and len(cur) >= 2
                                     and not (len(cur) == 2 and tokens[cur[1]] in fn and t not in fn))
            if full or (given and (len(cur) >= 2 or not head_given)
                        and not _unknown_given_then_last(tokens, cur, i, rules)):
                segs.append(cur)
                cur = []
        cur.append(i)
    if cur:
        segs.append(cur)
    return segs


_RUNS_KEPT = 20_000  # runs remembered before starting afresh


def _run_memo(rules: Rules) -> dict[str, tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]]:
    """The words and name-sized pieces (``_segments``) of the runs of capitals already read
    under ``rules``: pure answers of the run's text alone, and the same runs come back on every
    page ("Safeguarding Adults Board", "Independent Chair"), so each is cut once."""
    memo = derived(rules, _no_runs)
    if len(memo) > _RUNS_KEPT:
        memo.clear()
    return memo


def _no_runs(rules: Rules) -> dict[str, tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]]:
    return {}


def _run_parts(run: str, rules: Rules) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """``run.split()`` and its ``_segments``, as tuples (shared by every page that has the run),
    remembered in ``_run_memo``."""
    tokens = run.split()
    parts = _run_memo(rules)[run] = (tuple(tokens), tuple(map(tuple, _segments(tokens, rules))))
    return parts


# Written capital first, then the look-behind past it ("[A-Z](?<![\w-].)" is "(?<![\w-])[A-Z]"): a
# pattern that opens with a character class lets re jump from capital to capital, where one that
# opens with a look-behind is tried at every character. The same matches, about twice as fast.
# (possessive repeats: what follows each, a space, a letter, a word's end, is nothing they give back)
_GIVEN_ALONE = re.compile(r"([A-Z](?<![\w’'.-].)[a-z]{2,}+)[^\S\n]++([a-z]++)\b")
_CAPITAL_WORD_END = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*[^\S\n]+\Z")
_STRONG_VERBS = frozenset({"said", "stated", "highlighted", "explained", "advised", "noted", "thanked", "informed",
                           "confirmed", "responded", "replied", "commented", "emphasised", "presented", "asked",
                           "queried", "reported", "summarised", "outlined", "described", "acknowledged", "clarified",
                           "suggested", "proposed", "expressed", "raised", "provided", "updated", "agreed",
                           "welcomed", "shared", "circulated", "requested", "undertook"})
_INITIALLED = re.compile(r"[A-Z](?:[^\S\n]?[A-Z])?[^\S\n]+((?:Mc|Mac|O[’'])?[A-Z][a-z’'-]+)()")
_ITEM = r"[A-Z](?:[^\S\n]?[A-Z])?[^\S\n]+(?:Mc|Mac|O[’'])?[A-Z][a-z’'-]+(?:[^\S\n]*\([^()\n]{0,80}\))?"
# an attendance list's label before the names ("Also in attendance: F Mullan (Partnership Manager), ...")
_INITIALS_HEAD = (r"(?:(?:Also[^\S\n]+)?(?i:present|in[^\S\n]+attendance|apologies(?:[^\S\n]+for[^\S\n]+absence)?"
                  r"|attendees|officers(?:[^\S\n]+present)?)[^\S\n]*[:–-][^\S\n]*)?")
_INITIALS_LINE = re.compile(r"(?m)^[^\S\n]*(?:" + _INITIALS_HEAD + _ITEM
                            + r"(?:[^\S\n]*(?:,|\band\b|&)[^\S\n]*" + _ITEM + r"){2,}"
                            # (two names will do after the list's label: "Also in attendance: P Kaur (Office of
                            # the PCC), L Otway (Community Safety Officer)")
                            r"|" + _INITIALS_HEAD[:-1] + _ITEM + r"(?:[^\S\n]*(?:,|\band\b|&)[^\S\n]*" + _ITEM
                            + r")+)[^\S\n]*\.?[^\S\n]*$")
_HEAD_OPENS = re.compile(_INITIALS_HEAD[:-1])
"""_INITIALS_HEAD required: a sentence opening with a list's label may open _INITIALS_LINE."""
_GIVEN_CORE = re.compile(r"([A-Z][a-z]{2,}+)[^\S\n]++[a-z]")
"""_GIVEN_ALONE without its look-around: every match of _GIVEN_ALONE in a sentence (a slice of the page)
starts where one of this pattern's matches on the page starts, with the same first group."""


def _given_alone_places(text: str, rules: Rules) -> list[int]:
    """Where a sentence's scan by _GIVEN_ALONE can find a match that ``find_people`` keeps (its first
    group a known given name), as offsets of the page: a sentence holding none of them is not scanned.

    Why it is exact: a match of _GIVEN_ALONE holds one capital, its first character (lower-case
    letters and spaces follow), so two matches of _GIVEN_CORE never hide one another, and whatever
    a sentence's match reads inside the sentence the page holds at the same offsets (the look-around
    is left out: the page's core needs no more than the sentence's match holds)."""
    first_names = rules.first_names
    return [at for at, _, word in _given_cores(text) if word in first_names]


@lru_cache(maxsize=4)  # read twice a page: by find_people (known given names) and given_name_mentions
def _given_cores(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each match of _GIVEN_CORE on the page: where its capitalised word starts and ends, and the word."""
    return tuple((m.start(1), m.end(1), m.group(1)) for m in _GIVEN_CORE.finditer(text))


# capital first, as _GIVEN_ALONE
_INITIAL_DOT = re.compile(r"([A-Z])(?<![\w.’'-].)\.[^\S\n]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[^\S\n]*,)")
# _RUN written capital first, as _GIVEN_ALONE (it is tried on every sentence): the first word's first
# capital, the look-behind past it, then the rest of a name token given that capital: "Mc"/"Mac" after
# an M, an apostrophe after an O or a D ("O’Neil"), tried in _NAME_TOKEN's order, or an initial. The
# same matches and groups (tests/test_people_speed.py), with re jumping from capital to capital instead
# of entering a look-ahead at every character (scan.guarded's form, kept for comparison).
# The letters of a word and the spaces between words are possessive ("++": never given back): what
# follows a word's letters (an apostrophe, a hyphen, a space, the run's end) and a space (a capital)
# is nothing they hold, so a capitalised word no name follows ("The committee") fails at once instead
# of giving its letters back one at a time.
# Each optional group is written as a choice with an empty last branch ("(?:X|)", not "(?:X)?": the same
# tries in the same order, but re's generic repeat saves and restores its state at every capital, where a
# branch skips an alternative on its first character), each look-behind of the first token after its
# letter ("c(?<=Mc)", not "(?<=M)c": a branch opening with a literal is skipped at once), and the hyphened
# parts possessive ("*+"): given back, a part leaves "-" and a capital, which neither a space, "'s" nor the
# run's end "(?!\w|-\w)" accepts. About a quarter fewer instructions (tests/test_speed12r.py).
_TOKEN_TAIL = (r"(?:c(?<=Mc)[A-Z]|ac(?<=Mac)[A-Z]|[’'](?<=[OD][’'])[A-Z]|)[" + _LOW + r"]++(?:[’'][A-Z]["
               + _LOW + r"]++|)"
               r"(?:-[A-Z][" + _LOW + r"]++)*+")
_NAME_TOKEN_FAST = (r"(?:(?:Mc|Mac|O[’']|D[’']|)[A-Z][" + _LOW + r"]++(?:[’'][A-Z][" + _LOW + r"]++|)(?:-[A-Z]["
                    + _LOW + r"]++)*+"
                    r"|[A-Z](?=[\s.]))")
"""_NAME_TOKEN as _TOKEN_TAIL is written (tests/test_speed12r.py: the same matches as _RUN's)."""
_RUN_FAST = re.compile(r"([A-Z](?<![\w’'-].)(?:" + _TOKEN_TAIL + r"|(?=[\s.]))(?:[^\S\n]++"
                       + _NAME_TOKEN_FAST + r"){1,15})(['’]s)?(?!\w|-\w)")
# What every match of _FIRST_PERSON and _INITIAL_DOT contains, with no look-around: a sentence (a
# slice of the page) can match only if the page holds this somewhere.
# (the first as one class of its three letters, and each ending checked behind it: the same places, found
# by re jumping from letter to letter instead of trying three alternatives at every character)
_FIRST_PERSON_CORE = re.compile(r"[IMm](?:(?<=I)(?:['’]m|\s+am)|(?<=[Mm])y\s+name\s+is)")
_INITIAL_DOT_CORE = re.compile(r"[A-Z]\.[^\S\n]?[A-Z][a-z]")
_DOT_CORE = re.compile(_INITIAL_DOT_CORE.pattern[len("[A-Z]"):])
"""_INITIAL_DOT_CORE after its capital: two never overlap (a full stop opens each)."""
_I_AM = re.compile(r"I(?:['’]m|\s+am)")
_MY_NAME = re.compile(r"[Mm]y\s+name\s+is")
"""_FIRST_PERSON_CORE's two openings."""


def _first_person_page(text: str) -> bool:
    """``_FIRST_PERSON_CORE.search(text) is not None``: its two openings, each searched only where its
    literal stands ("I", "name"; re's own search for the class [IMm] stops at every "m" of the page)."""
    return ("I" in text and _I_AM.search(text) is not None) or ("name" in text and _MY_NAME.search(text) is not None)


def _initial_dot_cores(text: str) -> list[tuple[int, int]]:
    """The spans of ``_INITIAL_DOT_CORE.finditer(text)``, read from the cores' full stops (re's literal
    search jumps to them) with the capital before each checked here, where the pattern's own search
    tries every capital of the page. The same spans: a core is a capital and the rest, and two never
    overlap (the second would open at the first's second capital, which a letter follows, no full stop)."""
    return [(m.start() - 1, m.end()) for m in _DOT_CORE.finditer(text, 1) if "A" <= text[m.start() - 1] <= "Z"]
# a title right after a comma: capitalised words (and "and", "of", "&" between them)
_TITLE_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*((?:(?:[A-Z][\w’'&-]*|and|of|&)(?:[^\S\n]+|(?=[,.;]))){1,9})")
_FIELDS = frozenset({"Email", "E-mail", "Tel", "Telephone", "Phone", "Mobile", "Ext"})


def _field_after(word: str, first: str, rules: Rules) -> bool:
    """A word after a name that starts the next field, not a longer proper name: "Ann Lee Email:",
    "Ann Lee NHS Eastvale" (an agency's acronym after a known given name and a surname)."""
    return word in _FIELDS or (word.isupper() and len(word) > 1 and first in rules.first_names)


# precision of the rules' people on the development set (149 documents), the confidence they carry
PEOPLE_RULE_PRECISION = 0.97


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


# (a colon may open the list: "Councillors: A, B")
_LIST_PART = re.compile(r"\s*(?:,|\band\b|:)?\s*([A-Z][\w’'-]{0,40}(?:\s+[A-Z][\w’'-]{0,40}){0,2})")
_TO_VERB = re.compile(r"\s+(?:keep|remain|continue|stay\s+on|chair|lead)\b")
_NEXT_CAPITAL = re.compile(r"(?:['’]s)?\s+([A-Z][\w’'-]*)")
_MEMBERS_NAME = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z]")
_LIST_SEP = re.compile(r"\s*(?:,|and\b)")
_LIST_POST = re.compile(r"[^\S\n]*\([^()\n]{1,40}\)")
# a member's own title inside the list ("Councillors Fairlie, Councillor Mrs Tollemache"), or a courtesy
# title alone ("Councillors Mrs S Adeyemi, P Corrigan")
_LIST_HONORIFIC = re.compile(r"\s*(?:,|\band\b)?\s*(?:(?:Councillor|Cllr\.?)(?:\s+(?:Mrs|Mr|Ms|Miss|Dr)\.?)?"
                             r"|(?:Mrs|Mr|Ms|Miss|Dr)\.?)(?=\s+[A-Z])")


# capital first, then the look-behind past it (as _GIVEN_ALONE): the engine jumps from capital to capital
# (possessive repeats: what follows each, a space after a word's letters, a capital after the spaces, a
# hyphen or the name's end after its capitals, is nothing they would give back, so a capitalised word
# no surname in capitals follows fails at once instead of giving its letters back one at a time)
# (optional groups as a branch with an empty last choice, as _RUN_FAST's: the same tries, without re's
# generic repeat at every capital followed by a word and a space; tests/test_speed12r.py)
_CAPS_NAME = re.compile(r"([A-Z](?<![\w’'-].)(?:[a-z]++|[A-Z]++))[^\S\n]++((?:Mc|MC|Mac|O’|O'|)[A-Z]{2,}+"
                        r"(?:-[A-Z]{2,}+|))(?![\w’'-])")
_VOWEL = re.compile(r"[AEIOUY]")
_CAPS_HONORIFIC = re.compile(r"(?i:mr|mrs|ms|miss|dr|cllr|councillor|prof|professor)\.?")
_CAPS_POST_AFTER = re.compile(r"[^\S\n]*([,–—(\n|\t-])?[^\S\n]*([A-Za-z][^\n]{0,60})")


def _capital_names(text: str, rules: Rules) -> list[tuple[int, int]]:
    """(start, end) of names written in capitals, wholly or the surname only: "Ann LEE" (a known
    given name, a surname in capitals with a vowel, so no acronym: "Ann SAB" is none), and
    "ANN LEE" only opening its line (an honorific before it allowed) with a post after it
    ("ANN LEE - INDEPENDENT CHAIR", "ANN LEE HEAD OF SERVICE", "JO BLOGGS\nINDEPENDENT CHAIR"),
    since headings in capitals are full of given names ("GRACE PERIOD")."""
    out = []
    at = 0
    while (m := _CAPS_NAME.search(text, at)) is not None:
        # a word in capitals that is no surname here may be the given name of the next pair
        # ("Mrs ANN LEE", "CLLR BEN RAY"): the search goes on from it, not after it
        at = m.start(2)
        if _caps_name(text, m, rules):
            out.append((m.start(), m.end()))
            at = m.end()
    return out


def _caps_name(text: str, m: re.Match, rules: Rules) -> bool:
    """Whether a match of ``_CAPS_NAME`` is a name (``_capital_names``)."""
    given, surname = m.group(1), m.group(2)
    if not _VOWEL.search(surname) or surname.title() in rules.stopwords:
        return False
    if given.isupper():
        g = given.title()
        lead = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t•·*-|")
        if g not in rules.first_names or g in _MONTH_NAMES or (lead and not _CAPS_HONORIFIC.fullmatch(lead)):
            return False
        post = _CAPS_POST_AFTER.match(text, m.end())
        # after a separator a post anywhere in the next words; straight after the name, its head first
        # ("STEVEN LANYON HEAD OF SERVICE")
        if post is None:
            return False
        return bool((rules.role_heads.search if post.group(1) else rules.role_heads.match)(post.group(2).title()))
    return given in rules.first_names and given not in _MONTH_NAMES


_NAME_HEADER = re.compile(r"(?m)^[^\S\n]*\|?[^\S\n]*(?:Name|NAME|Member|Attendee)s?[^\S\n]*(?:\||\t|[^\S\n]{2,})")
_CELL_EDGE = re.compile(r"[^\S\n]*(?:\||\t|[^\S\n]{2,})")
_LINES = re.compile(r"(?m)^[^\n]*$")


def _name_column_cells(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    """The first cells of the rows under a header whose first cell is "Name" (up to the first blank line
    after a row, 60 rows at most), each a person's name: two to four capitalised words (name particles
    allowed), an honorific or a rank before them left out of the span."""
    out: list[tuple[int, int, str]] = []
    honorific = _honorific_pattern(rules)
    for h in _NAME_HEADER.finditer(text):
        rows = 0
        for row in _LINES.finditer(text, text.find("\n", h.end()) + 1 or len(text)):
            line = row.group().strip()
            if not line:
                if rows:
                    break
                continue
            if set(line) <= set("-|: "):
                continue  # a markdown rule under the header
            if rows == 60:
                break
            lead = row.start() + len(row.group()) - len(row.group().lstrip(" \t|"))
            cut = _CELL_EDGE.search(text, lead, row.end())
            if cut is None:
                break  # a line with no cells: the table has ended
            cell = text[lead:cut.start()]
            bare = honorific.sub("", cell).strip(" .")
            core = [t for t in bare.split() if t not in NAME_PARTICLES]
            if 2 <= len(core) <= 4 and all(_NAME_TOKEN_RE.fullmatch(t) for t in core) \
                    and not any(t in rules.stopwords or _is_role_word(t, rules) for t in core) and bare in cell:
                s0 = lead + cell.rindex(bare)
                out.append((s0, s0 + len(bare), bare))
            rows += 1
    return out


def find_people(sentences: tuple[Sentence, ...], text: str, rules: Rules,
                org_spans: list[tuple[int, int]]) -> list[PersonMention]:
    """Every person mention, with its honorific, in document order."""
    found: list[PersonMention] = []
    in_orgs = overlap_test(org_spans)
    regions = attendance_regions(text)

    first_here = 0  # mentions lie inside their sentence: only this sentence's can overlap
    run_parts = _run_memo(rules)
    # the page holds the core of these rare shapes at all (a sentence is a slice of it), or no
    # sentence's scan can find them
    first_person = _first_person_page(text)
    # where the page holds _INITIAL_DOT's core: a sentence none of them lies wholly inside has no
    # match (its matches hold one), so its scan is skipped. Found by one finditer over the page:
    # two of them never overlap (a second one would start at the first's second capital, which a
    # lower-case letter follows, not a full stop), so none inside a sentence is passed over.
    dot_spans = _initial_dot_cores(text)
    dot_starts, dot_ends = [a for a, _ in dot_spans], [b for _, b in dot_spans]
    hon_starts, hon_ends = _honorific_words_at(text, rules)
    given_at = _given_alone_places(text, rules)
    honorific_pattern = _honorific_pattern(rules)  # once a page: a look-up by the rules' id
    next_digit = _NextDigit(text)

    def overlaps(s: int, e: int) -> bool:
        if in_orgs(s, e):
            return True
        for k in range(first_here, len(found)):  # (a loop, not a slice and a generator per call)
            m = found[k]
            if s < m.end and e > m.start:
                return True
        return False

    for sent in sentences:
        first_here = len(found)
        st = sent.text
        # 1. Honorific-led names (and lists after plural honorifics).
        k = bisect_right(hon_ends, sent.start)  # the first honorific word ending inside or after the sentence
        honorifics = scan.finditer(honorific_pattern, st) \
            if k < len(hon_starts) and hon_starts[k] < sent.end else ()  # behind a look-ahead for the first letters
        for hm in honorifics:
            h: str | None = hm.group()
            pos = hm.end()
            if h == "Sir" and st.endswith("Cyngor ", 0, hm.start()):
                continue  # "Cyngor Sir Ddinbych": Welsh for a County Council, not a knight
            if h in rules.plural_honorifics:
                if h == "Members" and not _MEMBERS_NAME.match(st[pos:]):
                    continue
                # a list of names, each part right after the last name (not the rest of the page):
                # "Councillors to declare any Disclosable ..." ends where its names do, and the list
                # goes on after the whole name taken ("Councillors B. Okafor, C. Lund and D. Price")
                at, limit = pos, min(len(st), pos + 600)
                while (part := _LIST_PART.match(st, at, limit)) is not None:
                    if (one := _LIST_HONORIFIC.match(st, at, limit)) is not None:
                        # "Councillors Fairlie, Councillor Mrs Tollemache, Hesketh and Ibbotson": a member's
                        # own title inside the list does not end it
                        part = _LIST_PART.match(st, one.end(), limit)
                        if part is None:
                            break
                    got = _take_name(st, part.start(1), rules)
                    if not got:
                        break
                    name, end = got
                    s0 = sent.start + part.start(1)
                    if not overlaps(s0, s0 + len(name)):
                        honorific = "Councillor" if h.startswith("C") and h != "Co-opted Members" else None
                        found.append(PersonMention(name, s0, s0 + len(name), honorific, sent))
                    at = max(end, part.end())
                    # a member's post in brackets after the name ("Councillors R. Hale (Vice-Chair),
                    # T. Penn and S. Idris") does not end the list
                    if (post := _LIST_POST.match(st, at, limit)) is not None:
                        at = post.end()
                    if not _LIST_SEP.match(st, at, min(limit, at + 6)):
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
            # the span as written ("Dr A. Lee": the name drops the initial's full stop, the span keeps it)
            ne = max(ns + len(name), sent.start + end)
            if not overlaps(ns, ne):
                found.append(PersonMention(name, ns, ne, h.rstrip(".") if h else None, sent))

        # 2. A table's name column glued to its title column ("Ann LeeChair of the Board"): at the
        # start of a line, a known given name, a surname, then a capital with no space.
        # (a match opens with a capital and a lower-case letter: two characters decide most sentences)
        if (sent.start == 0 or text[sent.start - 1] == "\n") and "A" <= st[:1] <= "Z" and "a" <= st[1:2] <= "z":
            g = _GLUED.match(st)
            # (an honorific vouches for a given name the list does not know: "Dr Yetunde BakareConsultant")
            if g and (g.group(2) in rules.first_names or g.group("hon")) and g.group(3) not in rules.stopwords \
                    and g.group(2) not in rules.stopwords:
                s0 = sent.start + g.start(2)
                # (the honorific's reading stopped at the glued title: "Dr Yetunde" gives way to the whole name)
                found[first_here:] = [m for m in found[first_here:] if not (m.start == s0 and m.end < s0 + 3 + len(
                    g.group(2)) and m.name == g.group(2))]
                if not overlaps(s0, sent.start + g.end(3)):
                    found.append(PersonMention(st[g.start(2):g.end(3)], s0, sent.start + g.end(3), g.group("hon"),
                                               sent))

        # 2b. A numbered row of a sign-in sheet or table: "7 Kate Mundy Probation Service", "12. Ann Lee":
        # a row number, a known given name, a surname, then the next column or the line's end.
        # the number split off as a list mark, alone before the sentence on its line (a bounded look back)
        # a sentence with no digit in it or in the few characters before it has no numbered row (2b
        # needs a digit there), so neither of its two searches runs (one search of a class, in C)
        # (the page's next digit from a cursor, _NextDigit: one search of the page in all, not one a sentence)
        lo = max(0, sent.start - 8)
        d = next_digit.at(lo)
        numbered = d < sent.end and _row_number_before(text, lo, sent.start)
        if numbered or (d < sent.end and (d >= sent.start or next_digit.at(sent.start) < sent.end)):
            rows = _NUMBERED_ROW.finditer(st) if not numbered else (_NUMBERED_ROW.match("0 " + st),)
            for nm in rows:
                if nm is None:
                    continue
                if numbered:
                    nm_start, nm_end = nm.start(1) - 2, nm.end(2) - 2
                else:
                    nm_start, nm_end = nm.start(1), nm.end(2)
                if nm.group(1) not in rules.first_names or nm.group(2) in rules.stopwords \
                        or fold(f"{nm.group(1)} {nm.group(2)}").lower() in rules.places:
                    continue
                s0, e0 = sent.start + nm_start, sent.start + nm_end
                if not overlaps(s0, e0):
                    found.append(PersonMention(st[nm_start:nm_end], s0, e0, None, sent))

        # 3. A page in the first person: "I'm Jo, your Independent Chair", "My name is Jo Bloggs".
        for fp in _FIRST_PERSON.finditer(st) if first_person else ():
            tokens = fp.group(1).split()
            if any(t in rules.stopwords for t in tokens) or not (tokens[0] in rules.first_names or len(tokens) > 1):
                continue
            s0 = sent.start + fp.start(1)
            if not overlaps(s0, sent.start + fp.end(1)):
                found.append(PersonMention(fp.group(1), s0, sent.start + fp.end(1), None, sent))

        # 4. "P. Mabey, Independent Chair of ...": an initial with its full stop, a surname and a title
        # right after (the runs below read no full stop inside a name).
        k = bisect_left(dot_starts, sent.start)  # the first core starting inside or after the sentence
        initial_dot = k < len(dot_starts) and dot_ends[k] <= sent.end
        for im in _INITIAL_DOT.finditer(st) if initial_dot else ():
            ti = _TITLE_AFTER.match(st, im.end())
            if not ti or not rules.role_heads.search(ti.group(1)) or im.group(2) in rules.stopwords:
                continue
            s0 = sent.start + im.start()
            if not overlaps(s0, sent.start + im.end()):
                found.append(PersonMention(im.group(), s0, sent.start + im.end(), None, sent))

        # 4b. A person named by a given name alone, when a verb of speech or action follows it ("since
        # the last meeting Danielle provided links"): a known given name, no capitalised word beside it.
        k = bisect_left(given_at, sent.start)  # the sentence holds a known given name before a word in lower case
        for gm in _GIVEN_ALONE.finditer(st) if k < len(given_at) and given_at[k] < sent.end else ():
            given = gm.group(1)
            if given not in rules.first_names:  # most capitalised words before a lower-case one: asked first
                continue
            verb = gm.group(2) in _STRONG_VERBS or (gm.group(2) == "to" and _TO_VERB.match(st[gm.end():]))
            if given in rules.stopwords or not verb \
                    or gm.start(1) == 0 or not st[:gm.start(1)].rstrip()[-1:].islower() \
                    or _CAPITAL_WORD_END.search(st, max(0, gm.start(1) - 40), gm.start(1)):
                # (the word before must be in lower case, not only its last letter: "Chair Ann Lee presented"
                # is Ann Lee, never a "Lee" alone)
                continue
            s0 = sent.start + gm.start(1)
            if not overlaps(s0, s0 + len(given)):
                found.append(PersonMention(given, s0, s0 + len(given), None, sent))

        # 5. A line that only lists initialled names ("R Bream, A Crowther and P Dunne"): an attendance
        # list's members, each a person however short.
        # (the pattern opens at a line's start: in a sentence of one line, only at its start, so it is
        # matched there instead of being tried, and failing at once, at every character)
        if "," in st:
            # (on one line a match opens the sentence with an initial: a capital, then a space or a second capital)
            lines = _INITIALS_LINE.finditer(st) if "\n" in st else \
                filter(None, (_INITIALS_LINE.match(st),)) if _initial_opens(st) else ()
            for lm in lines:
                # (a post in brackets blanked: no initialled name is read inside "(Head of A Team)")
                listed = BRACKETED.sub(lambda b: " " * len(b.group()), lm.group()) if "(" in lm.group() \
                    else lm.group()
                for im in _INITIALLED.finditer(listed):
                    if im.group(2) in rules.stopwords:
                        continue
                    s0 = sent.start + lm.start() + im.start()
                    if not overlaps(s0, s0 + len(im.group())):
                        found.append(PersonMention(im.group(), s0, s0 + len(im.group()), None, sent))

        # 6. Bare names with evidence: runs of capitalised words, cut into names.
        for run in _RUN_FAST.finditer(st):
            # the run's words: \S+ pieces, what split() cuts (both split at the same whitespace); where
            # each stands is worked out only for a run with a piece of two words or more (few are)
            parts = run_parts.get(run.group(1))
            if parts is None:
                parts = _run_parts(run.group(1), rules)
            tokens, segs = parts
            spans: list[tuple[int, int]] = []
            # (only read for three words or more, and where the sentence has a "(", which every match holds)
            ini = _INITIALS.match(st, run.end()) if len(tokens) >= 3 and "(" in st else None
            if ini and tokens[-2][0] == ini.group(1) and tokens[-1][0] == ini.group(2):
                # "P Francine Tully (FT)": the initials in brackets say where the name begins
                n = len(tokens)
                segs = (*(kept for kept in (tuple(i for i in sg if i < n - 2) for sg in segs) if kept), (n - 2, n - 1))
            for seg in segs:
                if len(seg) < 2:
                    continue  # one word: no name (no branch below lengthens a piece; the checks are pure)
                if not spans:
                    spans = _spans(run.group(1), tokens)
                if seg[-1] + 1 < len(tokens) and tokens[seg[-1] + 1] in _ORG_HEADS and len(seg) == 3 \
                        and tokens[seg[0]] in rules.first_names and tokens[seg[1]] not in rules.stopwords:
                    seg = seg[:-1]  # "Tom Rees Eastvale Police": the word before an agency's head is its place
                elif seg[-1] + 1 < len(tokens) and tokens[seg[-1] + 1] in rules.stopwords \
                        and not _month_given(tokens, seg[-1] + 1, rules) \
                        and not _field_after(tokens[seg[-1] + 1], tokens[seg[0]], rules) \
                        and not rules.role_heads.search(" ".join(tokens[seg[-1] + 1:seg[-1] + 5])) \
                        and not rules.place_pattern.match(st, run.start(1) + spans[seg[-1] + 1][0]):
                    continue  # "Five Acre Wood School": part of a longer proper name, not "Name Title" or "Name Place"
                at = sent.start + run.start(1)
                if len(seg) == 3 and tokens[seg[0]] in rules.first_names \
                        and overlaps(at + spans[seg[2]][0], at + spans[seg[2]][1]) \
                        and not overlaps(at + spans[seg[0]][0], at + spans[seg[1]][1]):
                    seg = seg[:2]  # "Ann Lee Thames Valley Police": the agency begins after the name
                seg_tokens = [tokens[i] for i in seg]
                a, b = run.start(1) + spans[seg[0]][0], run.start(1) + spans[seg[-1]][1]
                s0 = sent.start + a
                if len(seg_tokens) < 2 or overlaps(s0, sent.start + b) or "\t" in st[a:b]:
                    continue  # (a tab is a table's cell edge: "Lee, Ann<TAB>Eastvale Council" holds no "Ann Eastvale")
                if seg[-1] == len(tokens) - 1:
                    after_name = _NEXT_CAPITAL.match(st[b:b + 100])
                    if after_name and after_name.group(1) in rules.stopwords \
                            and not _field_after(after_name.group(1), seg_tokens[0], rules):
                        continue  # "Five Acre Wood School": part of a longer proper name
                # a month as the given name of a long run ("June Marrable"): judged as a known given name
                month = _month_given(tokens, seg[0], rules)
                if not _looks_like_name(seg_tokens[1:] if month else seg_tokens, rules, given_known=month):
                    continue
                if not month and seg_tokens[0] not in rules.first_names \
                        and any(fold(t).lower() in rules.places for t in seg_tokens):
                    continue  # "Healthwatch Barnsley", "Barnsley Place": a body of a council's area, not a person
                before = st[max(0, a - 400):a]
                after = st[b:b + 200]
                if seg[-1] == len(tokens) - 1 and run.group(2):
                    after = st[run.end():run.end() + 200]
                if seg_tokens[0] in ("The", "A", "An"):
                    continue
                if len(seg_tokens[0]) == 1:
                    # "G Wenlock, Partnership Manager, attended": an initial needs its title right after it
                    ti = _TITLE_AFTER.match(after)
                    if len(seg_tokens) != 2 or not ti or not rules.role_heads.search(ti.group(1)):
                        continue
                elif not month and not _name_evidence(seg_tokens, before, after, rules) \
                        and not signature(text, s0, sent.start + b, rules):
                    continue
                found.append(PersonMention(st[a:b], s0, sent.start + b, None, sent))
    # 7. An attendance list's "Name - Agency" and "Name (AB) ..." lines (and rows of tab-separated
    # cells): a person whatever the given name
    # ("Karin Hoskin - Eastvale Association of Headteachers"), the layout being the evidence.
    if regions:
        first_here = len(found)
        starts = [x.start for x in sentences]
        for rec in records(text, regions, lists_only=True):
            # (also a table's row as cells apart by tabs, as an HTML table is read: "Name<TAB>Title<TAB>Agency")
            cells = rec.shape == "plain" and text[rec.start + len(rec.person):rec.start + len(rec.person) + 3] \
                .lstrip(" ")[:1] in ("\t", "|")
            if (rec.shape not in ("dash", "initials", "comma") and not cells) or not rec.in_list:
                continue
            name = _honorific_pattern(rules).sub("", rec.person).strip(" .")
            tokens = name.split()
            # (judged without its particles: "Jan van der Berg", "Seán Ó Ceallaigh")
            core = [t for t in tokens if t not in NAME_PARTICLES] if len(tokens) > 2 else tokens
            if not tokens or len(tokens[0]) == 1 or not _looks_like_name(core, rules):
                continue
            s0 = rec.start + rec.person.rindex(name)
            i = bisect_left(starts, s0 + 1) - 1
            home = sentences[i] if i >= 0 and sentences[i].start <= s0 < sentences[i].end else None
            if home is not None and s0 + len(name) <= home.end and not overlaps(s0, s0 + len(name)) \
                    and not any(s0 < m.end and s0 + len(name) > m.start for m in found):
                found.append(PersonMention(name, s0, s0 + len(name), None, home))
    # 7b. A name in capitals: "Ann LEE", or "ANN LEE" opening a line before a post ("ANN LEE - INDEPENDENT CHAIR")
    names_in_capitals = _capital_names(text, rules)
    if names_in_capitals:
        starts = [x.start for x in sentences]
        for s0, e0 in names_in_capitals:
            i = bisect_left(starts, s0 + 1) - 1
            home = sentences[i] if i >= 0 and sentences[i].start <= s0 < sentences[i].end else None
            if home is not None and e0 <= home.end and not overlaps(s0, e0) \
                    and not any(s0 < m.end and e0 > m.start for m in found):
                found.append(PersonMention(text[s0:e0], s0, e0, None, home))
    # 7c. A name written surname first in a list or a table's cell: "| Ashdown, Peregrine | Chair |",
    # "HOLLOWAY Janet (Fire and Rescue)": the person's name in its usual order, the span as written
    if regions or "|" in text or "\t" in text:
        starts = [x.start for x in sentences]
        for s0, e0, name in _reversed_names(text, regions, rules):
            i = bisect_left(starts, s0 + 1) - 1
            home = sentences[i] if i >= 0 and sentences[i].start <= s0 < sentences[i].end else None
            if home is not None and e0 <= home.end and not overlaps(s0, e0) \
                    and not any(s0 < m.end and e0 > m.start for m in found):
                found.append(PersonMention(name, s0, e0, None, home))
    # 7d. A table whose header's first cell is "Name": each row's first cell is a person's name, whatever the
    # given name ("Name | Role | Organisation" then "Cressida Lovell-Amadi | Interim Independent Chair | ...")
    if ("Name" in text or "NAME" in text) and ("|" in text or "   " in text or "\t" in text):
        starts = [x.start for x in sentences]
        for s0, e0, name in _name_column_cells(text, rules):
            i = bisect_left(starts, s0 + 1) - 1
            home = sentences[i] if i >= 0 and sentences[i].start <= s0 < sentences[i].end else None
            if home is not None and e0 <= home.end and not overlaps(s0, e0) \
                    and not any(s0 < m.end and e0 > m.start for m in found):
                found.append(PersonMention(name, s0, e0, None, home))
    found = _split_runs(found, text, rules)
    found = [_hyphen_wrapped(m, text, rules) for m in found]
    found.sort(key=lambda p: p.start)
    # 8. A name whose given name we do not know, listed with people: "..., Erin Polglase, Suzannah Rook,
    # Charlotte Stannard", "Henri Galt and Jayne Rudd presented": a pair of name tokens right before
    # a separator and a person, opening the list or after another person.
    if len(found) > 1 or (found and " and " in text):
        extra: list[PersonMention] = []
        ends = {m.end for m in found}
        for m in found:
            lo = max(m.sentence.start if m.sentence else 0, m.start - 80)
            c = _LISTED_BEFORE.search(text, lo, m.start)
            if not c or not _looks_like_name(c.group(1).split(), rules):
                continue
            s0, e0 = c.start(1), c.end(1)
            pre = text[max(lo, s0 - 40):s0]
            sep = _LIST_SEP_END.search(pre)
            if not (sep and s0 - len(pre) + sep.start() in ends
                    or _LIST_OPENER.search(pre) or s0 == (m.sentence.start if m.sentence else -1)):
                continue
            if overlaps(s0, e0) or any(s0 < x.end and e0 > x.start for x in extra):
                continue
            extra.append(PersonMention(text[s0:e0], s0, e0, None, m.sentence))
        if extra:
            found = sorted(found + extra, key=lambda p: p.start)
    if "\t" in text:  # a name never spans a table's cells: "Present<TAB>Organisation" is a header row
        found = [p for p in found if "\t" not in text[p.start:p.end]]
    return found


# a surname then its given name, opening a line, a table's cell or a list's item: "Ashdown, Peregrine",
# "HOLLOWAY Janet", "O'NEILL, Mary J"; then the cell's or the item's end, a bracket, a comma or a dash
_REVERSED = re.compile(r"(?m)(?:^|(?<=[|\t;:]))[^\S\n]*"
                       r"((?:Mc|Mac|O[’']|)[A-Z][" + _LOW + r"]+(?:-[A-Z][" + _LOW + r"]+)?"
                       r"|(?:Mc|MC|Mac|O[’']|)[A-Z]{3,}(?:-[A-Z]{2,})?)"
                       r"(,?)[^\S\n]+([A-Z][a-z]+)((?:[^\S\n]+[A-Z]\.?)?)"
                       r"(?=[^\S\n]*(?:$|[|\t;(,]|[-–—][^\S\n]|[^\S\n]{2}))")
_REVERSED_OPEN = r"(?m)(?:^|(?<=[|\t;:]))"
assert _REVERSED.pattern.startswith(_REVERSED_OPEN)
_REVERSED_AFTER = re.compile(r"(?m)[\n|\t;:]" + _REVERSED.pattern[len(_REVERSED_OPEN):])
"""_REVERSED opened by the character its look-around reads (a line break or a cell's or list's mark):
re jumps to those characters, where ``^`` or the look-behind first was entered at every character."""


def _reversed_matches(text: str) -> list[re.Match]:
    """``list(_REVERSED.finditer(text))``, found from the characters a match must follow.

    Why exact: a match starts at the text's start, or right after a line break or one of "|", tab,
    ";", ":" (the look-around); a match of _REVERSED_AFTER at ``j`` is that character and then all
    of _REVERSED's pattern after its look-around, so _REVERSED matches at ``j + 1``, the same match
    (the pattern after the look-around reads nothing before ``j + 1``), and is asked there for it. A
    match ends in a letter or a full stop, never such a character, so the next match starts at or
    past the character after it: the search goes on from the match's end, as ``finditer`` does."""
    out: list[re.Match] = []
    m = _REVERSED.match(text)
    pos = 0 if m is None else m.end()
    if m is not None:
        out.append(m)
    while (a := _REVERSED_AFTER.search(text, pos)) is not None:
        m = _REVERSED.match(text, a.start() + 1)
        if m is None:  # (cannot be: the same pattern from the same place)
            pos = a.start() + 1
            continue
        out.append(m)
        pos = m.end()
    return out


_TABLE_LINE = re.compile(r"[|\t]")
_CELL_EDGES = re.compile(r".?[|\t][^\S\n\t]*|.?\t")
_CELL_END = re.compile(r"[^\S\n\t]*[|\t]")


def _reversed_names(text: str, regions: Sequence, rules: Rules) -> list[tuple[int, int, str]]:
    """(start, end, name in the usual order) of names written surname first: in a table's row (cells
    between bars or tabs) or in an attendance list, a known given name after a surname in capitals
    ("HOLLOWAY Janet") or after a surname and a comma ("Bell, Tom"). A whole cell whose given name we
    do not know ("| Ashdown, Peregrine |") and a surname that is a given name too ("Lee, Ann"; "Tom,
    Sue" may list given names) count only beside a name of the first kind on the page."""
    out: list[tuple[int, int, str]] = []
    # whole cells whose given name we do not know, and surnames that are given names too: kept when the
    # page has names in this order that are none of these
    unknown: list[tuple[int, int, str]] = []
    for m in _reversed_matches(text):
        surname, comma, given, initial = m.group(1), m.group(2), m.group(3), m.group(4).strip(" .")
        caps = surname.isupper()
        if given in _MONTH_NAMES or given in rules.stopwords or _is_role_word(given, rules):
            continue
        known = given in rules.first_names
        if not known and not (comma and _CELL_EDGES.fullmatch(text[max(0, m.start(1) - 2):m.start(1)])
                              and _CELL_END.match(text, m.end())):
            continue
        if caps:
            if not _VOWEL.search(surname) or surname.title() in rules.stopwords:
                continue
            surname = ("Mc" + surname[2:].title()) if surname.startswith("MC") else surname.title()
        elif not comma or surname in rules.stopwords or _is_role_word(surname, rules) \
                or re.search(r"(?<![\w’'-])" + re.escape(surname.lower()) + r"(?![\w’'-])", text) is not None:
            continue  # (a word the page also writes in lower case is a common word: "| Housing, Carol |")
        elif surname in rules.first_names:
            known = False  # "Lee, Ann" or a list of given names, "Tom, Sue": only beside other names in this order
        if fold(surname).lower() in rules.places:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        line = text[ls:len(text) if le < 0 else le]
        if not _TABLE_LINE.search(line) and not any(r.start <= m.start(1) < r.end for r in regions):
            continue
        name = " ".join(x for x in (given, initial, surname) if x)
        (out if known else unknown).append((m.start(1), m.end(3) if not initial else m.end(4), name))
    if out and unknown:
        out = sorted(out + unknown)
    return out


_HYPHEN_WRAP = re.compile(r"-\n[^\S\n]*((?:Mc|Mac|O[’']|)[A-Z][a-z]+)(?![\w’'-])")


def _hyphen_wrapped(m: PersonMention, text: str, rules: Rules) -> PersonMention:
    """A double-barrelled surname cut by a line's end ("Nell Fordham-\nPryor, Head of ..."): the name
    runs on to its second part (no title, common word or place: "Ann Lee-\nIndependent Chair", "Tom
    Rees-\nWestshire Police" are columns)."""
    if text.startswith("-\n", m.end) and m.end and text[m.end - 1].isalpha():
        h = _HYPHEN_WRAP.match(text, m.end)
        nxt = _NEXT_CAPITAL.match(text, h.end(1)) if h else None
        if h and h.group(1) not in rules.stopwords and not _is_role_word(h.group(1), rules) \
                and fold(h.group(1)).lower() not in rules.places and not (nxt and nxt.group(1) in _ORG_HEADS):
            return PersonMention(f"{m.name}-{h.group(1)}", m.start, h.end(1), m.honorific, m.sentence)
    return m


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1 and token[:1].isupper()


def _split_runs(found: list[PersonMention], text: str, rules: Rules) -> list[PersonMention]:
    """A run of name words that a flattened table or a missing comma joined into one "name", cut
    into its people: "G Pettifer H Quarmby" (initials then a surname, twice), "Helena Marsh-Ockley Simon
    Tregear" (a known given name opening a second full name), and "P Arbery Chesterfield" (a known
    place after an initialled name: the agency column). Only names of four words or more, or of
    three ending in a place, are looked at; the parts keep their offsets in the page."""
    out: list[PersonMention] = []
    for m in found:
        tokens = m.tokens
        if len(tokens) < 3 or (len(tokens) == 3 and fold(tokens[-1]).lower() not in rules.places):
            out.append(m)
            continue
        cuts: list[int] = []  # token indexes where a new person starts
        for k in range(2, len(tokens) - 1):  # each part keeps two words at least
            tok, prev = tokens[k], tokens[k - 1]
            if _is_initial(tokens[0]) and _is_initial(tok) and not _is_initial(prev) \
                    and any(not _is_initial(t) for t in tokens[k + 1:]):
                cuts.append(k)  # "G Pettifer | H Quarmby": a list of initialled names
            elif not _is_initial(tokens[0]) and tok in rules.first_names and prev not in rules.first_names \
                    and not _is_initial(tokens[k + 1]) \
                    and (not cuts or k - cuts[-1] >= 2):
                cuts.append(k)  # "Helena Marsh-Ockley | Simon Tregear": a second full name
        place_tail = _is_initial(tokens[0]) and not _is_initial(tokens[-1]) and len(tokens) >= 3 \
            and fold(tokens[-1]).lower() in rules.places and not _is_initial(tokens[-2])
        if not cuts and not place_tail:
            out.append(m)
            continue
        # offsets of each token in the page (the name is a slice of it, spaces between its words)
        spans, at = [], m.start
        for t in tokens:
            at = text.find(t, at, m.end)
            if at < 0:
                break
            spans.append((at, at + len(t)))
            at += len(t)
        if len(spans) != len(tokens):
            out.append(m)
            continue
        bounds = [0, *cuts, len(tokens)]
        for a, b in pairwise(bounds):
            if place_tail and b == len(tokens):
                b -= 1
            if b - a < 2:
                continue
            s0, e0 = spans[a][0], spans[b - 1][1]
            out.append(PersonMention(text[s0:e0], s0, e0, m.honorific if a == 0 else None, m.sentence))
    return out


# capital first, as _GIVEN_ALONE
_LISTED_BEFORE = re.compile(r"([A-Z](?<![\w’'-].)[a-z][\w’'-]*[^\S\n]+(?:Mc|Mac|O[’']|)[A-Z][a-z][\w’'-]*)"
                            r"[^\S\n]*(?:,|[^\S\n]and|[^\S\n]&)[^\S\n]*"
                            r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Professor)\.?[^\S\n]+)?\Z")
_LIST_SEP_END = re.compile(r"\s*(?:,|\band|&)\s*\Z")
_LIST_OPENER = re.compile(r"(?:\b(?:from|by|Members|members|Present|present|Attendees|attendees)|:)[^\S\n]*\Z")


def cluster_people(mentions: list[PersonMention]) -> list[PersonCluster]:
    """One cluster per person: full names first, then surname-only and initialled forms join them."""
    clusters: list[PersonCluster] = []
    by_surname: dict[str, list[int]] = {}
    # each mention's words, its first word folded (when it has two or more) and its surname, worked
    # out once (the properties split the name again at every ask, several times per pair compared)
    toks = [m.tokens for m in mentions]
    firsts = [fold(t[0]).lower() if len(t) > 1 else None for t in toks]
    surnames = [fold(t[-1]).lower() if t else "" for t in toks]
    fullest_at: list[int] = []  # per cluster: the index of its fullest mention
    order = sorted(range(len(mentions)), key=lambda i: (-len(toks[i]), mentions[i].start))
    for i in order:
        m = mentions[i]
        target = None
        first, surname = firsts[i], surnames[i]
        candidates = []
        for ci in by_surname.get(surname, ()):
            c, fi = clusters[ci], fullest_at[ci]
            if surnames[fi] != surname:
                continue
            cfirst = firsts[fi]
            if first is None or cfirst is None or first == cfirst or (len(first) == 1 and cfirst.startswith(first)) \
                    or (len(cfirst) == 1 and first.startswith(cfirst)) or first[:3] == cfirst[:3]:
                candidates.append(c)
        if len(candidates) == 1 or (candidates and first is not None):
            target = candidates[0]
        if target is None:
            target = PersonCluster()
            clusters.append(target)
            fullest_at.append(i)
            by_surname.setdefault(surname, []).append(len(clusters) - 1)
        target.mentions.append(m)
    clusters.sort(key=lambda c: min(x.start for x in c.mentions))
    for ci, c in enumerate(clusters):
        for x in c.mentions:
            x.cluster = ci
    return clusters


# given names that are also common words opening a sentence ("Will the Board ...", "Frank discussions were held")
_WORD_NAMES = frozenset(("Will", "Mark", "Bill", "Grace", "Hope", "Faith", "Joy", "Rose", "Amber", "Pat", "Sue", "Don",
                         "Guy", "Frank", "Drew", "Dawn", "Summer", "Ray", "Rob", "Jack", "Holly", "Ivy", "Rich",
                         "Sandy", "Miles", "Lance", "Chase", "Carol", "Bob", "Penny", "Ruby", "Crystal", "Gene"))
_MONTHS_AND_DAYS = frozenset((
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _sentence_holding(sents: tuple[Sentence, ...], starts: list[int], pos: int) -> Sentence | None:
    """The sentence holding ``pos`` (``starts``: the sentences' starts, in order), or None between sentences."""
    si = bisect_right(starts, pos) - 1
    return sents[si] if si >= 0 and sents[si].start <= pos < sents[si].end else None


def _word_initials(word: str) -> str:
    """The capitals a word gives a person's initials: its first letter, each part's of a hyphenated name
    ("Pugh-Jones": "PJ")."""
    return "".join(p[0] for p in word.split("-") if p[:1].isupper())


def given_name_mentions(text: str, sents: tuple[Sentence, ...], clusters: list[PersonCluster], rules: Rules,
                        taken: Sequence[tuple[int, int]]) -> list[PersonMention]:
    """A person's given name used alone after the page named them in full ("Meet our chair: Ann Lee" ...
    "Ann became the Independent Chair of the Partnership in May"): web pages and reports call people by
    their given name, and a post read from such a sentence is theirs. A given name counts only when one
    person on the page has it (two Anns: whose it is, the page does not say), when a word in lower
    case follows it (not a surname: that is a name of its own) and no capitalised word stands before it
    ("Chair Ann Lee"); the mention joins that person's cluster."""
    owners: dict[str, int] = {}
    for ci, c in enumerate(clusters):
        full = max(c.mentions, key=lambda m: len(m.tokens))
        given = full.tokens[0] if len(full.tokens) >= 2 else ""
        if len(given) < 3 or not given.isalpha() or not given[0].isupper() or given in rules.stopwords \
                or given in _MONTHS_AND_DAYS or given in _WORD_NAMES:
            continue
        owners[given] = -1 if given in owners and owners[given] != ci else ci
    owners = {g: ci for g, ci in owners.items() if ci >= 0}
    if not owners:
        return []
    overlaps = overlap_test(list(taken) + [(m.start, m.end) for c in clusters for m in c.mentions])
    starts = [x.start for x in sents]
    out = []
    for s0, s1, word in _given_cores(text):
        ci = owners.get(word, -1)
        if ci < 0 or (s0 > 0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "’'-.")) or overlaps(s0, s1) \
                or _CAPITAL_WORD_END.search(text, max(0, s0 - 40), s0):
            continue
        mention = PersonMention(word, s0, s1, None, _sentence_holding(sents, starts, s0), ci)
        clusters[ci].mentions.append(mention)
        out.append(mention)
    return out


_INITIALS_WORD = re.compile(r"(?<![\w’'&/-])([A-Z]{2,4})(?![\w’'&/-])")
_INITIALS_WORD_FOUND = scan.Found.of(_INITIALS_WORD) or _INITIALS_WORD
_INITIALS_HEADER = re.compile(r"\bInitials?\b")


def _initials_of(c: PersonCluster) -> set[str]:
    """The initials minutes may write a person by: the given and family names' first letters, a hyphenated
    name's parts each ("Ann Pugh-Jones": "APJ", also "AP"), with an honorific's letter first ("Dr Ann Lee": "DAL")."""
    full = max(c.mentions, key=lambda m: len(m.tokens))
    tokens = [t for t in full.tokens if t not in NAME_PARTICLES]
    if len(tokens) < 2 or not all(t[:1].isupper() for t in tokens):
        return set()
    plain = "".join(t[0] for t in tokens)
    parts = "".join(_word_initials(t) for t in tokens)
    out = {plain, parts}
    honorific = next((m.honorific for m in c.mentions if m.honorific), None)
    if honorific and honorific[:1].isupper():
        out |= {honorific[0] + plain, honorific[0] + parts}
    return out


def initials_mentions(text: str, sents: tuple[Sentence, ...], clusters: list[PersonCluster],
                      taken: Sequence[tuple[int, int]]) -> list[PersonMention]:
    """A person written by their initials after the page named them in full ("Ann Lee (AL)", a table's
    "Initials" column), as boards' minutes do from then on ("AL chaired the meeting", "AL, who has been
    appointed Independent Scrutineer"): a post read from such a sentence is theirs. Only on a page that
    gives initials (a bracket after a name, an "Initials" column), only initials that fit one person of
    the page, and never where a body's name or another mention stands; the mention joins that person's cluster."""
    header = _INITIALS_HEADER.search(text) is not None
    if not header and "(" not in text:
        return []
    owners: dict[str, int] = {}
    for ci, c in enumerate(clusters):
        for ini in _initials_of(c):
            owners[ini] = -1 if ini in owners and owners[ini] != ci else ci
    owners = {k: ci for k, ci in owners.items() if ci >= 0 and (header or f"({k})" in text)}
    if not owners:
        return []
    overlaps = overlap_test(list(taken) + [(m.start, m.end) for c in clusters for m in c.mentions])
    starts = [x.start for x in sents]
    out = []
    for m in _INITIALS_WORD_FOUND.finditer(text):
        ci = owners.get(m.group(1), -1)
        s0, s1 = m.start(1), m.end(1)
        if ci < 0 or overlaps(s0, s1) or text[max(0, s0 - 1):s0] == "(":
            continue  # (the bracket after the name defines them: no mention of its own)
        mention = PersonMention(m.group(1), s0, s1, None, _sentence_holding(sents, starts, s0), ci)
        clusters[ci].mentions.append(mention)
        out.append(mention)
    return out


_INITIALS_RUN = re.compile(r"(?<![\w’'&/-])[A-Z]{2,4}(?:[^\S\n]+[A-Z]{2,4}){2,}(?![\w’'&/-])")
# (found from a capital letter, every match opening with one: scan.Found, the same matches)
_INITIALS_RUN_FOUND = scan.Found.of(_INITIALS_RUN) or _INITIALS_RUN
_COLUMN_HEADS = frozenset({"Initials", "Initial", "Organisation", "Organization", "Agency", "Role", "Title",
                           "Representing", "Position", "Designation"})
_COLUMN_WORD = re.compile(r"[^\s,;:()|]+")


def _honorific_word_set(rules: Rules) -> frozenset[str]:
    """Every word of every honorific ("Detective", "Chief", "Superintendent", "Dr"): a rank before a name."""
    return derived(rules, _make_honorific_word_set)


def _make_honorific_word_set(rules: Rules) -> frozenset[str]:
    return frozenset(w.rstrip(".") for h in rules.honorifics for w in h.split())


def initials_column_people(text: str, sents: tuple[Sentence, ...], rules: Rules) -> list[PersonMention]:
    """A members table flattened column by column: "Name Ann Lee Dr Tom Rees Sue Hall Initials Organisation AL
    TRD SH ...": the names' column, then the initials' column, each initial the one of the name in the same row.
    Read backwards from the initials' run, each set of initials takes the words before it whose first letters
    they are (a hyphenated name's parts each: "Ann Pugh-Jones" APJ; an honorific's letter when the initials hold
    it: "Dr Tom Rees" DTR), the ranks before a name skipped; three rows or more must line up, else nothing.
    The layout is the evidence: a name no list of given names knows is a person here."""
    runs = list(_INITIALS_RUN_FOUND.finditer(text))
    if not runs:
        return []
    honorific_words = _honorific_word_set(rules)
    starts = [x.start for x in sents]
    out: list[PersonMention] = []
    for run in runs:
        lo = max(0, run.start() - 800)
        words = [(w.start(), w.end(), w.group()) for w in _COLUMN_WORD.finditer(text, lo, run.start())]
        while words and words[-1][2] in _COLUMN_HEADS:
            words.pop()  # the column headings between the names and the initials
        found: list[tuple[int, int, str | None]] = []
        initials = run.group().split()
        for cut in range(3):  # a cell after the last row's initials ("... SO TBC"): that many fewer
            found = _rows_by_initials(initials[:len(initials) - cut], words, honorific_words)
            if len(found) >= 3:
                break
        if len(found) < 3:
            continue
        out += [PersonMention(text[a:b], a, b, honorific, _sentence_holding(sents, starts, a))
                for a, b, honorific in reversed(found)]
    return out


def _rows_by_initials(initials: list[str], words: list[tuple[int, int, str]],
                      honorific_words: frozenset[str]) -> list[tuple[int, int, str | None]]:
    """(start, end, honorific) of each name the initials fit, read backwards from the last word; stops at the
    first that does not fit."""
    found: list[tuple[int, int, str | None]] = []
    k = len(words)
    for ini in reversed(initials):
        letters, j = "", k
        while j > 0 and len(letters) < len(ini):
            w = words[j - 1][2]
            if not w[:1].isupper() or w.isupper():
                break
            letters = _word_initials(w) + letters
            j -= 1
        if letters != ini:
            break
        name_from = j
        honorific: str | None = None
        if words[name_from][2].rstrip(".") in honorific_words:  # "Dr Tom Rees" as DTR: the name is after "Dr"
            honorific = words[name_from][2]
            name_from += 1
        if k - name_from < 2:
            break
        while j > 0 and words[j - 1][2].rstrip(".") in honorific_words:
            j -= 1  # "Detective Chief Superintendent Tom Rees" as TR: the rank before the name
            honorific = honorific or words[j][2]
        found.append((words[name_from][0], words[k - 1][1], honorific))
        k = j
    return found


_ROW_INITIALS = re.compile(r"[^\S\n]\(([A-Z]{2,4})\)|[^\S\n]([A-Z]{2,4})[^\S\n]*$", re.M)
_ROW_LABEL = re.compile(r"[ \t•·*-]*(?:[A-Z][\w ]{0,30}:[ \t]*)?")


def initialled_rows(text: str, sents: tuple[Sentence, ...], rules: Rules) -> list[PersonMention]:
    """Attendance rows that end with the person's initials: "Ann Lee Eastvale Council, Director of X AL" on a
    line of its own, or "Ann Lee Head of Service, Eastvale Council (AL) Tom Rees ... (TR)" flattened: the row's
    first words whose first letters the initials are (a rank before them skipped) are the person, whatever the
    given name. Two rows at least must line up so, else none (one is a coincidence)."""
    marks = list(_ROW_INITIALS.finditer(text))
    if not marks:
        return []
    honorific_words = _honorific_word_set(rules)
    found: list[tuple[int, int, str | None]] = []
    prev_end = 0
    for m in marks:
        ini = m.group(1) or m.group(2)
        line_start = text.rfind("\n", 0, m.start()) + 1
        row_start = max(line_start, prev_end)
        prev_end = m.end()
        label = _ROW_LABEL.match(text, row_start)
        at = label.end() if label else row_start
        words = [(w.start(), w.end(), w.group()) for w in _COLUMN_WORD.finditer(text, at, m.start())][:8]
        honorific: str | None = None
        while words and words[0][2].rstrip(".") in honorific_words:
            honorific = honorific or words[0][2]
            words = words[1:]
        letters, k = "", 0
        while k < len(words) and len(letters) < len(ini):
            w = words[k][2]
            if not w[:1].isupper() or w.isupper() or w in rules.stopwords:
                break
            letters += _word_initials(w)
            k += 1
        if k >= 2 and letters == ini and k < len(words):
            found.append((words[0][0], words[k - 1][1], honorific))
    if len(found) < 2:
        return []
    starts = [x.start for x in sents]
    return [PersonMention(text[a:b], a, b, honorific, _sentence_holding(sents, starts, a)) for a, b, honorific in found]
