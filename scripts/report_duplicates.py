#!/usr/bin/env python3
"""Report likely duplicate people and boards in a built store, by SPARQL.

Resolution should give one node per real person and board. This asks the store for pairs
that look like one thing split in two:

- people: two nodes with the same surname whose names are compatible (one has no given
  name, or the given names share an initial) and who appear in the same area's documents
  or the same document;
- boards: two nodes of the same kind whose labels have the same words once place
  possessives, "Local", "Children's"/"Children" and acronyms are set aside.

Usage: python scripts/report_duplicates.py [--store build] (after `kg build ...`)
Exit code 0 when nothing is reported, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.query import run_query  # noqa: E402
from kg.store import GraphStore  # noqa: E402

PEOPLE = """
SELECT ?a ?na ?b ?nb WHERE {
  ?a a foaf:Person ; foaf:name ?na .
  ?b a foaf:Person ; foaf:name ?nb .
  FILTER(STR(?a) < STR(?b))
  BIND(LCASE(REPLACE(?na, "^.*[ ]", "")) AS ?sa)
  BIND(LCASE(REPLACE(?nb, "^.*[ ]", "")) AS ?sb)
  FILTER(?sa = ?sb)
  ?da sg:mentions ?a . ?db sg:mentions ?b .
  OPTIONAL { ?da sg:recordsMeeting/sg:council ?ca }
  OPTIONAL { ?db sg:recordsMeeting/sg:council ?cb }
  FILTER(?da = ?db || (BOUND(?ca) && BOUND(?cb) && ?ca = ?cb))
}
"""

BOARDS = """
SELECT ?a ?la ?b ?lb ?kind (GROUP_CONCAT(DISTINCT STR(?ca); separator="|") AS ?councils_a)
       (GROUP_CONCAT(DISTINCT STR(?cb); separator="|") AS ?councils_b) WHERE {
  VALUES ?kind { "safeguarding-children" "safeguarding-adults" "community-safety" "other-board" }
  ?a sg:kind ?kind ; rdfs:label ?la .
  ?b sg:kind ?kind ; rdfs:label ?lb .
  FILTER(STR(?a) < STR(?b))
  OPTIONAL { ?da sg:mentions ?a ; sg:recordsMeeting/sg:council ?ca }
  OPTIONAL { ?db sg:mentions ?b ; sg:recordsMeeting/sg:council ?cb }
} GROUP BY ?a ?la ?b ?lb ?kind
"""
GENERIC = {"safeguarding", "board", "boards", "partnership", "partnerships", "adults", "adult", "multi", "agency",
           "community", "safety", "regional"}


def _given_compatible(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        return True
    return wa[0][0].lower() == wb[0][0].lower()


def _board_words(label: str) -> tuple[str, ...]:
    label = re.sub(r"\(([^)]*)\)", r"\1", label)
    words = re.findall(r"[\w]+", label.lower().replace("’", "'"))
    return tuple(sorted(w for w in words if w not in {"local", "the", "s", "children", "childrens"} and not w.isupper()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default="build")
    args = ap.parse_args()
    found = 0
    with GraphStore.open(args.store, read_only=True) as store:
        seen = set()
        for row in run_query(store, PEOPLE).records():
            pair = (row["a"], row["b"])
            if pair in seen or not _given_compatible(row["na"], row["nb"]):
                continue
            seen.add(pair)
            found += 1
            print(f"person?  {row['na']} <{row['a']}>  ~  {row['nb']} <{row['b']}>")
        for row in run_query(store, BOARDS).records():
            words = _board_words(row["la"])
            if words != _board_words(row["lb"]):
                continue
            if set(words) <= GENERIC:
                # named without a place: the same only where the same council's papers name both
                ca = set(filter(None, (row["councils_a"] or "").split("|")))
                cb = set(filter(None, (row["councils_b"] or "").split("|")))
                if not ca & cb:
                    continue
            if True:
                found += 1
                print(f"board?   {row['la']} <{row['a']}>  ~  {row['lb']} <{row['b']}>  ({row['kind']})")
    print(f"{found} possible duplicate(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
