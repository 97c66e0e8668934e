"""Fuzz targets for the one YAML reader of case files (hypothesis): whatever the text, it is
read or refused with a one-line `ParseError`, quickly, with bounded memory; never a
RecursionError, MemoryError or any other exception.
"""

from __future__ import annotations

import math
import time

from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

from pestle.case.yaml_lines import MAX_DEPTH, MAX_NODES, loads_yaml
from pestle.errors import ParseError

SCALARS = st.sampled_from(["1", "x", "1e400", ".nan", "'s'", "~", "1/3", "2024-01-01", "-0.5"])


@st.composite
def alias_chains(draw: st.DrawFn) -> tuple[str, int]:
    """Anchored lists, each repeating aliases of earlier ones (billion laughs at a random
    scale); with the number of values the document expands to."""
    lines, sizes = [], []
    for k in range(draw(st.integers(1, 12))):
        width = draw(st.integers(1, 12))
        items, size = [], 1
        laughs = bool(sizes) and draw(st.booleans())  # every item the previous anchor
        for _ in range(width):
            if laughs:
                items.append(f"*a{k - 1}")
                size += sizes[-1]
            elif sizes and draw(st.booleans()):
                j = draw(st.integers(0, len(sizes) - 1))
                items.append(f"*a{j}")
                size += sizes[j]
            else:
                items.append(draw(SCALARS))
                size += 1
        lines.append(f"k{k}: &a{k} [{', '.join(items)}]")
        sizes.append(size)
    return "\n".join(lines) + "\n", len(sizes) + 1 + sum(sizes)


@st.composite
def nestings(draw: st.DrawFn) -> tuple[str, int]:
    """Flow and block collections nested to a random depth; with the depth."""
    depth = draw(st.integers(1, 3000))
    kind = draw(st.sampled_from(["flow_list", "flow_map", "block_list", "mixed"]))
    if kind == "flow_list":
        return "[" * depth + "1" + "]" * depth + "\n", depth
    if kind == "flow_map":
        return "{a: " * depth + "1" + "}" * depth + "\n", depth
    if kind == "block_list":
        return "- " * depth + "1\n", depth
    return "a: " + "[{b: " * (depth // 2) + "1" + "}]" * (depth // 2) + "\n", 1 + 2 * (depth // 2)


def _read(text: str) -> tuple[object, float]:
    start = time.perf_counter()
    try:
        value: object = loads_yaml(text, "fuzz.yaml")
    except ParseError as exc:
        assert str(exc).startswith("fuzz.yaml") and "\n" not in str(exc)
        value = exc
    return value, time.perf_counter() - start


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(alias_chains())
def test_alias_expansion_is_bounded(chain: tuple[str, int]) -> None:
    text, expanded = chain
    target(math.log10(expanded), label="log10 of the values aliases expand to")
    value, seconds = _read(text)
    if expanded > MAX_NODES:
        assert isinstance(value, ParseError) and "aliases are expanded" in str(value)
    assert seconds < 0.5


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nestings())
def test_nesting_depth_is_bounded(nesting: tuple[str, int]) -> None:
    text, depth = nesting
    value, seconds = _read(text)
    if depth > MAX_DEPTH:
        assert isinstance(value, ParseError), "nested deeper than the bound, yet read"
    assert seconds < 0.5


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]{}-:&*!|>'\"#,?.e1a \n\t")), max_size=300))
def test_any_text_is_read_or_refused_in_one_line(text: str) -> None:
    _, seconds = _read(text)
    assert seconds < 0.5
