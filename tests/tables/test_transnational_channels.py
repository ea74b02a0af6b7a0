"""transnational_channels: the values, asserted one by one."""


def test_transnational_channels(tables):
    t = tables["transnational_channels"].set_index(["channel", "direction"])["lead_actor"]
    assert len(t) == 6
    assert t[("knowledge and innovation", "into Kazakhstan")] == "entrepreneurs"
    assert t[("knowledge and innovation", "out of Kazakhstan")] == "state"
    assert set(tables["transnational_channels"]["figure"]) == {"Figure 4, p. 51", "Figure 5, p. 55", "Figure 6, p. 58"}
