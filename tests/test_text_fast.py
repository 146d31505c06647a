"""The sentence splitter's and the run tamer's fast paths give what the plain forms give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import text as T

_PLAIN_LONG_RUN = re.compile(rf"\S{{{T.LONGEST_RUN + 1},}}")


def _plain_tame(s: str) -> str:
    return _PLAIN_LONG_RUN.sub(lambda m: m.group()[:T.LONGEST_RUN] + "\x00" * (len(m.group()) - T.LONGEST_RUN), s)


# runs of non-space characters of any length around the limit, between spaces of several kinds
runs = st.lists(st.tuples(st.integers(0, 420), st.sampled_from([" ", "\n", "\t", "\xa0", "\u2003", "  "])),
                max_size=12).map(lambda parts: "".join("x" * n + sep for n, sep in parts))


@settings(max_examples=400, deadline=None)
@given(runs, st.integers(0, 3))
def test_the_gate_lets_every_long_run_through(text, cut):
    text = text[cut:]
    assert T.tame_long_runs(text) == _plain_tame(text)
    if _PLAIN_LONG_RUN.search(text):
        assert T._may_hold_long_run(text)


def test_a_run_of_exactly_the_limit_is_kept_and_one_more_is_tamed():
    for at in range(0, 160, 7):
        keep = " " * at + "y" * T.LONGEST_RUN + " end"
        assert T.tame_long_runs(keep) == keep
        long = " " * at + "y" * (T.LONGEST_RUN + 1) + " end"
        assert T.tame_long_runs(long) == " " * at + "y" * T.LONGEST_RUN + "\x00 end"
