"""Extraction stays linear in the size of the text, whatever the text (issue 19, item 3).

A single "sentence" of 576 KB packed with numbers and dated periods once took a minute
(every number looked at every period of its sentence). Each case runs in a subprocess with
limits on CPU time and memory (`resource.setrlimit`), so a regression fails the test
instead of hanging it; the bound on growth is a ratio of two sizes measured in the same
process, not a wall-clock figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from pestle.ingest.document import MAX_SENTENCE, parse

CPU_SECONDS = 30  # a quadratic regression needs minutes for 576 KB
MEMORY_BYTES = 2 * 1024**3

_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
    resource.setrlimit(resource.RLIMIT_AS, ({mem}, {mem}))
    from pestle.ingest import extract
    unit = sys.argv[1]
    out = {{}}
    for kb in (144, 576):
        text = unit * (kb * 1024 // len(unit))
        start = time.process_time()
        claims = extract(text)
        out[kb] = [time.process_time() - start, len(claims)]
    print(json.dumps(out))
    """
).format(cpu=CPU_SECONDS, mem=MEMORY_BYTES)

UNITS = {
    "english one sentence": (
        "exports rose 5.3 percent to 1.2 billion yuan in the first quarter of 2024, "
        "imports fell 2.1% in March 2025, "
    ),
    "chinese one sentence": "2024年一季度出口增长5.3%,达到1.2亿元,比上年同期提高0.5个百分点,",
    "chinese without punctuation": "2024年1-5月增长5.3%达1.2亿元",
    "mixed": "2024年出口增长5.3%, exports rose 5.3 percent in 2024, ",
    "many headings": "# Output\n\nOutput rose 5% in 2024.\n\n",
    "many chinese headings": "一、产量\n2024年,产量增长5%。\n",
}


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_extraction_grows_linearly_under_cpu_and_memory_limits(unit: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, unit],
        capture_output=True,
        text=True,
        timeout=CPU_SECONDS * 4,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = {int(k): v for k, v in json.loads(done.stdout).items()}
    (small, small_claims), (large, large_claims) = result[144], result[576]
    assert large_claims >= 3.9 * small_claims  # every number is still read
    # four times the text: about four times the work (quadratic growth would be sixteen)
    assert large <= 6 * max(small, 0.05), result


def test_a_long_sentence_is_read_in_pieces_cut_at_clause_breaks() -> None:
    text = "Exports rose 5.3 percent in 2024, " * 500 + "and that is all."
    doc = parse(text)
    assert len(doc.sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in doc.sentences)
    assert all(text[s.start : s.end] == s.text for s in doc.sentences)
    # pieces end at a clause break: no number is cut in two
    assert all(s.text.endswith((",", ".")) for s in doc.sentences)
