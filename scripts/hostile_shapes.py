"""Repetitive texts that expose superlinear extraction (issue 14), at any size.

Each shape repeats one unit the way fuzzed files did: list items after a membership
cue, case names, and name parts. ``shape(name, chars)`` returns text of about ``chars``
characters; bench_extract.py times them at 1x..8x and fuzz.py mixes them into files.
"""

from __future__ import annotations

from collections.abc import Callable

_UNITS: dict[str, tuple[str, Callable[[int], str], str]] = {
    # name: (prefix, unit(i), suffix)
    "list-items": ("The statutory partners are: ", lambda i: f"Agency {i} Police, ", "and the Council."),
    "case-names": ("", lambda i: f"Child A{i} Family {i} the case of Jacob{i} ", "."),
    "name-parts": ("Councillor O'Mac", lambda i: "-Mac", " said."),
    "chair-list": ("The Board is chaired by ", lambda i: f"Jane Smith{i}, Independent Chair, ", "."),
    "agency-lines": ("Members:\n", lambda i: f"- Thames Valley Police and Health {i}\n", ""),
    "one-clause": ("", lambda i: "The partnership reviewed its safeguarding arrangements; ", ""),
    "board-names": ("", lambda i: f"The Place{i} Safeguarding Adults Board and the Place{i} SAB met. ", ""),
}
SHAPES = tuple(_UNITS)


def shape(name: str, chars: int) -> str:
    """About ``chars`` characters of shape ``name`` (never fewer than one unit)."""
    prefix, unit, suffix = _UNITS[name]
    parts = [prefix]
    size = len(prefix) + len(suffix)
    i = 0
    while size < chars or i == 0:
        u = unit(i)
        parts.append(u)
        size += len(u)
        i += 1
    parts.append(suffix)
    return "".join(parts)
