"""A learned second pass over chairs: (person, board) pairs the rules' phrasings miss.

The rules (roles.py) read a chair from a title next to a name; every new page words it
another way ("Ann Lee - Independent Chair, Eastvale SCP;", "the role of the independent
chair, currently Dr Ann Lee", "Its work is independently scrutinised by Mrs Ann Lee").
Here every person mention in a sentence that holds a chair word (chair, chaired, chairman,
chairperson, scrutineer, scrutinised, convenor; or whose previous line is a heading that
holds one) is paired with each board the sentence names, the page's main board and the
meeting's own board. A small logistic regression (data/models/chairs.json, fitted by
scripts/train.py from the gold "chairs") weighs the pair's shape: the chair word and its
form, "independent", a vice/deputy/sub-group word near it, the order and distance of
person, chair word and board, the few words between person and chair word, the honorific,
how the board is referred to, the layout, and whether the rules already found the pair.
The rules' chairs always stay; the model only adds pairs above its threshold.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.extract import scan
from kg.extract.linear import LinearModel, bin_of
from kg.extract.orgs import OrgCluster, council_body
from kg.extract.people import PersonMention
from kg.extract.roles import CLAUSE_VERB_AFTER, GROUP_WORD, OF_A_REVIEW_AFTER, body_column, group_heading, named_last
from kg.extract.text import Sentence
from kg.ns import BOARD_KINDS

_CHAIR_WORD = re.compile(r"(?i)\b(chair(?:s|ed|ing|man|woman|person)?|scrutineers?|scrutini[sz](?:ed|es|ing|e)|"
                         # (not a council's "Scrutiny Officer" or "Scrutiny Committee": a job and a body, no
                         # one's independent scrutiny)
                         r"scrutiny(?![^\S\n]+(?i:officers?|managers?|support|co-?ordinators?|advis[eo]rs?|analysts?|"
                         r"committees?|panels?|commissions?|boards?|team)\b)|convenor)\b")
_INDEPENDENT = re.compile(r"(?i)\bindependent(?:ly)?\b")
_MODIFIER = re.compile(r"(?i)\b(vice|deputy|co|joint)[\s-]*$")
_GROUPISH = re.compile(r"(?i)\b(sub-?groups?|sub-?committees?|committees?|groups?|panels?|forums?|"
                       r"working\s+party|task\s+and\s+finish|meetings?|cabinet|council)\b")
_GENERIC = re.compile(r"(?i)\b(?:the|its|this|our)\s+(?:board|partnership)\b|\bits\b|\bboard['’]s\b|"
                      r"\bpartnership['’]s\b"
                      # "Our independent scrutineer is Ann Lee": a page's own independent post is its board's
                      # (a committee's minutes say "our chair" of the committee's: never independent)
                      r"|\bour\s+(?:new\s+|current\s+)?(?:independent\s+(?:chair\w*|scrutineer|convenor)|scrutineer)\b")
_GROUP_HEAD_END = re.compile(r"(?i)\b" + GROUP_WORD + r"\Z")
_GROUP_OF_BOARD_BEFORE = re.compile(r"(?i)\b" + GROUP_WORD + r"\s+of\s+(?:the\s+)?[A-Z][^,.;()\n]{2,100}"
                                    r"(?:\s*\([A-Z]{2,8}\))?,?\s*(?:which\s+is\s+|(?:is|was)\s+)?\Z")
_BODY_BEFORE_CHAIRED = re.compile(r"\b(?:Board|Committee|Panel|Group|Forum|Network|Commission)\s*,?\s*"
                                  r"(?:(?:which|that)\s+)?(?:is\s+|was\s+|are\s+|were\s+)?(?:co-)?\Z")
_COUNCILLOR = frozenset(("cllr", "councillor"))
_BARE_FORMS = frozenset(("chair", "chairman", "chairperson", "chairwoman"))  # "The Chairman, Cllr Ann Lee,"
_DIST = (1.0, 3.0, 6.0, 12.0, 25.0)
# a question heading a section ("Who is the new Independent Scrutineer?")
_QUESTION = re.compile(r"^\s*(?:\S+\s+){0,10}\S+\?\s*$")
_OF_MEETING = re.compile(r"(?i)\s*(?:of|for)\s+(?:this|the|that|today['’]s)\s+meeting\b")
# a group's name after the post with no break between ("Chair of the Eastvale SCP Training Sub-Group")
_GROUP_AFTER = re.compile(r"(?i)[^,;:.()\n–—]{0,120}?\b(?:sub-?groups?|sub-?committees?|committees?|groups?|panels?|"
                          r"forums?|working\s+party|cabinet)\b")
_LINKING = frozenset((
    "who", "whom", "has", "have", "had", "is", "was", "are", "were", "be", "been", "being", "will", "would", "as",
    "the", "its", "our", "their", "his", "her", "a", "an", "new", "interim", "acting", "current", "currently", "now",
    "former", "outgoing", "incoming", "appointed", "became", "becomes", "become", "remains", "continues", "continue",
    "to", "of", "also", "joint", "jointly", "took", "up", "role", "post", "position", "named", "elected",
    "confirmed", "by", "independent", "independently", "in", "this", "that", "serves", "served", "which",
    "partnership's", "board's", "lscb's", "lscb", "scp", "sab", "lsab", "lscp", "s",
    # tenure: "with Ann Lee continuing as", "remaining as", "stepping down as" (a former chair counts)
    "continuing", "remaining", "serving", "acting", "stepping", "stepped", "steps", "stood", "standing", "stands",
    "down", "retiring", "retires", "retired", "leaving", "leaves", "left", "returning", "returns", "taking",
    "takes", "over", "reappointed", "re-appointed",
    # the post, then who holds it: "the Independent Chair of the X, currently held by Ann Lee"
    "held", "filled", "occupied"))
_OTHER_POST = re.compile(r"(?i)\b(?:manager|officer|director|head|nurse|doctor|lead|member|adviser|advisor|"
                         r"commissioner|superintendent|inspector|coordinator|co-ordinator|administrator|"
                         r"councillor|cllr|executive)\b")
_IN_THE_BEFORE = re.compile(r"(?i)\bin\s+the\s+\Z")
_COMMA_THE_BEFORE = re.compile(r",\s*[Tt]he\s+(?:(?:[Ii]ndependent|[Ii]nterim|[Aa]cting|[Nn]ew)\s+)*\Z")
_THE_BEFORE = re.compile(r"(?:\A|[^\w\s,’'-])\s*[Tt]he\s+\Z")  # "The Chair" opening a clause, no board's name before
_OF_NAME = re.compile(r"\s+(?:of|for|at)\s+(?:the\s+)?([A-Z][\w’'&-]*)")
_WORDS = re.compile(r"[A-Za-z][\w’'-]*")


@dataclass
class ChairCandidate:
    person: int  # person cluster index
    board: int  # board cluster index
    rule: bool  # the rules already name the pair
    supports: list[tuple[list[str], int, int]] = field(default_factory=list)  # features, sentence span
    # per support: the sentence names another board nearer the chair word (not a feature: a gate for a
    # person the rules made another board's chair, ``decide``)
    farther: list[bool] = field(default_factory=list)
    other_chair: bool = False  # the rules made the person another board's chair
    title: str = "Chair"


def _tokens_between(text: str, a: int, b: int) -> list[str]:
    """The lower-case words between two offsets; a capitalised word (a name's) is "Cap", so no
    person or place of the training pages becomes a feature."""
    if a >= b:
        return []
    return [w.lower() if w[:1].islower() else "Cap" for w in _WORDS.findall(text[a:b])]


# "Rhys Vaughan | Head of Crime and Safeguarding (Co-Chair)": a bracketed mark closing the name's title column
_BRACKET_MARK = re.compile(r"\((?:Co-|Joint\s+)?$")


def _in_title(words: list[str], i: int) -> bool:
    """'Head of Crime and Safeguarding (Co-Chair)': an "and" between two capitalised words is a
    post's own (a title column), not a clause joining another's."""
    return words[i] in ("and", "&") and 0 < i < len(words) - 1 and words[i - 1] == words[i + 1] == "Cap"


def _gap(text: str, m: PersonMention, cs: int, ce: int) -> int:
    """How far a chair word is from a name: characters, and a list's comma or semicolon between
    them counts as a long way ("Ann Lee (Chair), Ben Ray (Vice-Chair)": Ben Ray's is the second)."""
    a, b = (m.end, cs) if m.end <= cs else (ce, m.start)
    between = text[a:b] if a < b else ""
    return len(between) + 30 * (between.count(",") + between.count(";"))


def _board_words(text: str, named: list[tuple[int, int, int]], m: PersonMention, cs: int, ce: int) -> int:
    """The words of the boards' names that stand between a chair word and a name."""
    a, b = (m.end, cs) if m.end <= cs else (ce, m.start)
    return sum(len(_WORDS.findall(text, max(a, x0), min(b, x1))) for x0, x1, _ in named if x0 < b and x1 > a)


def _mark(ch: str) -> str:
    """A character next to a name as a class: its punctuation itself, else a word's case."""
    if not ch:
        return "-"
    if ch.isalpha():
        return "Cap" if ch.isupper() else "low"
    return "digit" if ch.isdigit() else ch


def _title(form: str, independent: bool) -> str:
    base = "Scrutineer" if form.startswith("scrutin") else "Chair"
    return ("Independent " + base) if independent else base


_NONE: frozenset[int] = frozenset()


def _unscored(out: dict[tuple[int, int], ChairCandidate], person: int, boards: set[int],
              chaired: dict[int, set[int]], title: str) -> None:
    """A mention whose every pair is blocked (its features would mark each "blocked", which ``decide``
    never scores): no features, but the pairs it would have made first are made, with its title, as
    the title of a pair is that of its first mention (a later mention's support is added to it)."""
    for bi in boards:
        if (person, bi) not in out:
            mine = chaired.get(person, _NONE)
            out[person, bi] = ChairCandidate(person, bi, bi in mine, title=title, other_chair=bool(mine - {bi}))


def chair_candidates(sents: Sequence[Sentence], text: str, mentions: list[PersonMention],
                     clusters: list[OrgCluster], main: OrgCluster | None, own_i: int | None,
                     rule_pairs: set[tuple[int, int]], own_meeting: bool = False,
                     unruled_only: bool = False, council_meeting: bool = False) -> list[ChairCandidate]:
    """Every (person cluster, board cluster) pair a sentence with a chair word could state, with
    one feature list per supporting mention. ``unruled_only``: only the pairs of people the rules made
    no chair, all that ``decide`` reads (it passes over a person of ``rule_pairs``: the pair is the
    rules', or the person is another board's chair), so the pipeline builds no features it would not
    score; training asks for every pair. The other people of a sentence still shape a pair's features.
    ``council_meeting``: the page is a council body's meeting (no board's own), whose "in the Chair"
    and bare "The Chair, Cllr Ann Lee," are that body's chair (ANNOTATION.md: a committee's does not count)."""
    boards = [i for i, c in enumerate(clusters) if c.kind in BOARD_KINDS]
    if not boards or not mentions:
        return []
    # the sentences that hold a chair word (one pass over the page, not one per sentence), and the one
    # after each (a heading or question's answer): most pages' sentences hold none, and a page with none
    # needs nothing else (its mentions and board names are not sorted, its heading not read)
    starts = [s.start for s in sents]
    held = {bisect_right(starts, m.start()) - 1 for m in scan.finditer(_CHAIR_WORD, text)}
    visit = sorted(i for i in held | {i + 1 for i in held} if 0 <= i < len(sents))
    if not visit:
        return []
    main_i = clusters.index(main) if main is not None and main in clusters else None
    if (own_meeting or own_i is not None) and group_heading(text, clusters):  # a sub-group's own minutes
        # under the board's name (asked only when there is an own board to drop: most pages have none)
        own_meeting, own_i = False, None
    board_marks = sorted((x.start, x.end, ci) for ci in boards for x in clusters[ci].mentions)
    mark_starts = [b[0] for b in board_marks]
    by_start = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in by_start]
    out: dict[tuple[int, int], ChairCandidate] = {}
    # the boards the rules made each person chair of: ``decide`` reads such a person's pairs only for another
    # board the sentence names ("with Ms Lee continuing as the new partnership's scrutineer")
    chaired: dict[int, set[int]] = {}
    for p, b in rule_pairs:
        chaired.setdefault(p, set()).add(b)
    ruled = chaired if unruled_only else {}
    for si in visit:
        s = sents[si]
        # (the sentence-wide scans below through the page's literal search, ``within``: the same matches as
        # the pattern's own scan of the sentence, tried only where one of its words stands)
        here = (text, s.start)
        chair_here = list(scan.finditer(_CHAIR_WORD, s.text, within=here))
        prev_heading = False
        if not chair_here and si > 0 and scan.search(_CHAIR_WORD, sents[si - 1].text,
                                                     within=(text, sents[si - 1].start)) and (
                sents[si - 1].heading or _QUESTION.match(sents[si - 1].text)):
            prev_heading = True
        if not chair_here and not prev_heading:
            continue
        lo, hi = bisect_left(m_starts, s.start), bisect_left(m_starts, s.end)
        people = [m for m in by_start[lo:hi] if m.end <= s.end and m.cluster >= 0]
        if not people:
            continue
        named = board_marks[bisect_left(mark_starts, s.start):bisect_left(mark_starts, s.end)]
        named_in = {ci for _, _, ci in named}
        if all(m.cluster in ruled and named_in <= ruled[m.cluster] for m in people):
            continue
        cands = set(named_in)
        if main_i is not None and main_i in boards:
            cands.add(main_i)
        if own_i is not None and own_i in boards:
            cands.add(own_i)
        ends_stop = s.text.rstrip().endswith((".", "!", "?"))
        # what only a mention's features read, worked out for the sentence's first mention that gets them
        # (most mentions of a chair word's sentences are blocked: ``unruled_only`` gives those none)
        ready, generic, n_people, n_boards, last_i = False, False, "", "", None
        for m in people:
            if m.cluster in ruled and named_in <= ruled[m.cluster]:
                continue
            # the chair word nearest the person
            base = []
            if chair_here:
                cw = min(chair_here, key=lambda c: _gap(text, m, c.start() + s.start, c.end() + s.start))
                cs, ce = cw.start() + s.start, cw.end() + s.start
                form = cw.group(1).lower()
                before_cw = text[max(s.start, cs - 30):cs]
                independent = bool(_INDEPENDENT.search(before_cw)) or form.startswith("scrutini") and bool(
                    _INDEPENDENT.search(text[max(s.start, cs - 15):cs]))
                mod = _MODIFIER.search(before_cw)
                base += [f"cw={form}", f"ind={int(independent)}"]
                if mod:
                    base.append(f"mod={mod.group(1).lower()}")
                if m.end <= cs:
                    between = _tokens_between(text, m.end, cs)
                    order = "p<c"
                else:
                    between = _tokens_between(text, ce, m.start)
                    order = "c<p"
                after_cw = text[ce:min(s.end, ce + 140)]
                shape_block = (
                    # the post and the name too far apart to be one statement (a board's name between them is
                    # the post's, the honorific the name's)
                    len(between) - bool(order == "c<p" and m.honorific) - _board_words(text, named, m, cs, ce)
                    > (8 if order == "p<c" and _BRACKET_MARK.search(text, max(s.start, cs - 5), cs) else 5)
                    # a word between them that is no apposition, copula or appointment ("the Chair thanked
                    # Ann Lee", "Ann Lee asked the Chair"): the post is someone else's
                    or any(w != "Cap" and w not in _LINKING and not _in_title(between, i)
                           for i, w in enumerate(between))
                    or bool(_OF_MEETING.match(after_cw))  # "Chair of this meeting"
                    # "a question from Cllr Ann Lee, the Independent Chair confirmed": the post opens the next clause
                    or order == "p<c" and bool(CLAUSE_VERB_AFTER.match(text, ce)) and bool(_COMMA_THE_BEFORE.search(
                        text, max(s.start, cs - 40), cs))
                    or after_cw.startswith(("'s", "’s"))  # "in the Chair's absence": another's post
                    or bool(_GROUP_AFTER.match(after_cw))  # "chair of the Board's Training Sub-Group"
                    or bool(OF_A_REVIEW_AFTER.match(after_cw))  # "Independent Chair and author of the review"
                    # "the Exploitation Sub-group of the Eastvale SCP, chaired by Ann Lee": the group's chair
                    or order == "c<p" and bool(_GROUP_OF_BOARD_BEFORE.search(text, max(s.start, cs - 160), cs))
                    # "The council's Overview and Scrutiny Management Board, chaired by Cllr Ann Lee, receives the
                    # reports of the X and the Y": a body we do not know right before "chaired by" is what she chairs
                    or order == "c<p"
                    and (bb := _BODY_BEFORE_CHAIRED.search(text, max(s.start, cs - 40), cs)) is not None
                    and not any(x[0] <= bb.start() < x[1] for x in named)
                    # the meeting's own chair ("Cllr Ann Lee, who was in the Chair"; "The Chair, Cllr Ann Lee,
                    # welcomed ...") where the meeting is a council body's, not a board's
                    or council_meeting and (bool(_IN_THE_BEFORE.search(before_cw)) or (
                        form in _BARE_FORMS and order == "c<p" and after_cw.startswith(",")
                        and bool(_THE_BEFORE.search(before_cw))))
                    # "The Chair, Councillor Ann Lee, welcomed ..." on a page that is no board's own meeting: a
                    # councillor in a bare chair's post there chairs the council's meeting, not a board
                    or (not own_meeting and own_i is None and form in _BARE_FORMS and order == "c<p"
                        and after_cw.startswith(",") and (m.honorific or "").lower().rstrip(".") in _COUNCILLOR
                        and bool(_THE_BEFORE.search(before_cw)))
                    or any(q.cluster != m.cluster and _gap(text, q, cs, ce) < _gap(text, m, cs, ce)
                           for q in people)  # the post is another name's
                )
                of_name = _OF_NAME.match(after_cw)
                of_other = False
                if of_name is not None:
                    at = ce + of_name.end(1) - 1
                    of_other = not any(x[0] <= at < x[1] for x in named)
                elif (col := body_column(text, ce)) is not None and col.end() <= s.end:
                    # "Conrad Iver - Chair, Eastvale Tenants Association": the next column's body, no board named
                    of_other = not any(col.start() <= x[0] < col.end() for x in named) or bool(
                        # "Chair, HSAB Safeguarding Adults Review Sub-Group": a board's group, named by the board
                        _GROUP_HEAD_END.search(col.group()))
                if unruled_only and (shape_block or of_other
                                     or bool(mod and mod.group(1).lower() in ("vice", "deputy"))):
                    # (each of these blocks every pair of the mention: ``decide`` would score none)
                    _unscored(out, m.cluster, cands, chaired, _title(form, independent))
                    continue
                lo_n = max(s.start, cs - 50)
                group_gap = None  # characters from the chair word to the nearest group word
                for g in scan.finditer(_GROUPISH, text[lo_n:min(s.end, ce + 50)], within=(text, lo_n)):
                    word = g.group(1).lower().split()[0].rstrip("s")
                    base.append("near=" + word)
                    if word not in ("meeting", "council"):
                        gs, ge = g.start() + lo_n, g.end() + lo_n
                        gap = max(gs - ce, cs - ge, 0)
                        group_gap = gap if group_gap is None else min(group_gap, gap)
                lo_p, hi_p = (m.end, cs) if order == "p<c" else (ce, m.start)
                if any(q is not m and q.cluster != m.cluster and lo_p <= q.start < hi_p for q in people):
                    base.append("person_between")
                d = bin_of(len(between), _DIST)
                base += [f"order={order}", f"pc_dist={d}", f"order_dist={order}{d}", f"form_order={form}|{order}"]
                for w in between[:4]:
                    base.append(f"btw={w}")
                if order == "p<c":
                    base.append("btw_last=" + (between[-1] if between else "-"))
                    base.append("after_p=" + _mark(text[m.end:min(s.end, m.end + 4)].strip()[:1]))
                else:
                    base.append("btw_first=" + (between[0] if between else "-"))
                    base.append("before_p=" + _mark(text[max(s.start, m.start - 4):m.start].strip()[-1:]))
                n_chair = len({c.group(1).lower() for c in chair_here})
                base.append(f"n_cw={bin_of(n_chair, (1.5, 2.5))}")
            else:
                base += ["prev_heading", f"ind={int(bool(_INDEPENDENT.search(sents[si - 1].text)))}"]
                group_gap, mod = None, None
                shape_block, of_other = False, False
                if len({q.cluster for q in people}) > 1 or scan.search(_OTHER_POST, s.text, within=here) \
                        or not ends_stop:
                    shape_block = True  # the line under the heading gives its name another post, or names several
                if any(g.group(1).lower() not in ("meeting", "meetings", "council")
                       for g in scan.finditer(_GROUPISH, s.text, within=here)):
                    group_gap = 0  # a group's name in the line under the heading: its post, not the board's
                title_m = _CHAIR_WORD.search(sents[si - 1].text)
                form = title_m.group(1).lower() if title_m else "chair"
                independent = bool(_INDEPENDENT.search(sents[si - 1].text))
                cs = ce = s.start
                if unruled_only and shape_block:
                    _unscored(out, m.cluster, cands, chaired, _title(form, independent))
                    continue
            if not ready:
                ready, generic = True, bool(scan.search(_GENERIC, s.text, within=here))
                n_people = bin_of(len({q.cluster for q in people}), (1.5, 2.5, 4.5))
                n_boards = bin_of(len(named_in), (0.5, 1.5, 2.5))
                last_i = named_last(clusters, s.start)
            hon = (m.honorific or "none").lower().rstrip(".")
            base += [f"hon={hon}", f"heading={int(s.heading)}", f"stop={int(ends_stop)}",
                     f"n_people={n_people}", f"n_boards={n_boards}", f"own_meeting={int(own_meeting)}",
                     f"generic={int(generic)}"]
            for bi in cands:
                f = list(base)
                f.append(f"kind={clusters[bi].kind}")
                rule = (m.cluster, bi) in rule_pairs
                # (not "the rules found this pair": on the development pages the rules find nearly every
                # gold chair, so that feature alone would decide and teach the model nothing of the shapes;
                # what the rules say of the others is fair: a board they gave a chair, a person they made one)
                f.append(f"rule_other_chair={int(any(b == bi and p != m.cluster for p, b in rule_pairs))}")
                chairs_other = bool(chaired.get(m.cluster, _NONE) - {bi})
                f.append(f"rule_chairs_other={int(chairs_other)}")
                board_gap = None
                farther = False
                if bi in named_in:
                    xs = [x for x in named if x[2] == bi]
                    near_b = min(xs, key=lambda x: min(abs(x[0] - ce), abs(cs - x[1])))
                    board_gap = max(near_b[0] - ce, cs - near_b[1], 0)
                    bd = bin_of(len(_tokens_between(text, min(ce, near_b[1]), max(cs, near_b[0]))), _DIST)
                    bo = "c<b" if near_b[0] >= ce else "b<c"
                    f += ["b=named", f"cb={bo}", f"cb_dist={bd}", f"cb_order_dist={bo}{bd}",
                          f"b_first={int(near_b[0] == min(x[0] for x in named))}"]
                    if len(named_in) > 1:
                        f.append("b=named_of_several")
                        # of the boards the sentence names, one nearer the post than this
                        farther = board_gap > min(max(x[0] - ce, cs - x[1], 0) for x in named)
                    lo_q = s.start if bo == "b<c" and near_b[1] <= m.start else ce if bo == "c<b" else near_b[0]
                    if any(q.cluster != m.cluster and lo_q <= q.start and q.end <= near_b[0]
                           and _CHAIR_WORD.search(text, q.end, near_b[0]) for q in people):
                        # "Ann Lee (AL) - Independent Chair, Eastvale SAB (Item 5) Tom Rees (TR) - Independent
                        # Scrutineer", "AL chaired the meeting ... in place of Tom Rees, who had been chair of the
                        # former Eastvale LSCB": the board is in another person's post, not this one's
                        farther = True
                else:
                    f.append("b=" + ("generic" if generic else "unnamed"))
                if bi == last_i:
                    f.append("b_named_last")
                if bi == main_i:
                    f.append("b_main")
                if bi == own_i:
                    f.append("b_own")
                # a vice/deputy chair, or a chair word nearer a group's name than the board's ("the Panel
                # is chaired by", "Chair of the Committee"), never makes a board's chair
                # "Chair of Eastvale Hospital": a body named after the post that is no board; a board
                # the sentence neither names nor points to ("the Board", "its") unless it is the meeting's own
                referred = bi in named_in or generic or prev_heading or (own_meeting and bi in (own_i, main_i))
                blocked = shape_block or of_other or not referred or bool(
                    mod and mod.group(1).lower() in ("vice", "deputy")) or (
                    group_gap is not None and group_gap <= 40 and (board_gap is None or group_gap < board_gap))
                if blocked:
                    f.append("blocked")
                key = (m.cluster, bi)
                c = out.get(key)
                if c is None:
                    c = out[key] = ChairCandidate(m.cluster, bi, rule, title=_title(form, independent),
                                                  other_chair=chairs_other)
                c.supports.append((f, s.start, s.end))
                c.farther.append(farther)
    return [out[k] for k in sorted(out)]


def council_meeting(body: str | None, own: bool, own_i: int | None) -> bool:
    """Whether the page is the meeting of a council body (a committee, cabinet, panel: ``council_body``)
    that is no board's (not the main board's own, not a board the body names)."""
    return not own and own_i is None and council_body(body)


def scored_supports(c: ChairCandidate) -> list[tuple[list[str], int, int]]:
    """The supports of a pair ``decide`` scores: not blocked, and for a person the rules made another
    board's chair, only a sentence that names this board, not as the meeting's own (a chair of another
    board presenting a report), with no board it names nearer the post ("the X LSCB, chaired by Ann Lee
    since 2014, would be replaced by the X Partnership" makes her no chair of the partnership)."""
    return [(f, a, b) for (f, a, b), far in zip(c.supports, c.farther, strict=True)
            if "blocked" not in f and (not c.other_chair or ("b=named" in f and "b_own" not in f and not far))]


def decide(cands: list[ChairCandidate], model: LinearModel) -> list[tuple[ChairCandidate, float, int, int]]:
    """The candidates the rules missed that the model keeps: its best-supported mention's
    probability at or above the threshold, with that mention's sentence."""
    best_of: dict[int, tuple[float, int, ChairCandidate, int, int]] = {}  # one board per person
    for c in cands:
        if c.rule:
            continue  # the rules' pair
        best = max(((model.probability(f), -a, b) for f, a, b in scored_supports(c)), default=None)
        if best is not None and best[0] >= model.threshold:
            got = (best[0], -c.board, c, -best[1], best[2])
            if c.person not in best_of or got[:2] > best_of[c.person][:2]:
                best_of[c.person] = got
    return [(c, p, a, b) for p, _, c, a, b in (best_of[k] for k in sorted(best_of))]

