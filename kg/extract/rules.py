"""The extractor's knowledge, loaded from the data files in ``data/rules/``.

Rules are data so that a user can add a sector phrase, a role title or a theme cue
without touching code; this module only reads and compiles them, once per process.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from kg.extract import scan
from kg.paths import RULES_DIR


def _load(name: str) -> dict:
    return json.loads((RULES_DIR / name).read_text(encoding="utf-8"))


def _alternation(phrases: list[str]) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Cue:
    """One cue phrase: a regex, and a literal that any match must contain (lower case).

    Checking ``needle in text`` first skips the regex for the many cues a document does
    not contain, which is most of the extractor's time saved."""

    needle: str
    pattern: re.Pattern
    strong: bool


@dataclass(frozen=True)
class ThemeRule:
    theme: str
    cues: tuple[Cue, ...]
    not_: re.Pattern | None


def _needle(c: str) -> str:
    """The longest run of plain letters a cue's matches must contain (outside groups and classes)."""
    depth, runs, cur, i = 0, [], "", 0
    while i < len(c):
        ch = c[i]
        if ch == "\\":
            runs.append(cur)
            cur = ""
            i += 2
            continue
        if ch in "([":
            runs.append(cur)
            cur = ""
            depth += 1
            if ch == "[":
                i = c.index("]", i + 1)
                depth -= 1
        elif ch == ")":
            runs.append(cur)
            cur = ""
            depth -= 1
        elif ch in "?*+{|":
            # the char before an optional quantifier is not required
            if ch in "?*{" and cur:
                cur = cur[:-1]
            runs.append(cur)
            cur = ""
            if ch == "|" and depth == 0:
                return ""  # top-level alternatives: no single required literal
        elif depth == 0 and (ch.isalpha() or ch in " '-"):
            cur += ch
        else:
            runs.append(cur)
            cur = ""
        i += 1
    runs.append(cur)
    best = max((r.strip() for r in runs), key=len, default="")
    return best.lower() if len(best) >= 3 else ""


def _cue(c: str) -> str:
    """Cues in capitals (acronyms such as SEND or MASH) must not match ordinary words."""
    letters = re.sub(r"\\[a-zA-Z]|\(\?[^)]*\)|[^A-Za-z]", "", c)
    return f"(?-i:{c})" if letters and letters.isupper() and len(letters) >= 2 else c


def _spaced(c: str) -> str:
    """A cue whose words may stand across a wrapped line ("move from children's to adult\\n   services"):
    each space of the cue (and of its "[- ]" classes) matches any run of white space, an optional
    space (" ?") any white space or none; a look-behind's spaces stay as written."""
    out: list[str] = []
    behind: list[int] = []  # the depths of the look-behinds open here (their spaces stay: fixed width)
    depth = i = 0
    while i < len(c):
        if c[i] == "\\":
            out.append(c[i:i + 2])
            i += 2
            continue
        if c.startswith("[- ]", i):
            out.append("[- ]" if behind else "[-\\s]")
            i += 4
            continue
        if c[i] == "(":
            depth += 1
            if c.startswith(("(?<=", "(?<!"), i):
                behind.append(depth)
        elif c[i] == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        if c[i] == " " and not behind:
            quantifier = c[i + 1:i + 2]
            if quantifier in ("?", "*", "+"):  # " ?": an optional space, any white space
                out.append("\\s+" if quantifier == "+" else "\\s*")
                i += 2
                continue
            out.append("\\s+")
        else:
            out.append(c[i])
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Rules:
    board_heads: tuple[tuple[str, re.Pattern], ...]
    board_lower: tuple[tuple[str, re.Pattern], ...]
    board_place_led: tuple[tuple[str, re.Pattern], ...]
    acronym_suffixes: dict[str, str]
    board_not_followed_by: frozenset[str]
    generic_determiners: frozenset[str]
    not_place: frozenset[str]
    sector_of_group: dict[str, str]
    agency_patterns: tuple[tuple[str, re.Pattern], ...]
    statutory_cues: re.Pattern
    role_heads: re.Pattern
    chair_title: re.Pattern
    not_chair: re.Pattern
    independent_titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    plural_honorifics: frozenset[str]
    name_keeping_titles: frozenset[str]
    person_verbs: frozenset[str]
    themes: tuple[ThemeRule, ...]
    theme_veto: re.Pattern
    first_names: frozenset[str]
    places: dict[str, tuple[str, str]]  # place (lower) -> (place as written, council name)
    place_pattern: re.Pattern
    stopwords: frozenset[str]
    acronym_endings: tuple[tuple[str, str], ...] = ()  # (ending, sector), longest first: "CCG" -> health
    sector_first_words: Mapping[str, re.Pattern] | None = None  # first word (lower) -> its phrases' alternation
    partner_cue_first: Mapping[str, re.Pattern] | None = None  # the same for the partner cues
    sector_source: str = "(?!x)x"  # sector_phrases' pattern, compiled when first asked for
    partner_cue_source: str = "(?!x)x"  # partner_cues' pattern, the same

    # The two whole alternations: the extractor reads the phrases by first word (the fields
    # above); these are for tools and tests, so a process that never asks does not compile
    # them (30 ms of a process's start-up). (cached_property writes the instance's __dict__
    # directly, which a frozen dataclass allows.)
    @cached_property
    def sector_phrases(self) -> re.Pattern:
        """Every sector phrase in one alternation, longest first; group names s<n>."""
        return re.compile(self.sector_source)

    @cached_property
    def partner_cues(self) -> re.Pattern:
        """Every partner cue in one alternation, longest first."""
        return re.compile(self.partner_cue_source)


class _Compiled(Mapping[str, re.Pattern]):
    """Patterns by key, each compiled when first asked for. Why: the phrases grouped by first
    word are ~200 patterns, and a page holds a few of their first words; compiling them all
    when the rules are loaded cost ~50 ms of every process's start-up (a one-file ``kg
    build``, each ``kg extract``), for words most pages never reach."""

    __slots__ = ("_sources", "_done")

    def __init__(self, sources: dict[str, str]) -> None:
        self._sources = sources
        self._done: dict[str, re.Pattern] = {}

    def get(self, key: str, default=None):
        """(``Mapping.get`` would raise and catch a KeyError for every word not a key.)"""
        found = self._done.get(key)
        if found is not None:
            return found
        source = self._sources.get(key)
        if source is None:
            return default
        found = self._done[key] = re.compile(source)
        return found

    def __getitem__(self, key: str) -> re.Pattern:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


_T = TypeVar("_T")


def derived(rules: Rules, make: Callable[[Rules], _T]) -> _T:
    """``make(rules)``, made once per Rules object and kept inside it (where cached_property
    keeps its values). A table keyed by ``id(rules)`` outlives its Rules and would answer for
    a later one given the same id (tests make many); this one goes with the object. Keyed by
    the function's qualified name, so a Rules stays picklable."""
    key = f"_derived {make.__module__}.{make.__qualname__}"
    got = rules.__dict__.get(key)
    if got is None:
        got = rules.__dict__[key] = make(rules)
    return got


def _read_places(path: Path) -> dict[str, tuple[str, str]]:
    places: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return places
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            place = (row.get("place") or "").strip()
            if place:
                places.setdefault(place.lower(), (place, (row.get("council") or "").strip()))
    return places


def _first_word(phrase: str) -> str:
    """The first run of word characters, lower case: the key a phrase is found by."""
    m = re.match(r"\w+", phrase.lower())
    return m.group() if m else ""


# adverbs a membership phrase may hold after its first word ("convened jointly with", "are all members of")
_CUE_ADVERB = r"\s+(?:(?:jointly|also|now|currently|formally|equally|fully|actively|regularly|all|both)\s+)?"


def _by_first_word(phrases: list[str], adverb: bool = False) -> Mapping[str, re.Pattern]:
    """Case-insensitive phrases grouped by their first word (lower case), each group one
    alternation (longest first): a caller tries only the group of the word at hand instead
    of every phrase at every character. ``adverb``: one of ``_CUE_ADVERB``'s adverbs may
    stand after a phrase's first word."""
    groups: dict[str, list[str]] = {}
    for p in phrases:
        groups.setdefault(_first_word(p), []).append(p)

    def body(p: str) -> str:
        esc = re.escape(p)
        if adverb and "\\ " in esc:
            head, _, rest = esc.partition("\\ ")
            return head + _CUE_ADVERB + rest.replace("\\ ", r"\s+")
        return esc.replace("\\ ", r"\s+")
    return _Compiled({w: r"(?i)\b(?:" + "|".join(body(p) for p in sorted(ps, key=len, reverse=True)) + r")\b"
                      for w, ps in groups.items()})


@lru_cache(maxsize=1)
def rules() -> Rules:
    boards = _load("boards.json")
    sectors = _load("sectors.json")
    roles = _load("roles.json")
    themes = _load("themes.json")

    sector_parts, sector_of_group = [], {}
    by_first: dict[str, list[tuple[int, str]]] = {}
    n = 0
    for sector, phrases in sectors["phrases"].items():
        for p in sorted(phrases, key=len, reverse=True):
            g = f"s{n}"
            n += 1
            flags = "" if p.isupper() else "(?i:"  # acronyms stay case-sensitive
            body = re.sub("['’]", "['’]", re.escape(p).replace("\\ ", r"\s+"))  # either apostrophe, in one pass
            sector_parts.append((len(p), f"(?P<{g}>{flags}{body}{')' if flags else ''})"))
            by_first.setdefault(_first_word(p), []).append(sector_parts[-1])
            sector_of_group[g] = sector
    sector_parts.sort(key=lambda x: -x[0])
    sector_source = r"(?<![\w-])(?:" + "|".join(p for _, p in sector_parts) + r")(?![\w-])"
    sector_first = _Compiled({w: r"(?<![\w-])(?:" + "|".join(p for _, p in sorted(ps, key=lambda x: -x[0]))
                              + r")(?![\w-])" for w, ps in by_first.items()})

    theme_rules = []
    for theme, cues in themes["themes"].items():
        compiled = tuple(
            Cue(_needle(c), scan.compile(r"(?<![\w-])(?:" + _spaced(_cue(c)) + r")(?![\w-])", re.I), strong)
            for strong, key in ((True, "strong"), (False, "weak")) for c in cues.get(key, ()))
        not_ = scan.compile(r"(?:" + "|".join(cues["not"]) + r")", re.I) if cues.get("not") else None
        theme_rules.append(ThemeRule(theme, compiled, not_))

    places = _read_places(RULES_DIR / "local_authorities.tsv")
    place_names = sorted((v[0] for v in places.values()), key=len, reverse=True)
    place_pattern = scan.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(p).replace(r"\ and\ ", r"\s+(?:and|&)\s+").replace(r"\ ", r"\s+") for p in place_names) + r")"
        + r"(?![\w-])" if place_names else r"(?!x)x")
    first_names_file = RULES_DIR / "first_names.txt"
    first_names = frozenset(
        line.strip() for line in first_names_file.read_text(encoding="utf-8").splitlines() if line.strip()
    ) if first_names_file.exists() else frozenset()
    stop_file = RULES_DIR / "not_names.txt"
    stopwords = frozenset(
        w.strip() for w in stop_file.read_text(encoding="utf-8").split() if w.strip()
    ) if stop_file.exists() else frozenset()

    return Rules(
        board_heads=tuple((h["kind"], scan.compile(h["pattern"])) for h in boards["heads"]),
        board_lower=tuple((h["kind"], scan.compile(h["pattern"], re.I)) for h in boards["generic_lowercase"]),
        board_place_led=tuple((h["kind"], scan.compile(h["pattern"])) for h in boards["place_led"]),
        acronym_suffixes=dict(boards["acronym_suffixes"]),
        board_not_followed_by=frozenset(boards["not_followed_by"]),
        generic_determiners=frozenset(boards["generic_determiners"]),
        not_place=frozenset(boards["qualifiers_not_place"]),
        sector_of_group=sector_of_group,
        agency_patterns=tuple((a["sector"], scan.compile(a["pattern"])) for a in sectors["agency_patterns"]),
        statutory_cues=scan.compile(r"(?i)\b(?:" + _alternation([re.escape(c) for c in sectors["statutory_cues"]])
                                  + r")\b"),
        role_heads=scan.compile(r"\b(?:" + _alternation([re.escape(h) for h in roles["heads"]]) + r")s?\b"),
        chair_title=scan.compile("|".join(roles["chair_titles"]), re.I),
        not_chair=scan.compile("|".join(roles["not_chair"]), re.I),
        independent_titles=tuple(roles["independent_titles"]),
        honorifics=tuple(sorted(roles["honorifics"], key=len, reverse=True)),
        plural_honorifics=frozenset(roles["plural_honorifics"]),
        name_keeping_titles=frozenset(roles["name_keeping_titles"]),
        person_verbs=frozenset(roles["person_verbs"]),
        themes=tuple(theme_rules),
        theme_veto=scan.compile("|".join(themes["veto"])),
        first_names=first_names,
        places=places,
        place_pattern=place_pattern,
        stopwords=stopwords,
        sector_first_words=sector_first,
        partner_cue_first=_by_first_word(sectors["partner_cues"], adverb=True),
        sector_source=sector_source,
        partner_cue_source=r"(?i)\b(?:" + _alternation([re.escape(c).replace("\\ ", r"\s+")
                                                       for c in sectors["partner_cues"]]) + r")\b",
        acronym_endings=tuple(sorted(sectors.get("acronym_endings", {}).items(), key=lambda kv: (-len(kv[0]), kv[0]))),
    )
