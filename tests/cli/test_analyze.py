"""`pestle analyze`: table and JSON output on the embedded case, errors and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_run import exit_code
from pestle.results import DEFAULTS

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"
FAST = ["--samples", "1000"]


@pytest.fixture(scope="module")
def json_output() -> dict:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):  # capsys is per test: this output is per module
        exit_code(["analyze", "--format", "json", *FAST, "--seed", "3"])
    return json.loads(buffer.getvalue(), parse_constant=_no_nan)


def _no_nan(token: str) -> float:
    raise AssertionError(f"JSON output contains {token}")


def test_json_shape(json_output) -> None:
    assert set(json_output) == {
        "pestle",
        "settings",
        "settings_text",
        "findings",
        "case",
        "indicators",
        "policy_mix",
        "judgments",
        "factors",
        "ahp",
        "dematel",
        "efe",
        "entropy",
        "topsis",
        "stability",
        "demand",
        "linkage",
    }
    assert json_output["case"]["id"] == "xinjiang_composites"
    policy = json_output["policy_mix"]
    assert policy["index"] == pytest.approx(2 / 9)
    assert policy["counts"]["regional"]["environment"]["industry"] == 3
    assert {c["coverage"] for c in policy["cells"]} == {"both", "national", "local", "none"}
    assert sum(json_output["ahp"]["global_weights"].values()) == pytest.approx(1)
    assert {r["matrix"] for r in json_output["ahp"]["consistency"]} >= {"dimensions"}
    assert set(json_output["dematel"]["cause"]) | set(json_output["dematel"]["effect"]) == set(
        json_output["factors"]
    )
    assert 1 <= json_output["efe"]["total"] <= 4
    assert json_output["topsis"]["ranking"][0] == "wind_blades"
    assert json_output["demand"]["samples"] == 1000 and json_output["demand"]["seed"] == 3
    assert json_output["settings"]["samples"] == 1000 and json_output["settings"]["seed"] == 3
    assert json_output["settings"]["scenario"] == "observed"
    assert json_output["demand"]["headline"] == "p50"
    linkage = json_output["linkage"]
    assert linkage["note"].startswith("National coefficients")
    assert linkage["totals"]["central"]["output_total"] > linkage["totals"]["low"]["output_total"]
    structure = json_output["indicators"]["structure"][0]
    secondary = next(r for r in structure["rows"] if r["industry"] == "secondary industry")
    assert secondary["share_pct"] == pytest.approx(100 * 1878.48 / 4729.09)


def test_table_output(cli) -> None:
    code, out, err = cli("analyze", *FAST)
    assert code == 0, err
    for heading in (
        "Indicators",
        "Industry structure",
        "Growth-implied prior-period bases",
        "Trade structure by dimension",
        "permissions by section",
        "Herfindahl H = 0.3921",
        "Opening platforms",
        "Policy mix",
        "Superposition index = 2 of 9",
        "AHP weights",
        "CR",
        "DEMATEL",
        "cause group:",
        "effect group:",
        "indirect",
        "EFE matrix",
        "Entropy weights (factor indicators)",
        "not applicable: entropy weights need at least 3 periods of one kind",
        "Segment ranking (TOPSIS)",
        "Spearman",
        "Composite demand",
        "Linkage effects",
        "National coefficients",
        "ILLUSTRATIVE",
        "settings: scenario observed, seed 1, 1,000 Monte Carlo samples",
        "Market size by year",
        "made in region",
        "Backtest: forecast from the history before each cut",
        "blade demand",
    ):
        assert heading in out, heading
    assert "39.72" in out  # secondary industry share, %
    assert "50.39 %" in out  # clusters against reference GDP


def test_bad_format_is_a_one_line_error(cli) -> None:
    code, out, err = cli("analyze", "--format", "xml")
    assert code == 2 and out == ""
    assert err.strip() == "error: --format 'xml' is not one of table, json, xlsx"


def test_unknown_scenario(cli) -> None:
    code, _, err = cli("analyze", "--scenario", "nope", *FAST)
    assert code == 2
    assert err.startswith(
        "error: --scenario: unknown scenario 'nope'; scenarios of this case: observed, as_stated"
    )
    assert len(err.strip().splitlines()) == 1


def test_bad_samples_and_missing_case(cli, tmp_path) -> None:
    code, _, err = cli("analyze", "--samples", "0")
    assert code == 2 and "Traceback" not in err
    assert err.strip() == "error: --samples: Input should be greater than or equal to 1; got 0"
    code, _, err = cli("analyze", "--seed", "-1", *FAST)
    assert code == 2
    assert err.strip() == "error: --seed: Input should be greater than or equal to 0; got -1"
    code, _, err = cli("analyze", str(tmp_path / "nowhere"))
    assert code == 2 and "no such case" in err


def test_broken_policy_file_names_file_and_line(cli, tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    path = folder / "policy_measures.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("instrument: demand", "instrument: procurement", 1), "utf-8")
    line = path.read_text().splitlines().index("    instrument: procurement") + 1
    code, out, err = cli("analyze", str(folder), *FAST)
    assert code == 2 and out == ""
    assert err.strip() == (
        f"error: {path}:{line}: measure 'uhv_transmission_corridors': instrument 'procurement' "
        "is not one of supply, demand, environment"
    )


def test_help_shows_the_one_set_of_defaults(cli) -> None:
    code, out, _ = cli("analyze", "--help")
    assert code == 0
    for option in ("--format", "--scenario", "--samples", "--seed", "table, json"):
        assert option in out
    assert f"[{DEFAULTS.samples:,}]" in out and f"[{DEFAULTS.seed}]" in out


def test_case_text_is_not_read_as_markup(cli, tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    info = folder / "case.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(
        text.replace(
            "name: {en: Composite-materials industry of Xinjiang,",
            'name: {en: "Composites [/] [red]x",',
        ),
        "utf-8",
    )
    code, out, err = cli("analyze", str(folder), *FAST)
    assert code == 0, err
    assert "Composites [/] [red]x" in out


def test_entropy_table_when_the_series_share_periods(cli, tmp_path) -> None:
    import pestle
    from pestle.analysis.factor_panel import case_entropy

    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    # a made-up series (test data, not a statistic) on the calendar years gdp_cny has
    with (folder / "sources" / "xinjiang_reference.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "\ntest_made_up_cny:\n"
            '  - {period: "2021-01-01/2021-12-31", value: 10}\n'
            '  - {period: "2022-01-01/2022-12-31", value: 20}\n'
            '  - {period: "2023-01-01/2023-12-31", value: 40}\n'
        )
    factors = folder / "factors.yaml"
    text = factors.read_text(encoding="utf-8")
    text = text.replace("series: [foreign_trade_cny]", "series: [test_made_up_cny]")
    text = text.replace("  series: [installed_capacity_w.wind, installed_capacity_w.solar]\n", "")
    factors.write_text(text, encoding="utf-8")
    expected = case_entropy(pestle.load_case(folder))
    assert expected.applicable
    code, out, err = cli("analyze", str(folder), *FAST)
    assert code == 0, err
    assert "Over 3 periods (calendar years): 2021, 2022, 2023" in out
    for series, row in expected.to_frame().iterrows():
        line = next(x for x in out.splitlines() if f" {series} " in x)
        assert f"{row['weight']:.3f}" in line and str(row["factor"]) in line
    assert "not applicable" not in out


def test_the_tables_compute_only_the_fields_they_show_and_print_the_same(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables show no findings, Sobol' indices or other scenarios' runs: they are not
    computed (the headline scenario runs alone), and the tables are the same as from results
    with every field computed."""
    import pestle.cli.results as cli_results

    built, everything = [], False
    build = cli_results.build

    def capture(*args: object, **kwargs: object):
        results = build(*args, **kwargs)  # type: ignore[arg-type]
        built.append(results)
        return results.compute() if everything else results

    monkeypatch.setattr(cli_results, "build", capture)
    monkeypatch.setenv("PESTLE_NO_CACHE", "1")
    code, lazily, err = cli("analyze", *FAST)
    assert code == 0, err
    computed = set(built[0].computed)
    assert not {"findings", "scenarios", "summaries", "sensitivity"} & computed
    assert {"headline_run", "ranking", "backtest", "linkage"} <= computed
    everything = True
    code, all_first, err = cli("analyze", *FAST)
    assert code == 0, err
    assert "sensitivity" in built[1].computed
    assert lazily == all_first
