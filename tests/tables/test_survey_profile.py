"""survey_profile: the values, asserted one by one."""


def test_survey_profile(tables):
    t = tables["survey_profile"].set_index(["measure", "category", "statistic"])["value"].sort_index()
    assert (
        t[("invited", "all", "count")],
        t[("surveyed", "all", "count")],
        t[("interviewed", "all", "count")],
        t[("survey_questions", "all", "count")],
    ) == (126, 42, 14, 15)
    assert tables["survey_profile"].set_index("measure").loc["survey_questions_listed", "locator"] == (
        "Appendix, Survey Questions Sample, p. 65"
    )
    assert t.loc["purpose_of_stay_abroad"].droplevel(1).to_dict() == {
        "business": 30,
        "education": 20,
        "work": 30,
        "travel": 20,
    }
    assert t.loc["residence"].droplevel(1).to_dict() == {"Almaty": 70, "Astana": 25, "other cities": 5}
    assert t.loc["gender"].droplevel(1).to_dict() == {"male": 90, "female": 10}
    assert t.loc[("age", "all")].to_dict() == {"min": 24, "max": 39, "mean": 27}
    assert t[("years_abroad", "all", "mean")] == 2.4
    assert t.loc[("experience_in_it", "all")].to_dict() == {"mean_lower_bound": 7, "mean_upper_bound": 8}
    for measure in ("purpose_of_stay_abroad", "residence", "gender"):
        assert t.loc[measure].sum() == 100, measure


def test_printed_survey_facts_that_were_missing(tables):
    t = tables["survey_profile"].set_index(["measure", "category", "statistic"]).sort_index()
    # 15 questions taking approximately 10 minutes (§ Methods, p. 22)
    assert t.loc[("survey_duration", "all", "approximate"), ["value", "unit", "printed"]].tolist() == [
        10,
        "minutes",
        "approximately in 10",
    ]
    # 'All respondents have been abroad' (p. 24)
    assert t.loc[("been_abroad", "all", "all_of_group"), ["value", "unit", "printed"]].tolist() == [100, "%", "all"]
    # the consent form: 'about 25-30 minutes' (Appendix, p. 63)
    iv = t.loc[("interview_duration", "all")]
    assert iv["value"].to_dict() == {"min": 25, "max": 30} and (iv["printed"] == "about 25-30").all()
    assert (iv["locator"] == "Appendix, Interview/Survey Consent Template, p. 63").all()
