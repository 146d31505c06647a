"""Tables worked out from the rules are kept with the Rules object they came from."""

from __future__ import annotations

import dataclasses
import gc
import pickle

from kg.extract import orgs
from kg.extract.rules import derived, rules


def test_a_table_goes_with_its_rules_not_with_an_id_a_later_rules_may_reuse():
    base = rules()
    ids: set[int] = set()
    for n in range(40):  # made and dropped one by one: CPython hands a freed object's id on
        variant = dataclasses.replace(base, acronym_suffixes={f"X{n}SCB": "safeguarding-children"})
        ids.add(id(variant))
        assert orgs._suffixes_longest_first(variant) == [(f"X{n}SCB", "safeguarding-children")]
        del variant
        gc.collect()
    assert orgs._suffixes_longest_first(base) == sorted(base.acronym_suffixes.items(), key=lambda x: -len(x[0]))


def test_derived_makes_once_and_the_rules_still_pickle():
    calls = []

    def make(r):
        calls.append(r)
        return len(r.places)

    r = dataclasses.replace(rules())
    assert derived(r, make) == derived(r, make) == len(r.places)
    assert len(calls) == 1
    assert pickle.loads(pickle.dumps(dataclasses.replace(rules()))).places == rules().places
