"""The shipped Vega bundle: the one the installed vl-convert makes, read without bundling."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import vl_convert as vlc

from pestle.present import vendor


def test_the_installed_vl_convert_has_its_bundle_shipped() -> None:
    # a vl-convert upgrade without `python -m pestle.present.vendor` fails here, not as a
    # first build that silently bundles for seconds
    assert vendor.shipped_path().is_file(), vendor.shipped_path()


def test_the_shipped_bundle_is_what_vl_convert_makes() -> None:
    shipped = gzip.decompress(vendor.shipped_path().read_bytes()).decode("utf-8")
    assert shipped == vlc.javascript_bundle(vl_version=vendor.VEGA_LITE_VERSION)


def test_a_first_build_reads_the_shipped_bundle_not_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path))

    def no_bundling(**_: object) -> str:
        raise AssertionError("bundled although a bundle is shipped")

    monkeypatch.setattr(vlc, "javascript_bundle", no_bundling)
    js = vendor._load_bundle()
    assert "vegaEmbed" in js and "vegaLite" in js
    assert not any(tmp_path.iterdir())  # nothing written: nothing was built
