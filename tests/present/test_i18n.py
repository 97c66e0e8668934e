"""The active language and the catalogues: a context, not a global; fuzzy entries unused."""

from __future__ import annotations

import threading

import pytest

from pestle.errors import InputError
from pestle.present import i18n


def test_english_is_the_source_and_the_default() -> None:
    assert i18n.current() == "en"
    assert i18n.gettext("Notes and evidence") == "Notes and evidence"


def test_use_sets_the_language_for_the_block_only() -> None:
    with i18n.use("zh") as lang:
        assert lang == "zh" and i18n.gettext("Notes and evidence") == "注释与证据"
        with i18n.use("en"):
            assert i18n.gettext("Notes and evidence") == "Notes and evidence"
        assert i18n.current() == "zh"
    assert i18n.current() == "en"


def test_another_thread_keeps_its_own_language() -> None:
    seen: list[str] = []
    with i18n.use("zh"):
        t = threading.Thread(target=lambda: seen.append(i18n.current()))
        t.start()
        t.join()
    assert seen == ["en"]  # a thread starts in the default, not in its parent's language


CODES = [("zh", "zh"), ("ZH", "zh"), ("zh_CN", "zh"), ("zh-Hans", "zh"), (None, "en"), ("en", "en")]


@pytest.mark.parametrize(("given", "code"), CODES)
def test_language_codes_are_normalised(given, code) -> None:
    assert i18n.check(given) == code


def test_an_unknown_language_names_the_parameter_and_the_choices() -> None:
    with pytest.raises(InputError) as info:
        i18n.check("fr")
    assert info.value.parameter == "lang"
    assert str(info.value) == "lang: unknown language 'fr'; choose from en, zh"


def test_a_fuzzy_entry_is_not_used(tmp_path, monkeypatch) -> None:
    po = tmp_path / "pestle.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Reviewed"\nmsgstr "已审校"\n\n'
        '#, fuzzy\nmsgid "Draft"\nmsgstr "草稿"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: po)
    i18n.translations.cache_clear()
    try:
        with i18n.use("zh"):
            assert i18n.gettext("Reviewed") == "已审校"
            assert i18n.gettext("Draft") == "Draft"
    finally:
        i18n.translations.cache_clear()
