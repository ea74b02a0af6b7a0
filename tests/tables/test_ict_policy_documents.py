"""ict_policy_documents: the values, asserted one by one."""


def test_figure3_policy_documents_keep_printed_precision(tables):
    t = tables["ict_policy_documents"].set_index("doc_id")
    assert t["date"].tolist() == ["2011", "2010-09-29", "2013-01-08"]
    assert t["date_precision"].tolist() == ["year", "day", "day"]
    assert t["act_number"].tolist() == [193, 983, 464]
    assert t.loc[3, "responsible_body"] == "Ministry of Transport and Communications"
