"""`pestle init DIR --from DOC ...` on documents no shipped case was built from."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from cli_run import Run
from draft.helpers import HELD_OUT
from pestle.case import evidence as ev
from pestle.case import load_case
from pestle.case.yaml_lines import load_yaml
from pestle.draft import DraftSummary, draft_case
from pestle.errors import InputError

Draft = tuple[Path, DraftSummary]


def test_most_claims_are_linked_and_the_rest_reported(held_out_draft: Draft) -> None:
    _, summary = held_out_draft
    assert summary.claims > 15
    assert (
        summary.linked + len([u for u in summary.unplaced if u.reason.startswith("quote")])
        <= summary.claims
    )
    assert summary.linked_share >= 0.9  # measured: 22 of 22 on these three documents


def test_every_link_resolves_to_the_claim_whose_value_it_holds(held_out_draft: Draft) -> None:
    folder, _ = held_out_draft
    case = load_case(folder)  # the loader resolves and value-checks every link itself
    indicators = case.entities_of("indicator")
    assert len(indicators) >= 15
    for entity in indicators:
        (link,) = [e for e in entity.evidence if e.attribute == "value"]
        claim = ev.linked_claim(case.resolve(link), entity.attributes["unit"])
        assert claim.value == entity.attributes["value"]
        assert claim.qualifier == entity.attributes["qualifier"]
        assert link.quote in " ".join(case.document(link.document).text.split())


def test_every_drafted_item_is_a_draft(held_out_draft: Draft) -> None:
    folder, _ = held_out_draft
    case = load_case(folder)
    assert {e.draft for e in case.entities} == {True}
    assert {f.draft for f in case.factors} == {True}
    assert set(case.drafts) == {e.id for e in case.entities} | {f.id for f in case.factors}
    assert case.judgments.illustrative


def test_factors_come_from_the_passages_that_discuss_them(held_out_draft: Draft) -> None:
    folder, _ = held_out_draft
    case = load_case(folder)
    dimensions = {f.dimension for f in case.factors}
    assert "technological" in dimensions  # wind capacity, turbines, new energy
    for factor in case.factors:
        assert factor.origin == "report" and factor.evidence
        for link in factor.evidence:
            case.resolve(link)


def test_files_carry_their_schema_line(held_out_draft: Draft) -> None:
    folder, _ = held_out_draft
    for path, kind in (
        (folder / "case.yaml", "case"),
        (folder / "factors.yaml", "factors"),
        (folder / "entities" / "indicators.yaml", "entities"),
        (folder / "judgments.yaml", "judgments"),
    ):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        relative = first.removeprefix("# yaml-language-server: $schema=")
        assert relative != first
        assert (path.parent / relative).resolve() == folder / "schemas" / f"{kind}.schema.json"
        assert json.loads((path.parent / relative).read_text("utf-8"))["title"] == f"pestle {kind}"
    assert (folder / "lexicon.yaml").is_file()


def test_commands_run_on_the_draft(held_out_draft: Draft, cli: Run, tmp_path: Path) -> None:
    folder, _ = held_out_draft
    code, out, _ = cli("check", str(folder), "--format", "json")
    assert code == 0 and json.loads(out)["case"] == load_case(folder).id
    code, out, _ = cli("analyze", str(folder), "--format", "json", "--samples", "2000")
    assert code == 0 and "demand" in json.loads(out)
    out_dir = tmp_path / "report"
    code, _, err = cli(
        "report", str(folder), "--out", str(out_dir), "--format", "html,md", "--samples", "2000"
    )
    assert code == 0, err
    markdown = (out_dir / "report.md").read_text(encoding="utf-8")
    assert "*pestle report · DRAFT*" in markdown
    assert f"DRAFT: {len(load_case(folder).drafts)} entities and factors" in markdown


def test_dashboard_marks_the_draft(held_out_draft: Draft) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with")
        from fastapi.testclient import TestClient
    from pestle.web import create_app

    folder, _ = held_out_draft
    case = load_case(folder)
    with TestClient(create_app(folder), base_url="http://127.0.0.1") as client:
        page = client.get("/")
        assert page.status_code == 200
        assert f"draft · {len(case.drafts)} unconfirmed" in page.text
        results = client.get(f"/api/cases/{case.id}/results")
        assert results.status_code == 200


def test_cli_prints_counts_and_the_next_command(tmp_path: Path, cli: Run) -> None:
    target = tmp_path / "d"
    code, out, _ = cli("init", str(target), "--from", *map(str, HELD_OUT), "--region", "Northland")
    assert code == 0
    assert "entities/indicators.yaml" in out and "factors.yaml" in out
    assert out.rstrip().endswith(f"next: pestle check {target}")


def test_documents_without_capacity_still_analyse(tmp_path: Path) -> None:
    doc = tmp_path / "economy.txt"
    doc.write_text(
        "Economy of Northland in 2024\n\nIn 2024, Northland's GDP reached 1.2 trillion yuan, "
        "a growth of 5.1 percent, as investment and trade expanded and the industrial "
        "clusters grew.\n\nThe government planted grass on 2 million mu of desert land to "
        "control sand and protect the ecological environment.\n",
        encoding="utf-8",
    )
    summary = draft_case(tmp_path / "c", [doc], region="Northland")
    assert summary.linked == summary.claims == 2  # "2 million mu": no unit of the contract
    assert summary.counts["factors.yaml"] == 2  # economic, environmental
    scenarios = load_yaml(tmp_path / "c" / "scenarios.yaml")["scenarios"]
    assert list(scenarios) == ["as_stated"]  # zero demand, said in its description
    from pestle.results import Results, Settings

    results = Results(load_case(tmp_path / "c"), Settings(samples=500))
    assert len(results.topsis.ranking()) == 4  # the stated placeholder index still ranks


def test_documents_with_fewer_than_two_factors_are_refused(tmp_path: Path) -> None:
    doc = tmp_path / "one.txt"
    doc.write_text("In 2024, GDP grew 5 percent as investment and trade expanded.\n", "utf-8")
    with pytest.raises(InputError) as info:
        draft_case(tmp_path / "c", [doc])
    assert info.value.parameter == "documents"
    assert "the documents give 1 factor(s) and the factor methods need at least 2" in str(
        info.value
    )
