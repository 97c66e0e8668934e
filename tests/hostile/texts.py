"""Hostile texts the suite plants in case files and documents."""

from __future__ import annotations


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: a few hundred bytes that expand to 9**levels strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for k in range(1, levels):
        name = chr(ord("a") + k)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


def deep_sequences(levels: int = 50_000) -> str:
    """Block sequences nested `levels` deep on one line (`- - - ... x`)."""
    return "- " * levels + "x\n"


def deep_mappings(levels: int = 50_000) -> str:
    """Flow mappings nested `levels` deep."""
    return "a: " + "{b: " * levels + "1" + "}" * levels + "\n"
