"""Round 11's speed branch for meeting, people and orgs (spd11b) finds exactly what the forms it
replaced find.

Each rewritten pattern, gate or cache is compared with the plain form on every text under
tests/texts and data/minutes (whole pages and random windows) and on random texts made of the
pieces the fast forms reason about (spaces, line breaks, long words, the head words).
"""

from __future__ import annotations

import random
from pathlib import Path

from kg.extract import orgs, people
from kg.extract.rules import rules as load_rules
from kg.extract.text import scanned

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]


def _spans(found) -> list[tuple]:
    return [(m.span(), m.groups()) for m in found]


def test_place_heads_in_windows_are_the_pattern_over_the_page():
    rng = random.Random(11)
    pieces = ["Board", "Partnership", "Boards", " ", "  ", "\n", "\t", "\n\n", "East", "vale", "-", "’", "'",
              "x" * 45, "A", "B", "Westshire", "Safeguarding", ".", "(", "Northfold Borough", "é"]
    texts = list(PAGES)
    for _ in range(20000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))))
    for text in texts:
        assert _spans(orgs._place_head_matches(text)) == _spans(orgs._PLACE_HEAD.finditer(text)), text[:80]


def _followed_plain(after: str, r) -> bool:
    """``_followed_by_excluded`` as it was: the set looked up with the text cut before each separator
    (since session 13, both tests only on the name's own line: nothing after a line break excludes)."""
    words = r.board_not_followed_by
    rest = after.lstrip()
    if "\n" in after[:len(after) - len(rest)]:
        return False
    return (rest in words or any(rest[:i] in words for i, ch in enumerate(rest) if ch in " .,);:")
            or orgs._JOB_AFTER.match(rest) is not None)


def test_followed_by_excluded_is_the_set_look_up():
    r = load_rules()
    rng = random.Random(12)
    words = sorted(r.board_not_followed_by)
    seps = [" ", ".", ",", ")", ";", ":", "", "s", "x", "\n", "-"]
    texts = []
    for w in words:
        for s in seps:
            texts += [w + s, " " + w + s + "more", "\n" + w + s, w[:-1] + s, w.lower() + s, w + s + w]
    for text in PAGES:
        for _ in range(40):
            a = rng.randint(0, len(text))
            texts.append(text[a:a + rng.choice((30, 40))])
    for _ in range(5000):
        texts.append("".join(rng.choice(words + seps) for _ in range(rng.randint(0, 4))))
    for text in texts:
        assert orgs._followed_by_excluded(text, r) == _followed_plain(text, r), repr(text)


def test_person_initials_only_hold_bracketed_acronyms():
    """cluster_boards asks ``person_initials`` only for an acronym the page writes in brackets: every
    acronym it gives is one of those."""
    made = "Present: Sam Brown (SB) - Deputy Nurse, Ann Lee-Ray (ALR)\nSB to report. ALR agreed."
    assert orgs.person_initials(made) == {"SB", "ALR"}
    for text in [*PAGES, made]:
        for acr in orgs.person_initials(text):
            assert f"({acr})" in text


def test_person_cluster_name_kept_until_a_mention_is_added():
    a = people.PersonMention("Lee", 30, 33)
    b = people.PersonMention("Ann Lee", 10, 17)
    c = people.PersonMention("A B Lee", 50, 57)
    cluster = people.PersonCluster([a])
    assert cluster.name == "Lee"
    cluster.mentions.append(b)
    assert cluster.name == "Ann Lee"
    cluster.mentions.append(c)
    assert cluster.name == "A B Lee"  # the most words first
    cluster.mentions = [b, a]
    assert cluster.name == "Ann Lee"
    assert cluster.aliases == ["Lee"]
    cluster.mentions.append(people.PersonMention("A Lee", 5, 10))
    assert cluster.name == "Ann Lee"  # as many words, more of them more than a letter


def _cluster_plain(mentions: list[people.PersonMention]) -> list[list[tuple[str, int]]]:
    """cluster_people as it was (the properties asked each time), as names and starts per cluster."""
    from kg.extract.text import fold
    clusters: list[list[people.PersonMention]] = []
    fullest: list[people.PersonMention] = []
    by_surname: dict[str, list[int]] = {}
    for i in sorted(range(len(mentions)), key=lambda i: (-len(mentions[i].tokens), mentions[i].start)):
        m = mentions[i]
        first = fold(m.tokens[0]).lower() if len(m.tokens) > 1 else None
        candidates = []
        for ci in by_surname.get(m.surname, ()):
            full = fullest[ci]
            if full.surname != m.surname:
                continue
            cfirst = fold(full.tokens[0]).lower() if len(full.tokens) > 1 else None
            if first is None or cfirst is None or first == cfirst or (len(first) == 1 and cfirst.startswith(first)) \
                    or (len(cfirst) == 1 and first.startswith(cfirst)) or first[:3] == cfirst[:3]:
                candidates.append(ci)
        target = candidates[0] if len(candidates) == 1 or (candidates and first is not None) else None
        if target is None:
            clusters.append([])
            fullest.append(m)
            target = len(clusters) - 1
            by_surname.setdefault(m.surname, []).append(target)
        clusters[target].append(m)
    clusters.sort(key=lambda c: min(x.start for x in c))
    return [[(x.name, x.start) for x in c] for c in clusters]


def test_cluster_people_is_the_plain_clustering():
    rng = random.Random(13)
    given = ["Ann", "A", "Anna", "Ben", "B", "Zoë", "Ánn", "Jo"]
    surnames = ["Lee", "Lée", "Ray", "O’Neil", "Smith-Jones", "Lee"]
    for _ in range(3000):
        mentions = []
        for _k in range(rng.randint(0, 8)):
            words = [rng.choice(given) for _ in range(rng.randint(0, 2))] + [rng.choice(surnames)]
            mentions.append(people.PersonMention(" ".join(words), rng.randint(0, 500), 0))
        expected = _cluster_plain(list(mentions))
        got = [[(x.name, x.start) for x in c.mentions] for c in people.cluster_people(mentions)]
        assert got == expected


def test_address_patterns_need_their_words():
    """_addressed_body scans ``_ADDRESS[1]``/``[2]`` only on a page holding one of their words: a text
    without them has no match."""
    from kg.extract import meeting
    rng = random.Random(14)
    made = ["The Scrutiny Board noted", "this committee agreed", "the Cabinet's view", "The Panel", "the Sub-Committee",
            "The Select Committee", "the Commission", "the Scrutiny Panel", "The scrutiny board", "the Committees"]
    for text in made + PAGES:
        for _ in range(6):
            a = rng.randint(0, len(text))
            window = text[a:a + rng.choice((40, 300, 3000))]
            for pat, needles in zip(meeting._ADDRESS[1:], meeting._ADDRESS_NEEDLES, strict=True):
                if not any(n in window for n in needles):
                    assert pat.search(window) is None, window
        if "Health and Well" not in text:
            assert meeting._HWB.search(text) is None
    assert meeting._ADDRESS[1].search(made[0]) and meeting._ADDRESS[2].search(made[1])


def test_report_to_fields_are_the_pattern_over_the_head():
    from kg.extract import meeting
    rng = random.Random(15)
    pieces = ["Report", "report", "REPORT", " ", "  ", "\n", "\t", "to", "To", "TO", ":", " : ", "Meeting", "meeting",
              "of", "OF", "Committee", "committee", "Decision", "maker", "Date", "3 May 2020", "1/2/2020", "- ",
              "Cabinet", "the", "x", "İ", "ſ", "K", "Scrutiny", "Westshire"]
    texts = [t for page in PAGES for t in (page[:1500], page)]
    for _ in range(30000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))
    for text in texts:
        assert _spans(meeting._report_to_fields(text)) == _spans(meeting._REPORT_TO.finditer(text)), repr(text[:80])


def test_caps_runs_found_from_capitals_are_the_plain_pattern():
    assert orgs._CAPS_RUN_FOUND is not orgs._CAPS_RUN
    rng = random.Random(16)
    pieces = ["WESTSHIRE", "SAFEGUARDING", "ADULTS", "BOARD", " ", "\n", "  \n ", "&", "-", "’", "x", "Board", "AND",
              "É", "(", "A"]
    texts = list(PAGES)
    for _ in range(20000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))))
    for text in texts:
        assert _spans(orgs._CAPS_RUN_FOUND.finditer(text)) == _spans(orgs._CAPS_RUN.finditer(text)), repr(text[:80])


def test_places_in_windows_are_the_pattern_over_the_window():
    from kg.extract import meeting
    r = load_rules()
    assert orgs._places_capitalised(r)
    rng = random.Random(17)
    made = "Reading Borough Council and reading west of Bath; the bath in east Kent, Eastvale and West Sussex SAB"
    for text in [made, *PAGES]:
        spots = [rng.randint(0, len(text)) for _ in range(25)] + [len(text), 0, 7, 8, 9]
        for start in spots:
            for back in (4, 8, 60, 80):
                window = text[max(0, start - back):start]
                got = orgs._places_in(window, text, start - len(window), r)
                assert _spans(got) == _spans(r.place_pattern.finditer(window)), (window, start)
        assert _spans(meeting._places(text[:1500], r, text)) == _spans(r.place_pattern.finditer(text[:1500]))


def test_content_count_is_the_number_of_content_words():
    r = load_rules()
    names = ["the Safeguarding Adults Board", "Eastvale & Northfold Children's Partnership", "SAB", "", "of the and",
             "Health and Well Being Board", "Westshire Local Safeguarding Children Board (LSCB)"]
    for text in PAGES[:20]:
        names += [m.text for m in orgs.find_board_mentions(text, r)]
    for name in names:
        assert orgs._content_count(name) == len(orgs._content_words(name)) == len(
            [w for w in orgs.fold_words(name) if w not in orgs._FILLER])
