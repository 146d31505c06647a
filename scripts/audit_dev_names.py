#!/usr/bin/env python3
"""List every place where a name or a sentence of an evaluation corpus appears in the project.

Issue 9 asks that no name, council or sentence of the development set appear in code, rules or
tests as a special case: a rule that only fires on a name it was shown, or a test whose input is
a sentence copied from the corpus, measures memory, not generalisation. Comments that quote a
corpus line as an example are not special cases, but they are how such rules start (the next
edit tunes the rule to the quoted line), so this audit lists them too and the project keeps the
list empty. Run it by hand against a corpus the project must never read at run or test time:

    python scripts/audit_dev_names.py ../shared/corpus/dev

It reads the corpus's gold annotations (people's names, boards' names) and its texts, and
searches the project's code, rules, ontology, scripts and tests for:

- people: every annotated name of two or more words ("Ann Lee", "A Lee", "Councillor Ann Lee"
  is searched as "Ann Lee");
- councils: every annotated board name that carries words beyond a board's generic vocabulary
  (a place: "Westshire Safeguarding Children Board" is searched whole);
- sentences: every run of ``--words`` consecutive words of a corpus text.

Skipped: the seed minutes the project was given (``data/minutes``: they are its own input, and a
name they share with the corpus is theirs too), the trained model files (their vocabulary is
learned from the corpus by design and rebuilt by scripts/train.py), and the gazetteer of English
councils (``data/rules/local_authorities.tsv``: every council's name, not a choice among them).
Exit status 1 when anything is found, so it can gate a release.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCHED = ("kg", "ontology", "scripts", "tests", "data", "setup.cfg", "Makefile", "README.md", "docs")
SKIPPED = ("data/minutes", "data/models", "data/rules/local_authorities.tsv")
SUFFIXES = {".py", ".txt", ".json", ".md", ".ttl", ".tsv", ".csv", ".html", ".j2", ".rq", ".toml", ".cfg", ""}
HONORIFICS = re.compile(r"^(?:Councillors?|Cllr|Dr|Mr|Mrs|Ms|Miss|Mx|Professor|Prof|Sir|Dame|Lord|Lady|Rev)\.?\s+")
GENERIC = set("""
a an and the of for in on to at with by & 's
safeguarding children children's childrens child adults adult adults' board boards partnership
partnerships local executive multi-agency multi agency committee panel group forum sub-group subgroup
health wellbeing well-being well being together community safety safer stronger communities
corporate parenting regional children's adults' trust young joint strategic
partnership's area protection youth offending
yot yos justice management team trust council cabinet scrutiny overview select people's people
improvement continuous leaders leadership domestic abuse violence sexual exploitation
integrated care system commissioning early help family families voluntary sector
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def corpus_names(gold: Path) -> tuple[set[str], set[str]]:
    """People's names and place-bearing board names from the corpus's gold files."""
    people: set[str] = set()
    boards: set[str] = set()
    for path in sorted(gold.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for person in doc.get("people", []):
            for name in person.get("names", []):
                bare = HONORIFICS.sub("", name).strip()
                if len(bare.split()) >= 2:
                    people.add(bare)
        for board in doc.get("boards", []):
            for name in board.get("names", []):
                words = WORD.findall(name)
                if len(words) >= 2 and any(w.lower().replace("’", "'") not in GENERIC for w in words):
                    boards.add(name)
    return people, boards


def corpus_shingles(texts: Path, n: int) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive lower-cased words of the corpus's texts."""
    out: set[tuple[str, ...]] = set()
    for path in sorted(texts.glob("*.txt")):
        words = [w.lower() for w in WORD.findall(path.read_text(encoding="utf-8", errors="replace"))]
        out.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return out


def project_files() -> list[Path]:
    """The project's own text files, less the inputs and learned files named in the docstring."""
    out: list[Path] = []
    for top in SEARCHED:
        base = ROOT / top
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in paths:
            rel = p.relative_to(ROOT).as_posix()
            if any(rel == s or rel.startswith(s + "/") for s in SKIPPED) or p.suffix not in SUFFIXES:
                continue
            if "__pycache__" in p.parts or p.name == Path(__file__).name:
                continue
            out.append(p)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python scripts/audit_dev_names.py ../shared/corpus/dev")
    ap.add_argument("corpus", type=Path, help="a corpus folder with *.txt texts and gold/*.json")
    ap.add_argument("--words", type=int, default=10, help="length of the word runs compared (default 10)")
    args = ap.parse_args()
    gold = args.corpus / "gold"
    if not gold.is_dir():
        sys.exit(f"{gold}: no gold folder; give a corpus folder holding gold/*.json")
    people, boards = corpus_names(gold)
    shingles = corpus_shingles(args.corpus, args.words)
    seeds = " ".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted((ROOT / "data" / "minutes").rglob("*")) if p.is_file())
    seed_words = [w.lower() for w in WORD.findall(seeds)]
    shingles -= {tuple(seed_words[i:i + args.words]) for i in range(len(seed_words) - args.words + 1)}
    names = sorted(n for n in people | boards if n not in seeds)
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])")
    found = 0
    for path in project_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(ROOT)
        for lineno, line in enumerate(text.splitlines(), 1):
            for m in pattern.finditer(line):
                print(f"{rel}:{lineno}: name {m.group(0)!r}")
                found += 1
        words = [w.lower() for w in WORD.findall(text)]
        seen: set[tuple[str, ...]] = set()
        for i in range(len(words) - args.words + 1):
            run = tuple(words[i:i + args.words])
            if run in shingles and run not in seen:
                seen.add(run)
                print(f"{rel}: sentence '{' '.join(run)}'")
                found += 1
    print(f"{len(names)} names and {len(shingles)} runs of {args.words} words searched in "
          f"{len(project_files())} files: {found} found", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
