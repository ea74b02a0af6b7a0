"""electronics_business_models: the values, asserted one by one."""

import pandas as pd


def test_electronics_business_models(tables):
    t = tables["electronics_business_models"].set_index("model_id")
    assert t.index.tolist() == [1, 2, 3, 4]
    assert t["tier"].cat.ordered and list(t["tier"].cat.categories) == ["basic", "advanced"]
    assert (t["tier"] < "advanced").tolist() == [True, False, False, False]  # ordered: basic < advanced
    assert t.loc[1, "technology_origin"] == "Russia; China"
    assert t.loc[1, "in_house_software"] == "limited"
    assert t.loc[3, "outsourced_component_production"] == "yes" and t.loc[3, "in_house_design"] == "yes"
    assert t.loc[4].drop(["source_id", "locator"]).isna().all(), "an undescribed model stays NA"
    src = tables["sources"].set_index("source_id").loc["electronics_semiperiphery"]
    assert src["kind"] == "paper" and pd.isna(src["url"]) and "2022-2023" in src["citation"]
    assert (tables["electronics_business_models"]["locator"] == "long abstract, para. 2").all()  # no pages
