"""coding_scheme: the values, asserted one by one."""


def test_coding_scheme(tables):
    t = tables["coding_scheme"]
    first = t[t["stage"] == "first cycle"]
    final = t[t["stage"] == "final"]
    assert len(first) == 13 and first["position"].tolist() == list(range(1, 14))
    assert first["label"].iloc[0] == "tax" and first["label"].iloc[-1] == "venture capital"
    assert len(final) == 6
    assert final.groupby("group")["label"].apply(list).to_dict() == {
        "government": ["state contracts", "financing innovation and 'self-discovery'", "bureaucracy"],
        "entrepreneurs": ["knowledge and innovation", "outsourcing", "access to finance"],
    }
