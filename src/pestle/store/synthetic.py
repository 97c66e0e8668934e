"""A synthetic corpus for the store's benchmark and reliability tests. Not data: the claims
are made up (measures ``m0``..., subjects ``region0``...) and say nothing about the world.
"""

from __future__ import annotations

from pestle.model import Claim, Period, Source

SECTION_SIZE = 500  # claims per synthetic section


def synthetic_claims(n: int, *, variant: str = "") -> list[Claim]:
    """``n`` claims with distinct texts and consecutive spans; ``variant`` changes every text."""
    claims: list[Claim] = []
    periods = [Period.year(2015 + k) for k in range(10)]
    offset = 0
    for i in range(n):
        text = f"{i}{variant} tonnes"
        claims.append(
            Claim(
                value=float(i),
                unit="t",
                period=periods[i % len(periods)],
                measure=f"m{i % 40}",
                subject=f"region{i % 7}",
                text=text,
                start=offset,
                end=offset + len(text),
                section=f"section {i // SECTION_SIZE}",
            )
        )
        offset += len(text) + 12
    return claims


def synthetic_source(tag: str) -> Source:
    """A source whose content hash depends on ``tag`` only."""
    return Source.from_text(f"synthetic corpus {tag}", title=f"synthetic {tag}")
