"""A short, Hypothesis-driven run of scripts/fuzz.py's generators (the full run is the
script: 20,000 files, minutes to hours). Every generated file of every format must be
read and extracted (documents) or loaded (RDF), or refused with a KgError naming the file:
never another exception. And repetitive text, whatever unit repeats, extracts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from kg.extract.pipeline import extract
from kg.model import Document

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _fuzz_module():
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec = importlib.util.spec_from_file_location("kg_fuzz_script", SCRIPTS / "fuzz.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPTS))


FUZZ = _fuzz_module()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), n=st.integers(0, 1_000_000))
def test_generated_files_are_read_or_refused_by_name(tmp_path: Path, seed: int, n: int) -> None:
    name, data = FUZZ.generate(seed, n)
    assume(len(data) < 300_000)  # the big ones are the script's job
    path = tmp_path / name
    path.write_bytes(data)
    result = FUZZ.run_one(str(path))
    assert result["outcome"] in ("ok", "refused"), (name, result)
    if result["outcome"] == "refused":
        assert str(path) in result["detail"] or path.name in result["detail"], result


_UNITS = st.sampled_from(["Agency {i} Police, ", "Child A{i} Family {i} the case of Jacob{i} ", "-Mac",
                          "Cllr Jane Smith{i}, Chair, ", "Safeguarding Children Partnership {i} (SCP{i}) ",
                          "Annual Report 2020/21 ", "the statutory partners are: ", "\n- Police {i}\n", "Mr. ", "1,000 "])


@settings(max_examples=40, deadline=None)
@given(prefix=_UNITS, unit=_UNITS, times=st.integers(1, 3000))
def test_repetitive_text_extracts(prefix: str, unit: str, times: int) -> None:
    text = prefix.format(i=0) + "".join(unit.format(i=i) for i in range(times)) + "."
    facts = extract(Document("rep", text))
    for item in facts.statistics + facts.themes:
        ev = item.evidence
        assert text[ev.start:ev.end] == ev.text  # offsets still point at the text
