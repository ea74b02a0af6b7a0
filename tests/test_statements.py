"""The public statements audit: a new statement is a record, a bad one an error naming it; its faces."""

import json

import pytest
import yaml
from conftest import RAW

import kzict
from kzict import statement_audit as engine
from kzict import tolerance
from kzict.errors import RawDataError

RECORD = {
    "id": "T1",
    "quote": "E-government rose by 0.035 points between the 2016 and 2018 surveys.",
    "speaker": "A test",
    "date": "2018-08",
    "url": "https://example.org/t1",
    "kind": "change_pp",
    "dataset": "egov_index",
    "indicator": "egdi",
    "economy": "KAZ",
    "year": 2018,
    "base_year": 2016,
    "value": "0.035",
}


@pytest.fixture(scope="module")
def inputs():
    return {name: kzict.load(name) for name in engine.INPUTS}


def judged(inputs, *records):
    return engine.table([dict(RECORD) | r for r in records], inputs).set_index("id")


def test_a_new_statement_is_a_record_in_a_copy_of_the_registry(raw_copy):
    """Appended to a copy of statements.yaml, a statement of a kind no listed one uses is judged by the build."""
    from kzict.pipeline.run import process

    doc = yaml.safe_load((raw_copy / "statements.yaml").read_text(encoding="utf-8"))
    doc.append(RECORD)
    (raw_copy / "statements.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    tables, _ = process(raw_copy, only=["public_statements", *engine.INPUTS])
    row = tables["public_statements"].set_index("id").loc["T1"]
    egov = tables["egov_index"].set_index(["iso3", "edition"])["egdi"]
    assert row["data_value"] == pytest.approx(egov["KAZ", 2018] - egov["KAZ", 2016])
    assert row["verdict"] == "consistent" and row["tolerance"] == pytest.approx(0.0005 + 0.00035)


def test_every_kind_is_judged_both_ways(inputs):
    df = judged(
        inputs,
        {"id": "lvl", "kind": "level", "indicator": "egdi", "year": 2016, "value": "0.7250"},
        {"id": "lvl-no", "kind": "level", "indicator": "egdi", "year": 2016, "value": "0.80"},
        {"id": "mul", "kind": "multiple", "indicator": "egdi", "year": 2018, "value": "1"},
        {"id": "pct", "kind": "change_pct", "indicator": "egdi", "year": 2018, "value": "4.8"},
        {"id": "osi", "kind": "rank", "indicator": "osi", "year": 2018, "value": "99"},
        {"id": "reach", "kind": "reached_by", "indicator": "egdi", "year": 2018, "value": "0.80"},
        {"id": "btw", "kind": "between", "indicator": "egdi", "year": 2018, "value": "0.74"},
        {"id": "among", "kind": "rank_among", "indicator": "egdi_rank", "year": 2018, "value": "2"}
        | {"among": ["RUS", "BLR"]},
    )
    egdi = inputs["egov_index"].set_index(["iso3", "edition"])["egdi"]
    assert df.loc["lvl", "verdict"] == "consistent" and df.loc["lvl-no", "verdict"] == "inconsistent"
    assert df.loc["mul", "data_value"] == pytest.approx(egdi["KAZ", 2018] / egdi["KAZ", 2016])
    assert df.loc["pct", "data_value"] == pytest.approx((egdi["KAZ", 2018] / egdi["KAZ", 2016] - 1) * 100)
    osi = inputs["egov_index"].query("edition == 2018").set_index("iso3")["osi"]
    assert df.loc["osi", "data_value"] == 1 + (osi > osi["KAZ"]).sum()  # a value column ranked: 1 + those higher
    assert df.loc["reach", "verdict"] == "inconsistent"  # 0.7597 is below 0.80 - 0.013
    assert df.loc["btw", "verdict"] == "consistent"  # between 0.7250 (2016) and 0.7597 (2018)
    assert df.loc["among", "data_value"] == 3 and df.loc["among", "verdict"] == "inconsistent"  # RUS 32, BLR 38


def test_definitions_decide_only_where_they_bound(inputs):
    wdi = {"dataset": "wdi_indicators", "indicator": "BX.GSR.CCIS.CD", "year": 2023, "scale": 1000000}
    df = judged(
        inputs,
        wdi | {"id": "part-above", "kind": "level", "value": "900", "definition": "narrower"},
        wdi | {"id": "part-below", "kind": "level", "value": "300", "definition": "narrower"},
        wdi | {"id": "whole-reached", "kind": "reached_by", "value": "500", "definition": "broader"},
        wdi | {"id": "other", "kind": "level", "value": "722", "definition": "different"},
    )
    assert df["verdict"].to_dict() == {
        "part-above": "inconsistent",  # a part (900) above the whole (722)
        "part-below": "unverifiable",
        "whole-reached": "consistent",
        "other": "unverifiable",  # a different definition is never judged, even when the numbers agree
    }


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kind": "level_of"}, "unknown kind 'level_of'"),
        ({"dataset": "egov"}, "unknown dataset 'egov'"),
        ({"indicator": "egdi_rnk"}, "unknown indicator 'egdi_rnk' of egov_index"),
        ({"economy": "KZX"}, "unknown economy 'KZX'"),
        ({"among": ["RUS", "XXX"], "kind": "rank_among"}, "unknown economy 'XXX'"),
        ({"base_year": None}, "kind 'change_pp' needs 'base_year'"),
        ({"value": "about 5"}, "value: expected a number such as '90.9'"),
        ({"value": 5}, "value: expected the number as printed, quoted"),
        ({"url": "ftp://x"}, "url: expected an http or https address"),
        ({"definition": "similar"}, "definition: expected one of"),
        ({"colour": "red"}, "unknown keys ['colour']"),
        ({"dataset": None}, "names no dataset: give `series`"),
    ],
)
def test_a_bad_record_is_an_error_naming_it(inputs, change, words):
    with pytest.raises(ValueError, match="statement 'T1': ") as exc:
        engine.check([dict(RECORD) | change], inputs)
    assert words in str(exc.value)


def test_a_duplicate_id_is_refused(inputs):
    with pytest.raises(ValueError, match="statement 'T1': duplicate id"):
        engine.check([RECORD, RECORD], inputs)


def test_the_build_names_the_registry_file_and_the_record(raw_copy):
    from kzict.pipeline.run import process

    doc = yaml.safe_load((raw_copy / "statements.yaml").read_text(encoding="utf-8"))
    doc[3]["kind"] = "fivefold"
    (raw_copy / "statements.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RawDataError) as exc:
        process(raw_copy, only=["public_statements", *engine.INPUTS])
    assert "statements.yaml" in str(exc.value) and f"statement {doc[3]['id']!r}: unknown kind" in str(exc.value)


def test_one_multiple_rule_for_both_audits():
    """'twofold' admits 1.5 to 2.5 in both audits; 1.54 passes at the edge, and the thesis audit says so."""
    assert tolerance.tolerance(["2"]) == 0.5
    assert tolerance.of_statement("2") == pytest.approx(0.5 + 0.02)  # + 1 % for revisions between releases
    assert tolerance.at_edge(1.54 - 2, 0.5) and not tolerance.at_edge(2.2 - 2, 0.5)
    audit = kzict.audit().set_index("claim_id")
    assert "(at the edge: ±0.5 admits 1.5 to 2.5)" in audit.loc["ch3-import-twofold-decline", "correction_effect"]
    explained = audit.loc["ch3-import-twofold-decline", "explanation"]
    assert "corrected, 1.54 passes at the edge (±0.5 admits 1.5 to 2.5)" in explained
    assert "at the edge" not in audit.loc["ch3-export-fourfold-decline", "explanation"]  # 3.85 for 4: well inside
    from kzict import claim_checks, claims

    assert claim_checks.tolerance is tolerance.tolerance and claims.POLICY == tolerance.POLICY


def test_statements_api_and_its_verdict_filter():
    df = kzict.statements()
    assert list(df.columns) == engine.COLUMNS and len(df) == 52
    bad = kzict.statements("inconsistent")
    assert set(bad["id"]) == {"C15b", "C22", "C22b", "C23", "C25"}
    with pytest.raises(ValueError, match="unknown verdict"):
        kzict.statements("wrong")


def test_cli_prints_a_readable_table_filtered_by_verdict(capsys):
    from kzict.cli import main

    assert main(["statements", "--verdict", "inconsistent"]) == 0
    out = capsys.readouterr().out
    assert "C23 " in out and "C11 " not in out
    assert out.rstrip().endswith("5 statements: 0 consistent, 5 inconsistent, 0 unverifiable (--verdict inconsistent)")


def test_claimreview_export_parses_back_with_every_required_field(tmp_path, capsys, monkeypatch):
    from kzict.claimreview import SCALE
    from kzict.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    target = tmp_path / "reviews.jsonld"
    assert main(["export", "--claimreview", str(target)]) == 0
    items = json.loads(target.read_text(encoding="utf-8"))
    df = kzict.statements().set_index("id")
    assert [i["kzict:identifier"] for i in items] == list(df.index)
    for item in items:
        row = df.loc[item["kzict:identifier"]]
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["claimReviewed"].startswith(row["quote"])
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["name"] == row["speaker"]
        assert claim["datePublished"] == row["date"] and claim["appearance"]["url"] == row["url"]
        rating = item["reviewRating"]
        assert rating["alternateName"] == row["verdict"] and rating["ratingValue"] == SCALE[row["verdict"]]
        assert rating["url"] and rating["author"]["name"] == "kzict" and rating["datePublished"] == "2026-05-28"
        assert rating["worstRating"] == 1 and rating["bestRating"] == 3
    assert main(["export", "--claimreview", str(target)]) == 2  # exists: needs --force
    assert main(["export", "--claimreview", str(tmp_path / "r.json")]) == 2
    assert "ends in .jsonld" in capsys.readouterr().err


def test_the_registry_is_a_raw_input_the_build_records():
    pkg = json.loads((RAW.parent / "clean" / "datapackage.json").read_text(encoding="utf-8"))
    assert "statements.yaml" in {i["path"] for i in pkg["kzict:raw_inputs"]}
