"""Faster scans of fixed patterns, with the same matches as ``re``.

Python's ``re`` tries a pattern at every character of the text. Compiled with
``re.IGNORECASE``, or starting with an optional word or a zero-width check (``\\b``, a
look-behind), a pattern gets none of the engine's own "jump to the first letter"
shortcuts, so a page of 2,000 characters costs 2,000 attempts per pattern; most of the
extractor's time was such scans, spread over dozens of patterns. The patterns themselves
tell where a match can start: ``prefixes`` reads a compiled pattern and returns the
lower-case literals that every match begins with ("safeguarding", "local", "regional"
for ``(?:Local\\s+|Regional\\s+)?Safeguarding...``), or nothing when some match could
begin otherwise. A ``Scanner`` then finds those literals in the lower-cased text (one
Aho-Corasick pass over the text per document, shared by every scanner) and runs the
pattern only there, with ``Pattern.match`` at each place: the leftmost match from a
position is the first place where ``match`` succeeds, so the matches, their groups and
their order are exactly those of ``finditer`` (``tests/test_text_speed.py`` checks it
on random texts). A pattern without such prefixes is scanned as before.

Why the texts are folded before lower-casing: under IGNORECASE ``re`` also matches four
non-ASCII letters to ASCII ones (dotted and dotless I, long S, the Kelvin sign); they are
mapped first so that the literal search sees every place the pattern could match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from importlib import import_module
from itertools import islice

import ahocorasick

# re's own parser and its opcodes (private modules, stable since Python 3.11; typeshed has no stubs)
_parser = import_module("re._parser")
C = import_module("re._constants")
_compiler = import_module("re._compiler")
_sre = import_module("_sre")

_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ODD_LETTERS = "\u0130\u0131\u017f\u212a"
MIN_PREFIX = 3
"""Shortest literal worth looking for: shorter ones occur everywhere (the scan would be slower)."""
_MAX_SET = 4096


@lru_cache(maxsize=2048)
def folded(text: str) -> str | None:
    """``text`` lower-cased (with the four odd IGNORECASE letters mapped to ASCII first), or
    None when lower-casing changes its length (offsets would not line up; rare letters).
    Kept for the last texts asked: every scanner of one document shares it."""
    odd = not text.isascii() and any(c in text for c in _ODD_LETTERS)  # translate() is slow: only when needed
    low = text.translate(_ODD).lower() if odd else text.lower()
    return low if len(low) == len(text) else None


# --- which literals every match starts with ------------------------------------------

_Prefixes = frozenset[tuple[str, bool]]  # (literal, whether it covers the whole rest of the sequence)
_UNKNOWN: _Prefixes = frozenset({("", False)})
_EMPTY: _Prefixes = frozenset({("", True)})
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


_char = {code: chr(code).lower() for code in range(128)}.get
"""The lower case of a literal's character (by its code) when it is ASCII, else None: a
look-up, as it is asked for each letter of every pattern read (~800 at start-up)."""


def _node(op, av) -> _Prefixes:
    """The literals one node of the parse starts with."""
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is C.LITERAL:
        ch = _char(av)
        return frozenset({(ch, True)}) if ch else _UNKNOWN
    if op is C.IN:
        chars = set()
        for item_op, item_av in av:
            ch = _char(item_av) if item_op is C.LITERAL else None
            if ch is None:
                return _UNKNOWN
            chars.add(ch)
        return frozenset((ch, True) for ch in chars)
    if op is C.SUBPATTERN:
        return _seq(list(av[3].data) if hasattr(av[3], "data") else list(av[3]))
    if op is C.ATOMIC_GROUP:
        return _seq(list(av.data) if hasattr(av, "data") else list(av))
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            out |= _seq(list(alt.data) if hasattr(alt, "data") else list(alt))
        return frozenset(out)
    if op in _REPEATS:
        lo, hi, sub = av
        inner = _seq(list(sub.data) if hasattr(sub, "data") else list(sub))
        if lo == 1 and hi == 1:
            return inner
        if lo == 0 and hi == 1:
            return inner | _EMPTY
        first = frozenset((s, False) for s, _ in inner)
        return first | _EMPTY if lo == 0 else first
    return _UNKNOWN


def _seq(nodes: list) -> _Prefixes:
    """The literals a sequence of nodes starts with: each node's, joined to the rest's
    where the node's literal is all of it (a run of letters, an optional word)."""
    if not nodes:
        return _EMPTY
    # a run of plain letters first ("graded care profile"): one literal joined to the rest's,
    # what a letter at a time gives, without a set and a copy of the rest per letter
    letters = []
    for op, av in nodes:
        ch = _char(av) if op is C.LITERAL else None
        if ch is None:
            break
        letters.append(ch)
    if letters:
        word = "".join(letters)
        after = _seq(nodes[len(letters):])
        if len(after) > _MAX_SET:
            return frozenset({(word, False)})
        return frozenset((word + r, rc) for r, rc in after)
    head = _node(*nodes[0])
    if not any(complete for _, complete in head):
        return head
    rest = _seq(nodes[1:])
    if len(head) * len(rest) > _MAX_SET:  # too many combinations: each of the head's literals alone
        return frozenset((s, False) for s, _ in head)
    return frozenset(x for s, complete in head
                     for x in ([(s + r, rc) for r, rc in rest] if complete else [(s, False)]))


@cache
def prefixes(pattern: re.Pattern, shortest: int = MIN_PREFIX) -> tuple[str, ...]:
    """Lower-case literals such that every match of ``pattern`` starts with one of them
    (case aside), shortest first; () when the pattern does not say (a match could start
    with any letter, or be empty). Only literals of ``shortest`` (MIN_PREFIX) characters or more count."""
    tree = _parse(pattern)
    if tree is None:
        return ()
    found = {s for s, _ in _seq(list(tree.data))}
    if not found or min(len(s) for s in found) < shortest:
        return ()
    # a literal that another one starts with adds nothing: keep the shorter (its own prefixes
    # looked up in a set, not each kept literal tried: an alternation of places has hundreds)
    # (in alphabetical order a literal comes right after the kept one it starts with, if any:
    # everything between a string and one it starts with starts with it too)
    out: list[str] = []
    for s in sorted(found):
        if not out or not s.startswith(out[-1]):
            out.append(s)
    return tuple(sorted(out, key=lambda s: (len(s), s)))


# --- one literal search per text, shared ------------------------------------------------

_NEEDLES: dict[str, None] = {}  # every literal any scanner asked for, in order
_MAIN: list = [None, 0]  # the automaton of the first literals, and how many it holds
_RECENT: list = [None, 0]  # an automaton of the literals registered after those, and how many


def register(needles: Iterable[str]) -> None:
    """Add literals to the shared search (scanners and the theme cues register theirs)."""
    for n in needles:
        if n:
            _NEEDLES.setdefault(n, None)


def _add(automaton, needles: Iterable[str]) -> None:
    for n in needles:
        automaton.add_word(n, (n, len(n) - 1))  # the length with it: no len() per hit
    automaton.make_automaton()


def settle() -> None:
    """Fold the literals registered since the main search was made into it (and drop the
    second, small search that held them): called between pages (``kg.extract.pipeline``).

    Why two searches: a scanner made during a page (the first pages of a process make a
    few hundred) registers its literals, and the page's search must include them from then
    on. Adding them to the main automaton and making it again costs a pass over its ~4,000
    literals per new scanner; adding them to a second automaton of the page's new literals
    alone costs a pass over those, and the main one is made again once, here. A page's
    search then reads both (each literal is in one of them, so the union is exact)."""
    n = len(_NEEDLES)
    if _MAIN[0] is not None and _MAIN[1] == n:
        return
    if _MAIN[0] is None:
        _MAIN[0] = ahocorasick.Automaton()
    _add(_MAIN[0], islice(_NEEDLES, _MAIN[1], None))  # (pyahocorasick takes words after it was made)
    _MAIN[1] = n
    _RECENT[0], _RECENT[1] = None, 0
    _hits.cache_clear()


def _find(automaton, low: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    get = out.get
    for end, (n, back) in automaton.iter(low):
        at = get(n)
        if at is None:
            out[n] = [end - back]  # (setdefault would make a list per hit, hundreds a page)
        else:
            at.append(end - back)
    return out


@lru_cache(maxsize=1024)
def _hits(low: str) -> dict[str, list[int]]:
    """The main search's hits in ``low`` (kept until it is made again)."""
    return _find(_MAIN[0], low)


def hits(low: str) -> dict[str, list[int]]:
    """Where each registered literal occurs in ``low`` (a lower-cased text): start offsets,
    in order. Literals that do not occur are absent. (The caller must not change the answer.)"""
    n = len(_NEEDLES)
    if not n:
        return {}
    if _MAIN[0] is None or n - _MAIN[1] > _MAIN[1]:
        settle()  # the first search, or more new literals than old (a caller that never settles)
    found = _hits(low)
    if _MAIN[1] == n:
        return found
    if _RECENT[1] != n - _MAIN[1]:
        if _RECENT[0] is None:
            _RECENT[0] = ahocorasick.Automaton()
        _add(_RECENT[0], islice(_NEEDLES, _MAIN[1] + _RECENT[1], None))
        _RECENT[1] = n - _MAIN[1]
    more = _find(_RECENT[0], low)
    if not more:
        return found
    both = dict(found)  # (a new dict: the main search's answer is kept by the cache)
    both.update(more)
    return both


_NO_PLACES: list[int] = []  # shared by every scanner whose literals a page lacks; never changed
_PAGE: list = [None, None, -1]  # the last text whose literals were looked up, its hits, len(_NEEDLES) then


def _page_hits(text: str) -> dict[str, list[int]] | None:
    """``hits(folded(text))``, or None when ``text`` cannot be folded; the last text's answer
    kept, by identity, so that the dozens of scanners asking about one page in turn skip the two
    cache look-ups. Asked again once a literal has been registered since (a scanner made
    during the page: the search must include its literals)."""
    if _PAGE[0] is text and _PAGE[2] == len(_NEEDLES):
        return _PAGE[1]
    low = folded(text)
    found = None if low is None else hits(low)
    _PAGE[0], _PAGE[1], _PAGE[2] = text, found, len(_NEEDLES)
    return found


def _required(nodes: list, as_written: bool = False) -> frozenset[str] | None:
    """Lower-case literals such that every match of the sequence contains one of them (the
    most selective such set found: a run of letters, or one per alternative), or None.
    ``as_written``: the literals in their case as written instead, "(?i:...)" groups left
    out (their letters are of any case)."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and min(map(len, found)) >= MIN_PREFIX and (
                best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    run = ""
    for op, av in nodes:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the letters around it are adjacent
        ch = (chr(av) if as_written else _char(av)) if op is C.LITERAL else None
        if ch is not None:
            run += ch
            continue
        consider(frozenset({run}) if run else None)
        run = ""
        if op is C.SUBPATTERN:
            if not (as_written and av[1] & re.IGNORECASE):
                consider(_required(list(av[3].data), as_written))
        elif op is C.ATOMIC_GROUP:
            consider(_required(list(av.data), as_written))
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(list(av[2].data), as_written))
        elif op is C.BRANCH:
            alts = [_required(list(alt.data), as_written) for alt in av[1]]
            if all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
    consider(frozenset({run}) if run else None)
    return best


def _parse(pattern: re.Pattern):
    if pattern.flags & re.LOCALE or not isinstance(pattern.pattern, str):
        return None
    return _parsed(pattern.pattern, pattern.flags)


_TREES: dict[tuple[str, int], object] = {}
"""Parses made by ``compile``, each waiting for the first reading of its pattern here."""


@lru_cache(maxsize=16)
def _parsed(source: str, flags: int):
    """re's parse of a pattern, kept for the last few: a new Scanner reads its pattern up to
    five times (``prefixes``, ``required``, ``guarded``, ``skipper``, ``runs_gate``), and the
    parse (pure Python) is most of what a Scanner costs to make. Nothing here changes a tree."""
    tree = _TREES.pop((source, flags), None)
    if tree is not None:
        return tree
    try:
        return _parser.parse(source, flags)
    except Exception:  # noqa: BLE001 (an unreadable pattern is scanned as before)
        return None


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 (re.compile's twin)
    """``re.compile(source, flags)`` (an equal pattern: same source, flags and program), with
    its parse kept for this module's first reading of the pattern (a Scanner, ``prefixes``)
    instead of parsing it again: the parse is about half of what compiling costs, and the
    rules' ~800 patterns are compiled, then most of them read here, in every process's
    start-up. What ``re._compiler.compile`` does (the same in Python 3.11 to 3.13); anything
    unexpected falls back to ``re.compile``."""
    flags = int(flags)  # (a RegexFlag, as re.compile takes it)
    try:
        tree = _parser.parse(source, flags)
        code = _compiler._code(tree, flags)
        state = tree.state
        index = [None] * state.groups
        for name, i in state.groupdict.items():
            index[i] = name
        pattern = _sre.compile(source, flags | state.flags, code, state.groups - 1, state.groupdict,
                               tuple(index))
    except Exception:  # noqa: BLE001 (an error is re.compile's to raise)
        return re.compile(source, flags)
    if len(_TREES) < _MAX_TREES:
        _TREES[source, pattern.flags] = tree
    return pattern


_MAX_TREES = 2048
"""Most parses waiting in ``_TREES`` (~5 KB each): the rules' patterns are fewer."""


def required(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case literals one of which every match of ``pattern`` contains (case aside),
    or () when none is found."""
    tree = _parse(pattern)
    found = _required(list(tree.data)) if tree is not None else None
    return tuple(sorted(found)) if found else ()


def _required_all(nodes: list) -> list[frozenset[str]]:
    """Every set of lower-case literals the sequence's matches hold one of (``_required`` keeps
    the best single set; here each run of letters, each required group and each alternation whose
    every branch holds one gives its own): a match holds a literal of each set."""
    out: list[frozenset[str]] = []
    run = ""
    for op, av in nodes:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the letters around it are adjacent
        ch = _char(av) if op is C.LITERAL else None
        if ch is not None:
            run += ch
            continue
        if len(run) >= MIN_PREFIX:
            out.append(frozenset({run}))
        run = ""
        if op is C.SUBPATTERN:
            out += _required_all(list(av[3].data))
        elif op is C.ATOMIC_GROUP:
            out += _required_all(list(av.data))
        elif op in _REPEATS and av[0] >= 1:
            out += _required_all(list(av[2].data))
        elif op is C.BRANCH:
            alts = [_required(list(alt.data)) for alt in av[1]]
            if all(alts):
                out.append(frozenset().union(*alts))  # type: ignore[arg-type]
    if len(run) >= MIN_PREFIX:
        out.append(frozenset({run}))
    return out


def required_all(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-case literals (case aside) such that every match of ``pattern`` contains
    one literal of each set, or () when none is found: a text whose case-blind literal search
    misses every literal of one set has no match. (``required`` gives one such set.)"""
    tree = _parse(pattern)
    found = _required_all(list(tree.data)) if tree is not None else []
    return tuple(dict.fromkeys(tuple(sorted(s)) for s in found))


def literal_gate(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literals, case as written, one of which every match of ``pattern`` contains (so a text
    holding none of them has no match: ``str.find`` says so faster than a scan by the pattern),
    or None when the pattern does not say (case-blind, or no literal of MIN_PREFIX characters
    or more). ``required``'s reading of the pattern, without folding case."""
    tree = _parse(pattern) if not pattern.flags & re.IGNORECASE else None
    found = _required(list(tree.data), as_written=True) if tree is not None else None
    return tuple(sorted(found)) if found else None


_WORD_SETS: dict[tuple[int, ...], set[str]] = {}


def tokens(low: str, *tables: Mapping[str, object]) -> list[tuple[int, str]]:
    """(offset, word) of every ``\\w+`` token of ``low`` that is a key of one of ``tables``,
    in order: what ``for t in re.finditer(r"\\w+", low) if t.group() in table`` gives, from
    the shared literal search instead of a Python step per word of the page (a word character
    is what re's ``\\w`` is for text: ``isalnum()`` or "_").

    Only the words both in the tables and on the page are looked at (a set intersection in C:
    a page holds tens of the hundreds of words); the order is the sort's, so it does not
    depend on the order they are met in."""
    key = tuple(map(id, tables))
    words = _WORD_SETS.get(key)
    if words is None:
        listed = tuple(dict.fromkeys(w for t in tables for w in t if w))
        words = _WORD_SETS[key] = set(listed)  # a set: see Scanner._needles
        register(listed)
    found = hits(low)
    common = found.keys() & words
    if not common:
        return []
    out = []
    last = len(low) - 1
    for w in common:
        size = len(w)
        for at in found[w]:
            after = at + size
            if at and (low[at - 1].isalnum() or low[at - 1] == "_"):
                continue
            if after <= last and (low[after].isalnum() or low[after] == "_"):
                continue
            out.append((at, w))
    out.sort()
    return out


# --- which characters a match can start with --------------------------------------------

_ODD_OF = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
_DIGIT = "\\d"
"""``\\d`` in a set of first characters: two characters, so no single character is mistaken for it."""


def _first(nodes: list, ci: bool) -> tuple[set[str], bool] | None:
    """The characters a match of the sequence can start with, and whether the sequence can
    match nothing (then what follows it counts too); None when any character could."""
    chars: set[str] = set()
    for op, av in nodes:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            found: tuple[set[str], bool] | None = ({chr(av)}, False)
        elif op is C.IN:
            inside: set[str] = set()
            for item_op, item_av in av:
                if item_op is C.LITERAL:
                    inside.add(chr(item_av))
                elif item_op is C.CATEGORY and item_av is C.CATEGORY_DIGIT:
                    inside.add(_DIGIT)  # a digit however the flags define it: kept as the class says it
                elif item_op is C.RANGE and item_av[1] - item_av[0] < 64:
                    inside |= {chr(c) for c in range(item_av[0], item_av[1] + 1)}
                else:
                    return None
            found = (inside, False)
        elif op is C.SUBPATTERN:
            add, dele = av[1], av[2]
            inner_ci = (ci or bool(add & re.IGNORECASE)) and not dele & re.IGNORECASE
            found = _first(list(av[3].data), inner_ci)  # (its letters already in the cases it reads them)
        elif op is C.ATOMIC_GROUP:
            found = _first(list(av.data), ci)
        elif op is C.BRANCH:
            alts = [_first(list(alt.data), ci) for alt in av[1]]
            if any(a is None for a in alts):
                return None
            found = (set().union(*(a[0] for a in alts if a)), any(a[1] for a in alts if a))
        elif op in _REPEATS:
            inner = _first(list(av[2].data), ci)
            if inner is None:
                return None
            found = (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if found is None:
            return None
        if ci and (op is C.LITERAL or op is C.IN):  # (a group's letters come back in every case it reads)
            found = ({v for c in found[0] for v in ((c, c.lower(), c.upper(), *_ODD_OF.get(c.lower(), ""))
                                                    if c.isascii() and c != _DIGIT else (c,))}, found[1])
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
# The first items whose start characters are worth a guard (a module constant: mypyc cannot
# compile a starred tuple inside an ``in`` test).
_GUARDED_HEADS = (C.AT, C.BRANCH, C.ASSERT_NOT, *_REPEATS)


def _guard_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with (``_DIGIT`` for ``\\d``), where a
    guard for them is worth having (see ``guarded``); None otherwise."""
    tree = _parse(pattern)
    if tree is None or _compiler._get_literal_prefix(tree, pattern.flags)[0] \
            or _compiler._get_charset_prefix(tree, pattern.flags):
        return None  # the engine jumps to the places itself
    head = list(tree.data)
    while head and head[0][0] is C.SUBPATTERN:
        head = list(head[0][1][3].data)
    if not head or head[0][0] not in _GUARDED_HEADS:
        return None  # a literal or class first, or a look-ahead of its own: little to gain
    found = _first(list(tree.data), bool(pattern.flags & re.IGNORECASE))
    if found is None or found[1] or not found[0] or len(found[0]) > 60:
        return None
    return frozenset(found[0])


def _klass(chars: frozenset[str]) -> str:
    """The inside of a character class of ``chars``."""
    return "".join(c if c == _DIGIT else re.escape(c) if c not in "]\\^-" else "\\" + c for c in sorted(chars))


def guarded(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` behind a look-ahead for the characters its matches start with (the engine
    then rejects most places at the first character instead of trying every alternative),
    or None when they are not known or are most letters (no gain)."""
    chars = _guard_chars(pattern)
    if chars is None:
        return None
    body = _GLOBAL_FLAGS.sub("", pattern.pattern)
    end = "\n)" if pattern.flags & re.VERBOSE else ")"
    try:
        return re.compile(f"(?=[{_klass(chars)}])(?:{body}{end}", pattern.flags)
    except re.error:
        return None


SKIP_LETTERS = 4
"""Most letters among the first characters for which ``skipper`` is made: letters stand
everywhere in a text (the first candidate is a word or two in, nothing to skip); digits,
currency signs and rare letters do not."""


def _closed(chars: frozenset[str]) -> bool:
    """Whether a case-sensitive class of ``chars`` (read by ``_first``) holds every character a
    match can start with: ``_first`` gives the letters of a case-blind part in both cases (ASCII,
    with the odd letters IGNORECASE matches to them) and those of a case-sensitive part ("(?-i:QA)")
    as written, so only a cased non-ASCII letter could be missing its other case."""
    return all(c == _DIGIT or c.isascii() or (c.lower() == c == c.upper() and c not in _ODD_LETTERS)
               for c in chars)


def skipper(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern of one character class, without IGNORECASE, that finds the first place where
    ``guarded(pattern)`` could match: ``re`` jumps over the other characters in a tight loop
    (a class first, case-sensitive), where the guarded pattern enters its look-ahead at every
    character. Starting the guarded pattern there gives the same matches (none starts before;
    ``^``, ``\\b`` and look-behinds see the whole text whatever ``pos`` is). None when the
    first characters hold more than SKIP_LETTERS letters, or when a case-sensitive class could
    miss a character that IGNORECASE matches."""
    chars = _guard_chars(pattern)
    if chars is None or sum(1 for c in chars if c.isascii() and c.isalpha()) > SKIP_LETTERS:
        return None
    if pattern.flags & re.IGNORECASE and not _closed(chars):
        return None
    try:  # re.ASCII kept: it says what \\d is
        return re.compile(f"[{_klass(chars)}]", pattern.flags & re.ASCII)
    except re.error:
        return None


# --- which characters a match can hold -----------------------------------------------------

_CLASS_OF = {C.CATEGORY_WORD: "\\w", C.CATEGORY_SPACE: "\\s", C.CATEGORY_DIGIT: "\\d"}
_LOOK_BACK_ONLY = {C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_BEGINNING_LINE}
_ONE_AHEAD = {C.AT_BOUNDARY, C.AT_NON_BOUNDARY}


def _held(nodes: list, items: set[str]) -> int | None:
    """Add to ``items`` (pieces of a character class) every character a match of the
    sequence can consume, and return how many characters past a place any of its
    look-aheads and word boundaries read (at least 1); None when that cannot be said
    simply: any character (``.``), a negated class or category, a back-reference, a
    change of flags inside the pattern, an end anchor, an unbounded look-ahead."""
    look = 1
    for op, av in nodes:
        got: int | None = 1
        if op is C.LITERAL:
            items.add(re.escape(chr(av)))
        elif op is C.IN:
            for item_op, item_av in av:
                if item_op is C.LITERAL:
                    items.add(re.escape(chr(item_av)))
                elif item_op is C.RANGE:
                    items.add(f"{re.escape(chr(item_av[0]))}-{re.escape(chr(item_av[1]))}")
                elif item_op is C.CATEGORY and item_av in _CLASS_OF:
                    items.add(_CLASS_OF[item_av])
                else:
                    return None
        elif op is C.AT:
            if av not in _LOOK_BACK_ONLY and av not in _ONE_AHEAD:
                return None
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if direction == 1:  # a look-ahead: how far it reads, and its own anchors
                width = sub.getwidth()[1]
                inner = _held(list(sub.data), set())  # what it reads is not consumed
                if inner is None or width >= C.MAXREPEAT:
                    return None
                got = max(width, inner) + 1
        elif op is C.SUBPATTERN:
            if av[1] or av[2]:
                return None  # "(?i:...)": its letters match in another case than the class would
            got = _held(list(av[3].data), items)
        elif op is C.ATOMIC_GROUP:
            got = _held(list(av.data), items)
        elif op in _REPEATS:
            got = _held(list(av[2].data), items)
        elif op is C.BRANCH:
            for alt in av[1]:
                one = _held(list(alt.data), items)
                if one is None:
                    return None
                look = max(look, one)
        else:
            return None
        if got is None:
            return None
        look = max(look, got)
    return look


@cache
def runs_gate(pattern: re.Pattern) -> tuple[re.Pattern, int] | None:
    """``(outside, look)``: ``outside`` finds the characters no match of ``pattern`` can hold,
    and ``look`` is how many characters past its end a match's look-aheads and word
    boundaries read; None when the pattern does not say (see ``_held``).

    Why: a pattern led by capitals and held together by word characters and spaces
    (``(?:[A-Z][\\w'-]*\\s+){0,7}Committee``: no literal prefix, every capital a start) has
    its matches inside the stretches of such characters, and only inside a stretch that
    holds one of its required literals: ``Scanner`` scans those stretches alone instead of
    the whole window. The class is compiled with the pattern's own flags, so that case and
    ``\\w`` are read as the pattern reads them."""
    tree = _parse(pattern)
    items: set[str] = set()
    look = _held(list(tree.data), items) if tree is not None else None
    if look is None or not items:
        return None
    try:
        outside = re.compile(f"[^{''.join(sorted(items))}]", pattern.flags & ~re.VERBOSE)
    except re.error:
        return None
    return outside, look


_REVERSED: list = [None, ""]  # the last text reversed (for the search back to a stretch's start), by identity


def reversed_text(text: str) -> str:
    """``text[::-1]``, kept for the last text asked (by identity): a page is read backwards by
    several callers (a stretch's start here, partners' alias tails)."""
    if _REVERSED[0] is not text:
        _REVERSED[0], _REVERSED[1] = text, text[::-1]
    return _REVERSED[1]


RUNS_WINDOW = 400
"""Fewest characters in a window for which ``Scanner`` scans stretches (``runs_gate``)."""
RUNS_MAX = 6
"""Most required literals in a window for which ``Scanner`` scans the stretches around them
(``runs_gate``) rather than the whole window."""

SHORT = 64
"""Below this many characters to look at, the pattern runs as it is (the literal search
would cost more than it saves), unless the text's places are known already (it is the page
searched last): then reading them is cheaper than the scan."""


def _written_forms(pattern: re.Pattern, contains: tuple[str, ...]) -> tuple[str, ...] | None:
    """The literals of ``literal_gate(pattern)`` (case as written) when they are the required
    literals ``contains`` in another case, all ASCII (their lower case is what the page's folded
    search finds, offset for offset); else None.

    Why: a case-sensitive pattern that must hold "Committee" or "Panel" was tried around every
    "committee" and "panel" of the page too (the shared search is case-blind), and a page with
    more than ``RUNS_MAX`` of them in a window was scanned whole. A match holds one of the literals
    as written, so the places where none stands as written hold none of its literals: dropping
    them keeps every place a match needs (``Scanner.places``, and so ``kg.extract.gates``)."""
    if not contains or pattern.flags & re.IGNORECASE:
        return None
    written = literal_gate(pattern)
    if not written or not all(w.isascii() for w in written) or {w.lower() for w in written} != set(contains):
        return None
    if all(w == w.lower() for w in written):
        return None  # already the case the search reads: nothing to drop
    return written


class Found:
    """A pattern's ``finditer`` and ``search`` (with ``pos`` and ``endpos``) found by a search
    for its first places: a class of the characters every match starts with (``_guard_chars``),
    then the pattern in a look-ahead from that character (``[class](?<=(?=pattern).)``), which
    re runs by jumping from candidate character to candidate character in C; then the pattern's
    own ``match`` there gives the match (the same one: the look-ahead ran the same pattern at
    the same place on the same text and window). The leftmost match from ``pos`` starts at the
    first such place (no match starts at any other character), and the next one is searched
    from its end (no match is empty: ``_guard_chars`` says so), as ``finditer`` goes on.

    Why: ``guarded``'s form, ``(?=[class])(?:pattern)``, is entered by re at every character of
    the window and leaves at once at most; on the bench pages a fifth of a megabyte of such
    windows a thousand pages, about 60 ns a character. Also used directly where one pattern
    is searched whole pages (``layout._OPENING``)."""

    __slots__ = ("_first", "_match", "_plain")

    def __init__(self, first: re.Pattern, pattern: re.Pattern) -> None:
        self._first = first.search
        self._match = pattern.match
        self._plain = pattern

    @classmethod
    def of(cls, pattern: re.Pattern) -> Found | None:
        """The ``Found`` of ``pattern``, or None when its first characters are not known (or
        are most letters, or the look-ahead form does not compile)."""
        chars = _guard_chars(pattern)
        if chars is None or _DIGIT in chars:
            return None  # (numbers: many matches a page, each a step here; re's own scan is cheaper)
        body = _GLOBAL_FLAGS.sub("", pattern.pattern)
        end = "\n)" if pattern.flags & re.VERBOSE else ")"
        # the class case-sensitive when it holds every character IGNORECASE would match to one of
        # its own: under IGNORECASE re has no jump to a class of cased letters (it tries every place)
        klass = f"[{_klass(chars)}]"
        if pattern.flags & re.IGNORECASE and _closed(chars):
            klass = f"(?-i:{klass})"
        try:
            first = re.compile(f"{klass}(?<=(?={body}{end}(?s:.))", pattern.flags)
        except re.error:
            return None
        return cls(first, pattern)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        end = len(text) if endpos is None or endpos > len(text) else endpos
        out: list[re.Match] = []
        first, match = self._first, self._match
        while (f := first(text, pos, end)) is not None:
            p = f.start()
            m = match(text, p, end)
            if m is None or m.end() <= p:  # (cannot happen, see the class's docstring) the plain scan from here
                out += self._plain.finditer(text, p, end)
                break
            out.append(m)
            pos = m.end()
        return iter(out) if out else _NOTHING

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        end = len(text) if endpos is None or endpos > len(text) else endpos
        f = self._first(text, pos, end)
        if f is None:
            return None
        m = self._match(text, f.start(), end)
        return m if m is not None else self._plain.search(text, f.start(), end)


_NOTHING: Iterator[re.Match] = iter(())
"""What a scan with no candidate place returns: an exhausted iterator, shared (it holds no
state once exhausted), so the commonest answer, "nothing in this sentence", costs neither a
generator nor a call into the pattern."""

_UNSEEN = object()  # a Scanner's ``_last_page`` before its first page
_WHOLE, _AT_PLACES, _IN_RUNS = "whole", "at places", "in runs"  # how a scan looks (``Scanner._plan``)


class Scanner:
    """A compiled pattern tried only where one of its prefixes stands, or not at all where
    none of its required literals occurs. The same matches as the pattern's own ``finditer``
    and ``search`` (with ``pos`` and ``endpos``), found with fewer attempts.

    ``finditer`` is a plain function, not a generator: it decides at once whether there is
    anything to try (most calls, on a sentence or a window, have no candidate place and get
    the shared empty iterator), hands a pattern it cannot gate straight to ``re`` (a C
    iterator, no Python frame per match) and only walks candidate places in a generator."""

    __slots__ = ("pattern", "compiled", "starts_with", "contains", "_shortest", "_needles", "_gated",
                 "_one", "_skip", "_runs", "_last_page", "_last_places", "_written")

    def __init__(self, pattern: re.Pattern, shortest: int = MIN_PREFIX) -> None:
        self.pattern = pattern
        self.starts_with = prefixes(pattern, shortest)
        self.contains = () if self.starts_with else required(pattern)
        # the required literals in their case as written, when the pattern reads them so: a place
        # of the page's (case-blind) search where none of them stands in that case is dropped
        self._written = _written_forms(pattern, self.contains)
        # where no literal prefix is known: the pattern tried only at the characters its matches
        # start with, found by re (``Found``); else behind a look-ahead for them, if that helps
        found = None if self.starts_with else Found.of(pattern)
        self.compiled: re.Pattern | Found = found or (pattern if self.starts_with else guarded(pattern) or pattern)
        # and a search for its first characters, to start it where it can match (``Found`` jumps itself)
        self._skip = skipper(pattern) if self.compiled is not pattern and found is None else None
        # where it has required literals: the stretches its matches can lie in
        self._runs = runs_gate(pattern) if self.contains else None
        register(self.starts_with + self.contains)
        self._shortest = min(map(len, self.contains), default=0)  # asked on every gated call
        # a set, not a frozenset: ``dict.keys() & set`` walks the smaller of the two, but walks
        # all of a frozenset (hundreds of place names, tens of literals on a page)
        self._needles = set(self.starts_with or self.contains)
        self._gated = bool(self._needles)  # whether the literal search can say anything for it
        self._one = next(iter(self._needles)) if len(self._needles) == 1 else None
        # the last page (the text object itself, held so that ``is`` cannot see a new object at
        # its address) and its places: the sentences of one page ask for it in turn
        self._last_page: object = _UNSEEN
        self._last_places: list[int] | None = None

    def places(self, text: str) -> list[int] | None:
        """Sorted offsets where one of the literals starts, or None when the text cannot be
        searched so (no literal known, or lower case changes its length). Also what
        ``kg.extract.gates`` reads a page's places from.

        Asked once per scanner and page (a page meets about a hundred scanners): the page's
        search is read from ``_PAGE`` without a call when it is the last page's, and a scanner
        of one literal (most theme cues) takes its list as it is."""
        if not self._gated:
            return None
        if self._last_page is text:
            return self._last_places
        found = _PAGE[1] if _PAGE[0] is text and _PAGE[2] == len(_NEEDLES) else _page_hits(text)
        if found is None:
            places = None
        elif self._one is not None:
            places = found.get(self._one, _NO_PLACES)
        else:
            # the literals of this scanner on the page (in C: the dict's keys against the set)
            common = found.keys() & self._needles
            if not common:
                places = _NO_PLACES
            elif len(common) == 1:
                places = found[common.pop()]
            else:
                places = []
                for n in common:
                    places += found[n]  # (extended in C: no generator, no chain)
                places.sort()
            if self._written is not None and places:
                written, starts = self._written, text.startswith
                places = [p for p in places if starts(written, p)] or _NO_PLACES
        self._last_page, self._last_places = text, places
        return places

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 within: tuple[str, int] | None = None) -> Iterator[re.Match]:
        """``within=(whole, at)``: ``text`` is ``whole[at:at + len(text)]`` (a sentence of the
        page): the literals are looked up in the whole page's search, done once for all its
        sentences, instead of a search of each sentence."""
        end = len(text) if endpos is None or endpos > len(text) else endpos
        plan = self._plan(text, pos, end, within)
        if plan is None:
            return _NOTHING
        how, first, places, at = plan
        if how is _WHOLE:
            return self.compiled.finditer(text, first, end)
        if how is _AT_PLACES:
            return self._walk(text, pos, end, places, at, first)
        return self._in_runs(text, pos, end, places, at, first)

    def _plan(self, text: str, pos: int, end: int, within: tuple[str, int] | None
              ) -> tuple[str, int, list[int], int] | None:
        """How ``finditer`` and ``search`` look in ``text[pos:end]``: None when nothing can
        match there; ``(_WHOLE, start, _, _)`` to run the pattern from ``start`` (nothing to
        gate by); ``(_AT_PLACES, i, places, at)`` to try the pattern at the candidate places
        from ``places[i]`` on (offsets in the text ``text`` starts at ``at`` of);
        ``(_IN_RUNS, i, places, at)`` to scan the stretches around the required literals
        from ``places[i]`` on (``_in_runs``).

        The places are those of the page (``within``'s, for a piece of at least 8 characters
        of it) or of ``text`` itself (when at least SHORT characters are looked at, or when
        they are known already: ``text`` is this scanner's last page or the last page searched);
        a shorter piece of another text is scanned as it is. One frame: this runs a few hundred times a page, mostly to
        say "nothing here", so the page's places (``places``, the last page's kept by
        identity) are read here without further calls."""
        places = None
        if self._gated:
            at = 0
            page: str | None = None
            if within is not None and end - pos >= 8 and within[0].startswith(text, within[1]):
                page, at = within
            elif end - pos >= SHORT or self._last_page is text or _PAGE[0] is text:
                page = text  # (a short window: only when the text's places are known already)
            if page is not None:
                places = self._last_places if self._last_page is page else self.places(page)
            if places is not None:
                i = bisect_left(places, at + pos)
                if self.starts_with:
                    if i == len(places) or places[i] - at >= end:
                        return None
                    return _AT_PLACES, i, places, at
                # a required literal: the pattern runs only if one lies wholly inside
                if i == len(places) or places[i] + self._shortest > at + end:
                    return None
                # the stretches around them, in a long window where they are few (in a sentence,
                # or around a common word such as "the", dozens a page, the stretches would cost
                # more than one scan of the window)
                if self._runs is not None and end - pos >= RUNS_WINDOW and bisect_left(
                        places, at + end, i, min(len(places), i + RUNS_MAX + 1)) - i <= RUNS_MAX:
                    return _IN_RUNS, i, places, at
        if self._skip is not None:
            first = self._skip.search(text, pos, end)
            if first is None:
                return None
            pos = first.start()
        return _WHOLE, pos, _NO_PLACES, 0

    def _walk(self, text: str, pos: int, end: int, places: list[int], at: int, first: int) -> Iterator[re.Match]:
        """The matches from the candidate places ``places[first:]`` on (offsets in the text
        ``text`` starts at ``at`` of): the leftmost match from each place, as ``finditer`` goes on."""
        match = self.pattern.match
        for i in range(first, len(places)):
            p = places[i] - at
            if p >= end:
                return
            if p < pos:
                continue
            m = match(text, p, end)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1

    def _in_runs(self, text: str, pos: int, end: int, places: list[int], at: int, first: int
                 ) -> Iterator[re.Match]:
        """The matches in ``text[pos:end]`` of a pattern with a ``runs_gate``, from the
        required literals at ``places[first:]`` on: the same as ``finditer`` over the window.

        Why it is exact: a match consumes only characters the gate's class holds, so it lies
        inside one stretch of them (between two characters of ``outside``), and it holds a
        required literal, so only the stretches holding one of ``places`` can have a match.
        Each such stretch is scanned from its start (``pos`` at the earliest, or the end of
        the last match) with ``endpos`` ``look`` characters past it: a match ends inside the
        stretch, and its look-aheads and word boundaries read no further than that, so they
        see what they see in the whole window; a match found starting past the stretch is
        left to the next stretch with a literal (it may have been cut short). A look-behind,
        ``^`` and ``\b`` read the text before ``pos`` as ever."""
        outside, look = self._runs  # type: ignore[misc]
        find = self.compiled.finditer
        back = None
        n = len(places)
        i = first
        while i < n:
            p = places[i] - at
            if p >= end:
                return
            if p < pos:  # inside the last match (or before the window)
                i += 1
                continue
            stop = outside.search(text, p, end)
            run_end = stop.start() if stop is not None else end
            if back is None:
                back = reversed_text(text)
            # the last character outside the class before the literal, looked for backwards
            before = outside.search(back, len(text) - p, len(text) - pos)
            start = len(text) - before.start() if before is not None else pos
            for m in find(text, start, min(end, run_end + look)):
                if m.start() >= run_end:
                    break
                yield m
                pos = m.end()
            if pos < run_end:
                pos = run_end
            i = bisect_left(places, at + run_end, i + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               within: tuple[str, int] | None = None) -> re.Match | None:
        """The first match of ``finditer`` (the leftmost), without making an iterator
        where the pattern is tried at places or run as it is."""
        end = len(text) if endpos is None or endpos > len(text) else endpos
        plan = self._plan(text, pos, end, within)
        if plan is None:
            return None
        how, first, places, at = plan
        if how is _WHOLE:
            return self.compiled.search(text, first, end)
        if how is _IN_RUNS:
            return next(self._in_runs(text, pos, end, places, at, first), None)
        match = self.pattern.match
        for i in range(first, len(places)):
            p = places[i] - at  # at least pos: bisect started there
            if p >= end:
                return None
            m = match(text, p, end)
            if m is not None:
                return m
        return None


_SCANNERS: dict[tuple[int, int], Scanner] = {}
_DEFAULT: dict[int, Scanner] = {}
"""The scanners of ``shortest=MIN_PREFIX`` (nearly every call) by the pattern's id alone: no key
tuple to build and hash per call."""


def scanner(pattern: re.Pattern, shortest: int = MIN_PREFIX) -> Scanner:
    """The Scanner of a compiled pattern (made once, kept). ``shortest``: the shortest prefix
    literal worth looking for (2 for a long alternation of names some of which begin with
    "St": rare enough beside the hundreds of attempts of the alternation it saves).

    Kept by the pattern's id, not the pattern: hashing a ``re.Pattern`` hashes its whole
    compiled program on every call (36 µs for the alternation of place names, asked for on
    every board mention). The Scanner holds the pattern, so the id is never reused while kept;
    the ``is`` check makes that explicit."""
    sc = _SCANNERS.get((id(pattern), shortest))
    if sc is None or sc.pattern is not pattern:
        sc = _SCANNERS[id(pattern), shortest] = Scanner(pattern, shortest)
        if shortest == MIN_PREFIX:
            _DEFAULT[id(pattern)] = sc
    return sc


def finditer(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None,
             within: tuple[str, int] | None = None, shortest: int = MIN_PREFIX) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)``, faster (see the module's docstring).
    ``within=(page, offset)``: ``text`` is that slice of ``page`` (a sentence).

    The decisions of ``Scanner._plan`` (kept in step with it; the tests compare both to
    ``re``), made here in one frame: this runs about 140 times a page, most often to say
    "nothing here", so there is no plan tuple and no second call, and a page that holds none
    of the scanner's literals (its places are the shared empty list) answers at once."""
    sc = _DEFAULT.get(id(pattern)) if shortest == MIN_PREFIX else _SCANNERS.get((id(pattern), shortest))
    if sc is None or sc.pattern is not pattern:
        sc = scanner(pattern, shortest)
    size = len(text)
    end = size if endpos is None or endpos > size else endpos
    if sc._gated:
        places = None
        at = 0
        if within is not None and end - pos >= 8 and within[0].startswith(text, within[1]):
            page, at = within
            places = sc._last_places if sc._last_page is page else sc.places(page)
        elif sc._last_page is text:
            places = sc._last_places
        elif end - pos >= SHORT or _PAGE[0] is text:
            places = sc.places(text)
        if places is not None:
            if not places:  # none of its literals on the page: the commonest answer
                return _NOTHING
            i = bisect_left(places, at + pos)
            if sc.starts_with:
                if i == len(places) or places[i] - at >= end:
                    return _NOTHING
                # ``_walk``'s loop, run here at once: a scan meets few places (mostly one or two),
                # so the matches cost less as a list than as a generator's frame and resumptions
                match = sc.pattern.match
                found = []
                for k in range(i, len(places)):
                    p = places[k] - at
                    if p >= end:
                        break
                    if p < pos:
                        continue
                    m = match(text, p, end)
                    if m is not None:
                        found.append(m)
                        pos = m.end() if m.end() > p else p + 1
                return iter(found) if found else _NOTHING
            # a required literal: the pattern runs only if one lies wholly inside
            if i == len(places) or places[i] + sc._shortest > at + end:
                return _NOTHING
            if sc._runs is not None and end - pos >= RUNS_WINDOW and bisect_left(
                    places, at + end, i, min(len(places), i + RUNS_MAX + 1)) - i <= RUNS_MAX:
                return sc._in_runs(text, pos, end, places, at, i)
    if sc._skip is not None:
        first = sc._skip.search(text, pos, end)
        if first is None:
            return _NOTHING
        pos = first.start()
    return sc.compiled.finditer(text, pos, end)


def search(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None,
           within: tuple[str, int] | None = None) -> re.Match | None:
    """``pattern.search(text, pos, endpos)``, faster (see the module's docstring)."""
    sc = _DEFAULT.get(id(pattern))
    if sc is None or sc.pattern is not pattern:
        sc = scanner(pattern)
    return sc.search(text, pos, endpos, within)
