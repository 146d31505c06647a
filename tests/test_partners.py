"""Partners: layouts of minutes (attendance lists and tables), sector vocabulary, candidates
and the trained decision. All texts are written for these tests."""

from __future__ import annotations

from kg.extract.layout import attendance_regions, person_records, records
from kg.extract.linear import LinearModel
from kg.extract.orgs import cluster_boards, find_agencies, find_board_mentions, main_board
from kg.extract.partners import (
    board_references,
    candidate_probability,
    partner_candidates,
    sector_mentions,
    with_siblings,
)
from kg.extract.pipeline import extract
from kg.extract.rules import rules
from kg.extract.text import sentences
from kg.model import Document

TABLE = ("Minutes of the Westshire Safeguarding Adults Board (WSAB) Meeting\n"
         "Date: 3rd May 2023 Location: Civic Centre\n"
         "P= Present A= Apologies DNA=Did not attend\n"
         "Board Member P A DNA Ann Lee (AL) – Independent Chair P Ben Ray (BR) – Detective Superintendent, "
         "Westshire Constabulary P Cara Moss (CM) - Head of Safeguarding, NHS Westshire ICB A Dev Shah (DS) – "
         "Assistant Director, Adult Social Care, WCC P Ella Fox (EF) – Station Manager, WFRS DNA\n"
         "1. Welcome and introductions\n"
         "AL welcomed members. The Board discussed the audit of hospital discharge and agreed the plan.\n")

GLUED = ("EASTVALE YOUTH JUSTICE MANAGEMENT BOARD\n\n12 June 2022\n\nPresent:\n\n"
         "Tom HillChair of the Eastvale Community Safety Partnership (Chair)\n\n"
         "Dan OwenChief Executive, Eastvale Borough Council\n\n"
         "Sara KentChief Inspector, Northmoor Police\n\n"
         "Apologies:\n\nJo WebbHead of Commissioning, Eastvale CCG\n\n"
         "1. Minutes of the last meeting\n\nThe minutes were agreed.\n")


def test_attendance_region_runs_from_the_list_to_the_first_item():
    regions = attendance_regions(TABLE)
    assert len(regions) == 1
    r = regions[0]
    assert TABLE[r.start:].startswith("P= Present")
    assert TABLE[r.end:].startswith("1. Welcome")


def test_records_of_a_flattened_table_with_initials_and_columns():
    recs = records(TABLE)
    assert [(r.person, r.title, r.agency) for r in recs] == [
        ("Ann Lee", "Independent Chair", ""),
        ("Ben Ray", "Detective Superintendent", "Westshire Constabulary"),
        ("Cara Moss", "Head of Safeguarding", "NHS Westshire ICB"),
        ("Dev Shah", "Assistant Director, Adult Social Care", "WCC"),
        ("Ella Fox", "Station Manager", "WFRS"),
    ]
    assert all(r.in_list and r.shape == "initials" for r in recs)
    assert TABLE[recs[1].agency_start:].startswith("Westshire Constabulary")


def test_records_of_names_glued_to_titles_and_the_people_view():
    regions = attendance_regions(GLUED)
    assert [r.kind for r in regions] == ["attendance"]  # "Present" and "Apologies" lists joined
    people = person_records(GLUED)
    assert [(p, t, a) for p, t, a, _, _ in people] == [
        ("Tom Hill", "Chair of the Eastvale Community Safety Partnership (Chair)", ""),
        ("Dan Owen", "Chief Executive", "Eastvale Borough Council"),
        ("Sara Kent", "Chief Inspector", "Northmoor Police"),
        ("Jo Webb", "Head of Commissioning", "Eastvale CCG"),
    ]


def test_prose_members_is_not_a_list_and_long_inputs_stay_bounded():
    assert attendance_regions("Members noted the report. Present in the room were many.\n") == []
    text = "Present:\n" + "Westshire Police attended again. " * 30_000
    regions = attendance_regions(text)
    assert len(regions) == 1 and regions[0].end - regions[0].start < 5000


def test_generic_agency_acronym_endings_name_sectors():
    text = "Attending: XYCCG, WMFRS, LBQ, Northtown CVS and the Youth Offending Service.\n"
    r = rules()
    got = {(m.text, m.sector, m.how) for m in sector_mentions(text, [], find_agencies(text, r), r)}
    assert ("XYCCG", "health", "acronym") in got
    assert ("WMFRS", "fire-and-rescue", "acronym") in got
    assert ("LBQ", "local-authority", "acronym") in got
    assert ("CVS", "voluntary-sector", "phrase") in got
    assert ("Youth Offending Service", "youth-justice", "agency") in got  # a named agency pattern


def _partners(text: str, models=None) -> dict[str, set[str]]:
    f = extract(Document("t", text), models)
    names = {o.id: o.name for o in f.organisations}
    out: dict[str, set[str]] = {}
    for p in f.partners:
        out.setdefault(names[p.partnership], set()).add(p.sector)
    return out


def test_a_boards_attendance_table_names_its_partners_by_rules_and_by_model():
    want = {"Westshire Safeguarding Adults Board": {"police", "health", "local-authority", "fire-and-rescue"}}
    assert _partners(TABLE, {}) == want  # the rules alone
    assert _partners(TABLE) == want  # the shipped model
    f = extract(Document("t", TABLE))
    assert {p.evidence.by for p in f.partners} == {"model:partners"}
    assert all(0.4 <= p.evidence.confidence <= 1 for p in f.partners)
    rules_only = extract(Document("t", TABLE), {})
    assert {p.evidence.by for p in rules_only.partners} == {"rule:attendance"}


def test_membership_in_other_words_for_the_named_board():
    text = ("Westshire Safeguarding Children Partnership\n\n"
            "Annual update\n\n"
            "The Westshire Safeguarding Children Partnership is made up of Westshire Council, "
            "Westshire Constabulary and the NHS Westshire Integrated Care Board, with schools as a relevant agency.\n")
    got = _partners(text)
    assert got["Westshire Safeguarding Children Partnership"] >= {"local-authority", "police", "health"}


def test_candidates_are_generous_and_the_decision_uses_the_mean_over_mentions():
    text = TABLE
    r = rules()
    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    cands = partner_candidates(sentences(text), clusters, main_board(clusters, text), find_agencies(text, r), r, text)
    by_sector = {c.sector: c for c in cands}
    assert set(by_sector) >= {"police", "health", "local-authority", "fire-and-rescue"}
    police = by_sector["police"]
    assert "is-host" in police.features and any("lay=list:attendance" in f for f in police.supports)
    one = LinearModel("partners", {"lay=list:attendance": 4.0}, -2.0)
    p = candidate_probability(one, police)
    assert abs(p - sum(one.probability(f) for f in police.supports) / len(police.supports)) < 1e-12
    assert p > 0.8


def _context(text: str):
    r = rules()
    clusters = cluster_boards(text, find_board_mentions(text, r), r)
    clusters.sort(key=lambda c: c.first)
    return r, clusters, main_board(clusters, text)


def test_generic_references_and_defined_acronyms_name_their_board():
    text = ("Northmoor Safeguarding Adults Board and Northmoor Safeguarding Children Board will join as the "
            "Northmoor Safeguarding Partnership. The new partnership meets monthly.\n"
            "- KESTREL is the Upland Regional Safeguarding Children Board.\n- KESTREL meets in June.\n"
            "Both partnerships are funded jointly.\n")
    r, clusters, main = _context(text)
    names = {ci: c.name for ci, c in enumerate(clusters)}
    boards = list(names)
    refs = board_references(text, clusters, main, boards)
    got = {(text[at:at + 16], names[ci], how) for at, ci, how in refs}
    assert ("The new partners", "Northmoor Safeguarding Partnership", "ref") in got
    assert ("KESTREL meets in", "Upland Regional Safeguarding Children Board", "alias") in got
    plural = {names[ci] for at, ci, how in refs if how == "ref-plural"}
    # "Both partnerships": one partnership is named before, so the two boards named last, whatever their head word
    assert plural == {"Northmoor Safeguarding Partnership", "Upland Regional Safeguarding Children Board"}


def test_both_partnerships_after_a_board_and_a_partnership_applies_to_each():
    text = ("Cabinet\n\nDate: 4 March 2024\n\nThe report covers the Westshire Safeguarding Children Partnership "
            "and the Westshire Safeguarding Adults Board. Both partnerships are made up of the council, the police "
            "and the NHS. Members noted the report.\n")
    want = {"local-authority", "police", "health"}
    for models in ({}, None):  # the rules alone, the shipped model
        got = _partners(text, models)
        assert got == {"Westshire Safeguarding Children Partnership": want, "Westshire Safeguarding Adults Board": want}
    two = ("The Westshire Safeguarding Children Partnership and the Westshire Community Safety Partnership met. "
           "The Westshire Safeguarding Adults Board did not. Both partnerships are funded jointly.\n")
    r, clusters, main = _context(two)
    names = {ci: c.name for ci, c in enumerate(clusters)}
    plural = {names[ci] for _, ci, how in board_references(two, clusters, main, list(names)) if how == "ref-plural"}
    assert plural == {"Westshire Safeguarding Children Partnership", "Westshire Community Safety Partnership"}


def test_a_sector_far_from_the_name_attaches_to_the_board_last_talked_about():
    text = ("Eastvale Safeguarding Adults Board met in May. Separately, the Eastvale Safeguarding Partnership "
            "was launched. The weather was fine. Everyone will work together. Training was planned. "
            "A new website went live. Two staff joined. The office moved in July. "
            "Partners include the police, schools and housing providers.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    by_pair = {(clusters[c.board].name, c.sector): c for c in cands}
    housing = by_pair[("Eastvale Safeguarding Partnership", "housing")]
    assert any("d=topic" in f for f in housing.supports)
    assert not any("d=topic" in f for c in cands if clusters[c.board].name != "Eastvale Safeguarding Partnership"
                   for f in c.supports)


def test_table_column_headers_and_runs_of_name_agency_lines_are_lists():
    header = "Signatories\nName Organisation/Agency Signature\n1 Ann Lee Westshire Council\n2 Bo Ray Westshire Police\n"
    regions = attendance_regions(header)
    assert len(regions) == 1 and header[regions[0].start:].startswith("Name Organisation/Agency")
    assert attendance_regions("The name of the organisation was changed.\n") == []
    lines = ("Westshire Children's Trust Board\n\nMinutes of the meeting held on 2 May 2011\n\n"
             "Ann Lee - NHS Westshire (In the Chair)\n\nBo Ray - Director of Children's Services\n\n"
             "Cy Dunn - Westshire Constabulary\n\nDi Fox - Westshire Probation\n\n"
             "Apologies were received from Ed Hart.\n")
    regions = attendance_regions(lines)
    assert len(regions) == 1
    assert lines[regions[0].start:regions[0].end].startswith("Ann Lee") and lines[:regions[0].end].endswith("Probation")
    assert attendance_regions("Ann Lee - Chair\n\nThe Board met.\n\nBo Ray - Director\n") == []  # no run of four
    long_run = "".join(f"Ann Lee{i} - Westshire Constabulary\n" for i in range(2000))
    regions = attendance_regions(long_run)
    assert len(regions) == 1 and regions[0].end - regions[0].start <= 4000  # bounded like a headed list


def test_other_boards_named_in_the_hosts_list_are_posts_not_membership():
    text = ("Minutes of the Westshire Safeguarding Adults Board (WSAB) Meeting\n"
            "Board Member P A DNA Ann Lee (AL) – Independent Chair, WSAB P Ben Ray (BR) – Westshire SCB Business "
            "Manager, Westshire Council P Cara Moss (CM) – Detective Inspector, Westshire Constabulary P\n"
            "1. Welcome and introductions\nAL welcomed members.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    assert len(clusters) == 2  # the host and the "SCB" named in a post
    for c in cands:
        host = "is-host" in c.features
        marked = [f for f in c.supports if "list-of-host" in f]
        assert (not marked) if host else len(marked) == len(c.supports)
    model = LinearModel("partners", {"lay=list:attendance": 4.0}, -2.0)
    kept = {(clusters[c.board].name, c.sector) for c in cands if candidate_probability(model, c) >= 0.5}
    assert kept and {b for b, _ in kept} == {"Westshire Safeguarding Adults Board"}


def test_a_cue_sentence_that_refers_to_a_board_is_about_that_board_not_the_main_one():
    text = ("Eastvale Safeguarding Adults Board met in May and the Eastvale Safeguarding Adults Board agreed "
            "its plan. Eastvale Safeguarding Adults Board thanked staff.\n"
            "Separately, the Eastvale Community Safety Partnership was renewed. "
            "The partnership is made up of the police, the fire and rescue service and probation.\n")
    got = _partners(text, {})  # the rules alone
    assert got.get("Eastvale Community Safety Partnership") == {"police", "fire-and-rescue", "probation"}
    assert "Eastvale Safeguarding Adults Board" not in got


def test_mentions_are_described_by_generic_words_not_place_names():
    """A named agency is a feature by its last word only, so the model cannot learn areas."""
    text = ("The Westshire Safeguarding Children Partnership is made up of Northmoor Constabulary, "
            "the council and NHS Westshire ICB.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    feats = {f for c in cands for sup in c.supports for f in sup}
    assert "p=...constabulary" in feats and "p=the council" in feats
    assert not any("northmoor" in f or "westshire" in f for f in feats)


def test_a_sector_in_a_sentence_naming_another_board_is_marked_for_the_others():
    text = ("Eastvale Health and Wellbeing Board\n\nMinutes\n\n"
            "The Eastvale Safeguarding Children Partnership is led by the police, health and the council.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    names = {ci: c.name for ci, c in enumerate(clusters)}
    police = {names[c.board]: c for c in cands if c.sector == "police"}
    named = police["Eastvale Safeguarding Children Partnership"]
    other = police["Eastvale Health and Wellbeing Board"]
    assert not any("other-named" in f for f in named.supports)
    assert all("other-named" in f for f in other.supports)


def test_community_sector_and_voluntary_service_councils_are_the_voluntary_sector():
    text = "Members: the community sector, Northtown Voluntary Service Council and NTVSC.\n"
    r = rules()
    got = {(m.text, m.sector) for m in sector_mentions(text, [], find_agencies(text, r), r)}
    assert ("community sector", "voluntary-sector") in got
    assert ("Voluntary Service Council", "voluntary-sector") in got
    assert ("NTVSC", "voluntary-sector") in got


def test_sector_words_inside_an_inspectorates_name_name_no_partner():
    text = ("The latest report from HMICFRS (Her Majesty's Inspectorate of Constabulary and Fire and Rescue "
            "Services) was positive. The Office for Standards in Education visited. "
            "Northtown Fire and Rescue Service attended.\n")
    r = rules()
    got = [(m.text, m.sector) for m in sector_mentions(text, [], find_agencies(text, r), r)]
    assert ("Northtown Fire and Rescue Service", "fire-and-rescue") in got
    assert [s for _, s in got] == ["fire-and-rescue"]  # not HMICFRS, nor the constabulary, nor education


def test_national_charities_and_police_ranks_name_their_sectors():
    text = ("Members: Northtown NSPCC, Barnardo’s, Women's Aid, a Superintendent and two PCSOs, "
            "the Pupil Referral Unit and the school nurses.\n")
    r = rules()
    got = {(m.text, m.sector) for m in sector_mentions(text, [], find_agencies(text, r), r)}
    assert {("NSPCC", "voluntary-sector"), ("Barnardo’s", "voluntary-sector"), ("Women's Aid", "voluntary-sector"),
            ("Superintendent", "police"), ("PCSOs", "police"), ("Pupil Referral Unit", "education"),
            ("school nurses", "health")} <= got


def test_a_phrase_written_with_a_straight_apostrophe_matches_either_apostrophe():
    r = rules()
    for text in ("The Director of Children's Services attended.", "The Director of Children’s Services attended."):
        got = [(m.text, m.sector) for m in sector_mentions(text, [], [], r)]
        assert got == [(text[4:-10], "local-authority")]  # the whole post, not only "Children's Services"


def test_funding_and_formation_words_mark_a_mention_for_the_model_not_for_the_rules():
    text = ("The Westshire Safeguarding Children Partnership receives equal funding from health, the council and "
            "the police. The Westshire Safeguarding Children Partnership also thanked the library.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    police = next(c for c in cands if c.sector == "police")
    assert all("weak-cue" in f for f in police.supports) and not police.rule
    assert _partners(text, {}) == {}  # no partner cue: the rules state nothing


def test_membership_said_in_a_few_words_reaches_the_board_by_rules_and_by_model():
    cases = {
        ("Cabinet\n\nThe Westshire Safeguarding Children Partnership published its report. Lead partners from "
         "Westshire County Council, the Constabulary and the ICB attended the development day in June.\n"):
            ("Westshire Safeguarding Children Partnership", {"local-authority", "police", "health"}),
        ("Cabinet\n\nThe Eastvale Safeguarding Adults Board was convened with the police and the NHS in 2015. "
         "The Board has agreed its plan.\n"): ("Eastvale Safeguarding Adults Board", {"police", "health"}),
        ("Scrutiny Committee\n\nThe Northmoor Safeguarding Adults Board met four times. The CCG are key partners "
         "and fund a third of the budget.\n"): ("Northmoor Safeguarding Adults Board", {"health"}),
    }
    for text, (board, sectors) in cases.items():
        for models in ({}, None):  # the rules alone, the shipped model
            assert _partners(text, models).get(board) == sectors, (text[:40], models)


def test_a_host_known_only_by_the_meeting_body_is_marked_apart_from_a_host_with_lists():
    own = ("Health and Wellbeing Board - 3 May 2023\n\nThe Board brings together the police and the council. "
           "The police and the council discussed the audit.\n")
    r, clusters, main = _context(own)
    cands = partner_candidates(sentences(own), clusters, main, find_agencies(own, r), r, own,
                               meeting_body="Health and Wellbeing Board")
    hwb = {c.sector: c for c in cands if clusters[c.board].name == "Health and Wellbeing Board"}
    assert set(hwb) == {"police", "local-authority"}
    assert all("host-no-list" in c.features and "host-lists" not in c.features for c in hwb.values())
    assert all(any("host-no-list" in f for f in c.supports) for c in hwb.values())
    # a receiving board (known by the meeting's body, the page about another board): no host, and only
    # the sentence that names it ("The Board ...") supports it, not the report's sentences
    report = ("Health and Wellbeing Board - 3 May 2023\n\nThe Westshire Safeguarding Children Partnership presented "
              "its annual report. The police and the council discussed the audit. The Board thanked the fire "
              "service.\n")
    r, clusters, main = _context(report)
    cands = partner_candidates(sentences(report), clusters, main, find_agencies(report, r), r, report,
                               meeting_body="Health and Wellbeing Board")
    hwb = {c.sector: c for c in cands if clusters[c.board].name == "Health and Wellbeing Board"}
    assert set(hwb) == {"fire-and-rescue"}
    assert not any(f.startswith(("is-host", "host")) for c in hwb.values() for f in c.features)
    r, clusters, main = _context(TABLE)
    cands = partner_candidates(sentences(TABLE), clusters, main, find_agencies(TABLE, r), r, TABLE)
    police = next(c for c in cands if c.sector == "police")
    assert "host-lists" in police.features and any("host" in f for f in police.supports)


def test_health_and_well_being_in_two_words_is_the_same_board():
    text = ("Health and Well Being Board - Thursday, 2nd November 2023\n\nNo urgent business was raised at this "
            "meeting of the Health and Wellbeing Board.\n")
    r, clusters, _ = _context(text)
    assert [c.kind for c in clusters] == ["other-board"]
    assert set(clusters[0].names) == {"Health and Well Being Board", "Health and Wellbeing Board"}
    assert not any(m.sector == "health" for m in sector_mentions(text, clusters, find_agencies(text, r), r))


def test_a_sector_listed_with_a_kept_sibling_is_raised_to_just_below_it():
    text = ("The Westshire Safeguarding Children Partnership receives equal funding from health, the council and "
            "the police. The council also runs the library.\n")
    r, clusters, main = _context(text)
    cands = partner_candidates(sentences(text), clusters, main, find_agencies(text, r), r, text)
    by = {c.sector: i for i, c in enumerate(cands)}
    assert {"health", "local-authority", "police"} <= set(by)
    assert cands[by["police"]].listed_with == cands[by["local-authority"]].listed_with == frozenset({0})
    probs = [0.1] * len(cands)
    probs[by["health"]] = 0.8
    out = with_siblings(cands, probs, 0.45)
    assert abs(out[by["police"]] - 0.72) < 1e-12 and abs(out[by["local-authority"]] - 0.72) < 1e-12
    assert out[by["health"]] == 0.8
    assert with_siblings(cands, [0.1] * len(cands), 0.45) == [0.1] * len(cands)  # no kept sibling: unchanged


def test_sentence_phrases_from_the_page_pass_equal_a_scan_of_each_sentence():
    """A sentence's sector phrases taken from the page's one word pass are exactly those of
    scanning the sentence alone (offsets, groups), also where a word touches a sentence's edge."""
    from pathlib import Path

    from kg.extract import partners
    from kg.extract.text import scanned

    r = rules()
    texts = [TABLE, GLUED, "The police.Health and the local authority-led group; the CCG,NHS and\n-police-"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.joinpath("texts").glob("*.txt"))]
    seen = 0
    for raw in texts:
        text = scanned(raw)
        for s in sentences(text):
            got = [(m.start(), m.end(), m.lastgroup) for m in partners._sentence_phrases(s, text, r)]
            partners._SCANS.clear()
            want = [(m.start(), m.end(), next(g for g, v in m.groupdict().items() if v is not None))
                    for m in partners._phrase_matches(s.text, r)]
            assert got == want, s.text
            seen += len(want)
    assert seen > 20
