"""The Chinese catalogue covers every marked message of code and templates, exactly.

The messages are extracted the way pybabel does (src/pestle/locale/babel.cfg), so a string
newly marked in a template or a section and not translated fails here, as does a
translation that drops or renames a placeholder ({year}, %(title)s) or an entry left fuzzy.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from pestle.present import i18n

PACKAGE = Path(str(resources.files("pestle")))
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


def extracted() -> dict[str, tuple[str, int]]:
    """msgid -> (file, line) of every marked message, as `pybabel extract -k N_` finds it."""
    with (PACKAGE / "locale" / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found: dict[str, tuple[str, int]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map, options_map, keywords=keywords
    ):
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, (filename, lineno))
    return found


def catalogue(lang: str) -> Catalog:
    with i18n.catalogue_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def problems(messages: dict[str, tuple[str, int]], cat: Catalog) -> list[str]:
    """What is wrong with `cat` against the extracted `messages`, one line each."""
    out = []
    for msgid, (filename, line) in sorted(messages.items()):
        entry = cat.get(msgid)
        if entry is None or not entry.string:
            out.append(f"{filename}:{line}: not translated: {msgid!r}")
        elif entry.fuzzy:
            out.append(f"{filename}:{line}: fuzzy: {msgid!r}")
        elif sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(entry.string)):
            out.append(f"{filename}:{line}: placeholders differ: {msgid!r} -> {entry.string!r}")
    stale = sorted(m.id for m in cat if m.id and m.id not in messages)
    out += [f"catalogue: no longer used: {msgid!r}" for msgid in stale]
    return out


@pytest.fixture(scope="module")
def messages() -> dict[str, tuple[str, int]]:
    found = extracted()
    assert len(found) > 300  # the report's and the dashboard's words, not an empty scan
    return found


def test_every_marked_message_has_a_chinese_translation(messages) -> None:
    assert problems(messages, catalogue("zh")) == []


def test_a_new_untranslated_template_string_is_found(messages) -> None:
    cat = catalogue("zh")
    cat.delete("(table row; columns: %(columns)s)")  # as if a template had just marked it
    found = problems(messages, cat)
    assert len(found) == 1
    assert "report/templates/" in found[0]
    assert "not translated: '(table row; columns: %(columns)s)'" in found[0]


def test_a_dropped_placeholder_is_found(messages) -> None:
    cat = catalogue("zh")
    cat["{year}, history to end-{cut}"].string = "历史数据截至{cut}年底"
    assert any("placeholders differ" in p for p in problems(messages, cat))


def test_templates_are_scanned_too(messages) -> None:
    files = {Path(f).suffix for f, _ in messages.values()}
    assert {".py", ".j2"} <= files


def test_no_translation_names_a_particular_case() -> None:
    """Case facts live in case files: a catalogue entry names no region of one case, in
    either language (the words of one case once crept in as 疆电外送)."""
    names = (
        "xinjiang",
        "urumqi",
        "kashgar",
        "horgos",
        "新疆",
        "疆",
        "乌鲁木齐",
        "喀什",
        "霍尔果斯",
    )
    found = [
        m.id
        for m in catalogue("zh")
        if m.id and any(n in f"{m.id} {m.string}".lower() for n in names)
    ]
    assert found == []
