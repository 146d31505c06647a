"""Document -> Facts: runs every extractor and assembles the contract's object.

The extractors work on mentions and clusters with character offsets; only here do they
become the contract's local ids ("o1", "p1") and Evidence sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract import gates, scan
from kg.extract.attach import Attacher
from kg.extract.chairs import chair_candidates, council_meeting, decide
from kg.extract.linear import Models, default_models
from kg.extract.meeting import extract_meeting, joint_body
from kg.extract.orgs import (
    cluster_boards,
    find_agencies,
    find_board_mentions,
    head_windows,
    is_meeting_of,
    main_board,
    own_board,
)
from kg.extract.partners import extract_partners, joint_boards
from kg.extract.people import (
    PEOPLE_RULE_PRECISION,
    cluster_people,
    find_people,
    given_name_mentions,
    initialled_rows,
    initials_column_people,
    initials_mentions,
    overlap_test,
)
from kg.extract.reviews import board_kind, extract_reviews
from kg.extract.roles import CABINET_POST, extract_roles, scrutineer_board
from kg.extract.rules import rules
from kg.extract.stats import extract_statistics
from kg.extract.text import scanned, sentences
from kg.extract.themes import extract_themes
from kg.extract.themes import prepare as prepare_themes
from kg.model import (
    Chair,
    Change,
    Document,
    Evidence,
    Facts,
    Organisation,
    Partner,
    Person,
    Report,
    Review,
    Role,
    Statistic,
    Theme,
)
from kg.ns import BOARD_KINDS, PARTNERSHIP_KINDS

_PERIOD = r"((?:19|20)\d{2}\s*(?:[/-]|to)\s*(?:(?:19|20)?\d{2}))(?!\d)"
_PERIOD_RE = re.compile(_PERIOD)
_PERIOD_SPLIT = re.compile(r"\s*(?:[/-]|to)\s*")
_CHANGE_FROM = re.compile(r"(?i)\bchange\s+from\b")
_REPORT = re.compile(r"(?i)\bannual\s+(?:safeguarding\s+)?report\b")
# (a word's letters and the spaces after it possessive: a space follows the letters and a word the spaces,
# so nothing they give back could serve; the same matches, tests/test_speed10.py)
_COMMITTEE = re.compile(r"(?:[A-Z][\w’'&-]{0,40}+\s++(?:(?:and|&|of|for|in)\s++)?){0,7}"
                        r"(?:Sub-Committee|Committee|Commission|Cabinet|Panel)\b")
_COMMITTEE_HEADS = ("Committee", "Commission", "Cabinet", "Panel")  # ("Sub-Committee" holds "Committee")
# read on the reversed page from a head word's start: the rest of the word it stands in ("Sub-"), then
# up to fourteen whole words (seven name words and their joining words) and the spaces before each
_BEFORE_COMMITTEE_REVERSED = re.compile(r"(?:[\w’'&-]*+\s*+){0,15}")


def _committee_matches(text: str) -> list[re.Match]:
    r"""``list(_COMMITTEE.finditer(text))``, scanned only in windows around the page's head words
    ("Committee", "Commission", "Cabinet", "Panel", as written). Why: the pattern opens with an
    optional run of words, so re tried it at every character of the stretches holding a head
    word (most of the page), walking up to seven words from each capital: about 1% of a page.

    Why it is exact: a match ends with a head word, and before it are at most seven name words,
    each with the spaces after it and a joining word ("and", "of") with its spaces: fourteen runs
    of word characters at most, the first perhaps cut (the pattern has nothing before it; every
    other run is whole, as a space goes before it and a space or the head after it). Read
    backwards from the head word's literal (``_BEFORE_COMMITTEE_REVERSED``: the rest of the word it
    stands in, then whole runs and their spaces) the window reaches at least as far back as the
    match starts, and it ends one character past the head word (the closing ```` reads it).
    Windows are joined where they touch; each is scanned alone. A head word ending a match found in
    a window ends before the window does (every head word on the page has a window reaching a
    character past it), so the window's end changes no match; a match starting before a window
    and reaching into it would lie in that window too (they would have been joined), so each
    window gives the page's matches inside it, in order (tests/test_speed13.py)."""
    return [m for lo, hi in head_windows(text, _COMMITTEE_HEADS, _BEFORE_COMMITTEE_REVERSED)
            for m in _COMMITTEE.finditer(text, lo, hi)]  # (orgs.head_windows: the windows, joined)
_REPLACE = re.compile(r"\b(?:replaced?|replacing|replaces|succeeded|superseded|(?:a\s+)?(?:\w+\s+)?change\s+from)\b",
                      re.I)
_PASSIVE = re.compile(r"\b(?:be|been|was|were|is|are|being)\s+(?:\w+\s+)?(?:replaced|succeeded|superseded)\b", re.I)
# a board the sentence names as the one replaced ("since it replaced the Eastvale LSCB"); narrower than
# partners._replaced_at, which also reads "the former X" (a predecessor "of the former X before that" chaired it)
_REPLACED_BEFORE = re.compile(r"(?i)\b(?:replac(?:ed|ing|es)|superseded|succeeded)\s+(?:the\s+)?(?:former\s+)?\Z")


_NAMED_LEAD = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+(?:[A-Z][\w’'-]*\s+){1,3}"
                         r"(?=(?:Cabinet|Committee|Panel|Commission)\b)")


def _named_lead(text: str) -> int:
    """Where a committee's name starts after a person glued to it in a flattened table ("Cllr Ann Lee
    Cabinet Member"): the person is no part of the committee."""
    m = _NAMED_LEAD.search(text)
    return m.end() if m else 0


def _period(text: str) -> str:
    """"2020/2021", "2020-21", "2020 to 2021" -> "2020/21"."""
    a, b = _PERIOD_SPLIT.split(text.strip(), maxsplit=1)
    return f"{a}/{b[-2:]}"


def prepare() -> None:
    """Load the rules and models and build what the extractors otherwise make on first use
    (the theme cue index; the scanners and shared literal search a typical page reaches, by
    extracting an invented page whose facts are thrown away), so that a process that forks
    extraction workers pays for it once and no worker's first document pays it against its
    time budget."""
    r = rules()
    default_models()
    prepare_themes(r)
    extract(Document("warm-up", _WARM_UP))  # every extractor's scanners, made here once
    scan.settle()  # their literals into the main literal search


_WARM_UP = """Westshire Council
Cabinet - Tuesday 4th March 2025 10.00 am
Minutes of the meeting held on 4 March 2025
Present: Councillor Ann Lee (Chair), Councillor Ben Ray
Also present: Jo Hart (JH) - Independent Chair, Westshire Safeguarding Children Partnership

1. Westshire Safeguarding Children Partnership and Safeguarding Adults Board annual reports 2023/24
Jo Hart, the Independent Chair of the Westshire Safeguarding Children Partnership (WSCP), presented
the annual report. The partnership brings together the Council, Westshire Police and the NHS
Westshire Integrated Care Board, with schools, probation and the fire service as partners.
Priorities were neglect, child exploitation, domestic abuse and mental health; 1,234 referrals
were received and two Child Safeguarding Practice Reviews and one Safeguarding Adults Review were
published.
RESOLVED: That the annual reports be noted.
"""


def extract(doc: Document, models: Models | None = None) -> Facts:
    """All facts of one document, each traceable to its sentence. ``models`` replaces the
    shipped trained models (cross-validation passes models fitted without this document's area)."""
    scan.settle()  # literals of scanners the last page made join the main search (scan.settle)
    r = rules()
    ms = default_models() if models is None else models
    # what extractors scan; same offsets as doc.text: long runs tamed, wrapped lines joined
    text = scanned(doc.text)
    sents = sentences(text)

    def ev(start: int, end: int) -> Evidence:
        return Evidence(doc.text[start:end], start, end, doc.page_at(start))

    starts = [s.start for s in sents]

    def sentence_at(pos: int) -> Evidence:
        i = bisect_right(starts, pos) - 1  # sentences are in order: a search, not a scan per fact
        if i >= 0 and sents[i].start <= pos < sents[i].end:
            return ev(sents[i].start, sents[i].end)
        return ev(pos, min(len(text), pos + 1))

    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    main = main_board(clusters, text)
    agencies = find_agencies(text, r)
    in_boards = overlap_test([(x.start, x.end) for c in clusters for x in c.mentions])  # a search, not a scan
    # ("Cabinet Member for Communities" is a post: the words before it, a signature's name on the line above,
    # are no committee's name)
    committees = [(m.start() + _named_lead(m.group()), m.end()) for m in _committee_matches(text)
                  if not in_boards(m.start(), m.end())
                  and not (m.group().endswith("Cabinet") and CABINET_POST.match(text, m.end()))]
    org_spans = [(m.start, m.end) for c in clusters for m in c.mentions] + [(a.start, a.end) for a in agencies]
    mentions = find_people(sents, text, r, org_spans + committees)
    columned = initials_column_people(text, sents, r) + initialled_rows(text, sents, r)
    if columned:  # a members table's initials (its own column, or each row's last cell): the rows they line up to
        in_rows = overlap_test([(m.start, m.end) for m in columned])
        mentions = sorted([m for m in mentions if not in_rows(m.start, m.end)] + columned, key=lambda m: m.start)
    people = cluster_people(mentions)
    given = given_name_mentions(text, sents, people, r, org_spans + committees)
    if given:  # "Ann became the Independent Chair ...": the person the page named in full
        mentions = sorted(mentions + given, key=lambda m: m.start)
    initialled = initials_mentions(text, sents, people, org_spans + committees)
    if initialled:  # "AL chaired the meeting": the person an attendance list gave those initials
        mentions = sorted(mentions + initialled, key=lambda m: m.start)
    meeting = extract_meeting(text, doc.title, [c.name for c in clusters], r, ms, main.name if main else None)
    joint = joint_boards(text, clusters)
    if joint and not any(is_meeting_of(clusters[ci], meeting.body) for ci in joint):
        meeting = joint_body(meeting, text, clusters[joint[0]].name, clusters[joint[0]].first)
    own = is_meeting_of(main, meeting.body)
    roles = extract_roles(mentions, clusters, main, committees, text, r, own_meeting=own,
                          meeting_body=meeting.body)
    partners = extract_partners(sents, clusters, main, agencies, r, own_meeting=own, text=text,
                                meeting_body=meeting.body, model=ms.get("partners"), joint=joint)
    themes = extract_themes(sents, r, text, ms.get("themes"))
    reviews = extract_reviews(sents, text, {p.name for p in people} | {m.name for m in mentions})
    stats = extract_statistics(sents)

    attacher = Attacher(text, sents, clusters, main, meeting.body)

    def about(start: int, end: int, at: int | None = None, kind: str | None = None) -> str | None:
        ci = attacher.board(start, end, at, kind)[0]
        return board_id.get(ci) if ci is not None else None

    # a theme in a sentence naming a review of one kind of board ("a Safeguarding Adults Review on
    # self-neglect") is about a board of that kind, as the review is
    review_kind: dict[int, str | None] = {}
    for rv in reviews:
        review_kind.setdefault(rv.start, board_kind(rv.kind))
    orgs: list[Organisation] = []
    board_id: dict[int, str] = {}
    for ci, c in enumerate(clusters):
        bid = f"o{len(orgs) + 1}"
        board_id[ci] = bid
        orgs.append(Organisation(bid, c.name, c.kind, None, tuple(c.names[1:]), sentence_at(c.first)))
    agency_id: dict[int, str] = {}
    by_name: dict[str, str] = {}
    for ai, a in enumerate(agencies):
        name_key = a.text.lower()
        if name_key not in by_name:
            by_name[name_key] = f"o{len(orgs) + 1}"
            orgs.append(Organisation(by_name[name_key], a.text, "agency", a.sector, (), sentence_at(a.start)))
        agency_id[ai] = by_name[name_key]
    if meeting.council:
        orgs.append(Organisation(f"o{len(orgs) + 1}", meeting.council, "council", "local-authority"))
    if meeting.body and not any(o.name == meeting.body for o in orgs):
        orgs.append(Organisation(f"o{len(orgs) + 1}", meeting.body, "committee"))

    persons = []
    for pi, pc in enumerate(people):
        first = min(pc.mentions, key=lambda m: m.start)
        persons.append(Person(f"p{pi + 1}", pc.name, pc.honorific, tuple(pc.aliases), sentence_at(first.start).credited(
            "rule:people", PEOPLE_RULE_PRECISION)))

    role_out, chair_out = [], []
    seen_roles, seen_chairs = set(), set()
    for rf in roles:
        pid = f"p{rf.person + 1}"
        oid = board_id.get(rf.org) if rf.org is not None else None
        key = (pid, rf.title, oid)
        if key not in seen_roles:
            seen_roles.add(key)
            role_out.append(Role(pid, rf.title, oid, ev(rf.start, rf.end)))
        if (rf.chair and rf.org is not None and oid is not None and clusters[rf.org].kind in BOARD_KINDS
                and (pid, oid) not in seen_chairs):
            seen_chairs.add((pid, oid))
            chair_out.append(Chair(pid, oid, rf.title, ev(rf.start, rf.end).credited(rf.by, rf.confidence)))
    chair_model = ms.get("chairs")
    if chair_model is not None:  # the learned second pass adds pairs the rules' phrasings miss
        rule_pairs = {(rf.person, rf.org) for rf in roles if rf.chair and rf.org is not None}
        own_i = own_board(clusters, meeting.body)
        cands = chair_candidates(sents, text, mentions, clusters, main, own_i, rule_pairs, own, unruled_only=True,
                                 council_meeting=council_meeting(meeting.body, own, own_i))
        main_i = clusters.index(main) if main is not None else None
        # the boards the rules gave each person, by the sentence that says so
        ruled_in = [(rf.person, rf.org, rf.start, rf.end) for rf in roles if rf.chair and rf.org is not None]
        for cc, prob, s_start, s_end in decide(cands, chair_model):
            if any(who == cc.person and org != cc.board and a < s_end and s_start < b for who, org, a, b in ruled_in) \
                    and any(who != cc.person and org == cc.board and a < s_end and s_start < b
                            for who, org, a, b in ruled_in):
                # "the Children Board had been chaired by Ann Lee, ..., and the Adults Board by Tom Rees": the
                # sentence the rules read her chair from gives the other board to someone else
                continue
            if any(who == cc.person and org != cc.board and a < s_end and s_start < b for who, org, a, b in ruled_in) \
                    and (here := [x for x in clusters[cc.board].mentions if s_start <= x.start < s_end]) \
                    and all(_REPLACED_BEFORE.search(text, max(s_start, x.start - 30), x.start) for x in here):
                # "Tom Bell, who has chaired the partnership since it replaced the Eastvale LSCB": the rules gave him
                # the partnership, and the board the sentence names as replaced is not his too
                continue
            chaired = scrutineer_board(cc.board, cc.title, s_start, s_end, clusters, main_i)
            pid, oid = f"p{cc.person + 1}", board_id[chaired]
            if (pid, oid) not in seen_chairs:
                seen_chairs.add((pid, oid))
                chair_out.append(Chair(pid, oid, cc.title, ev(s_start, s_end).credited("model:chairs", prob)))

    partner_out = [Partner(board_id[p.board], p.sector, p.statutory,
                           agency_id.get(p.agency) if p.agency is not None else None,
                           ev(p.start, p.end).credited(p.by, p.confidence))
                   for p in partners]
    changes = []
    for si in gates.holding(gates.places(_REPLACE, text), sents, starts):  # most pages name no replacement
        s = sents[si]
        if not scan.search(_REPLACE, s.text, within=(text, s.start)):
            continue
        inside = []
        for ci, c in enumerate(clusters):
            pos = [m.start for m in c.mentions if s.start <= m.start < s.end]
            if pos and c.kind in PARTNERSHIP_KINDS:
                inside.append((min(pos), ci))
        inside.sort()
        if len(inside) >= 2:
            ca, cb = inside[0][1], inside[1][1]
            old, new = (ca, cb) if _PASSIVE.search(s.text) else (cb, ca)
            changes.append(Change(board_id[old], board_id[new], None, ev(s.start, s.end)))
        elif len(inside) == 1 and main is not None and _CHANGE_FROM.search(s.text):
            old, new = inside[0][1], clusters.index(main)  # "(this is) a change from the old Board"
            if old != new and clusters[old].kind == main.kind:
                changes.append(Change(board_id[old], board_id[new], None, ev(s.start, s.end)))

    reports = []
    seen_reports = set()
    for m in scan.finditer(_REPORT, text):
        window = text[max(0, m.start() - 160):m.end() + 80]
        after_text = text[m.end():m.end() + 120].split("\n")[0]
        period = _PERIOD_RE.search(after_text) or _PERIOD_RE.search(text[max(0, m.start() - 30):m.start()])
        if not period:
            continue
        years = _period(period.group(1))
        # the board named nearest before "Annual Report" (or right after it), else the main board
        near = [(m.start() - x.end, ci) for ci, c in enumerate(clusters) for x in c.mentions
                if c.kind in BOARD_KINDS and 0 <= m.start() - x.end <= 160]
        after = [(x.start - m.end(), ci) for ci, c in enumerate(clusters) for x in c.mentions
                 if c.kind in BOARD_KINDS and 0 <= x.start - m.end() <= 20]
        board = min(near)[1] if near else (min(after)[1] if after else (clusters.index(main) if main else None))
        if board is None or (board, years) in seen_reports or not window:
            continue
        seen_reports.add((board, years))
        reports.append(Report(board_id[board], years, sentence_at(m.start())))

    return Facts(
        document=doc.id,
        meeting=meeting,
        organisations=tuple(orgs),
        people=tuple(persons),
        roles=tuple(role_out),
        chairs=tuple(chair_out),
        partners=tuple(partner_out),
        themes=tuple(Theme(t.theme, ev(t.start, t.end).credited(t.by, t.confidence),
                           about(t.start, t.end, None, review_kind.get(t.start)))
                     for t in themes),
        reviews=tuple(Review(rv.kind, rv.name, about(rv.start, rv.end, rv.at, board_kind(rv.kind)),
                             ev(rv.start, rv.end),
                             rv.year, rv.generic) for rv in reviews),
        statistics=tuple(Statistic(st.value, st.unit, st.measure, ev(st.start, st.end), about(st.start, st.end, st.at))
                         for st in stats),
        changes=tuple(changes),
        reports=tuple(reports),
        source=doc.source,
        title=doc.title,
    )
