from __future__ import annotations

from conftest import MakeArticle

from digest.compare import view
from digest.lenses.numbers_lens import analyse, compare, vague_amounts
from digest.model import Claim


def test_same_figure_with_different_qualifiers_is_flagged(make_article: MakeArticle) -> None:
    a = make_article("a", ["The storm cut power to 30% of homes."])
    b = make_article("b", ["The storm cut power to roughly 30 percent of homes."])
    rows = compare([*a.sentences, *b.sentences], ["a", "b"])
    assert len(rows) == 1
    row = rows[0]
    assert row["value"] == "30%"
    assert row["qualifiers"] == ["exact", "roughly"]
    assert row["qualifiers_differ"] is True
    assert [m["context"] for m in row["mentions"]] == ["to 30% of homes.", "to roughly 30 percent of homes."]


def test_a_count_turned_into_a_ceiling(make_article: MakeArticle) -> None:
    a = make_article("a", ["The city ordered 2,400 new buses."])
    b = make_article("b", ["The city bought as many as 2400 buses."])
    row = compare([*a.sentences, *b.sentences], ["a", "b"])[0]
    assert row["value"] == "2400"
    assert [m["qualifier"] for m in row["mentions"]] == [None, "as many as"]
    assert "bought as many as 2400" in row["mentions"][1]["context"]


def test_same_qualifier_is_not_flagged_and_missing_outlets_are_listed(make_article: MakeArticle) -> None:
    a = make_article("a", ["About 300 people left."])
    row = compare(list(a.sentences), ["a", "b"])[0]
    assert row["qualifiers_differ"] is False
    assert row["missing"] == ["b"]


def test_years_are_not_compared(make_article: MakeArticle) -> None:
    a = make_article("a", ["The plant opened in 2014."])
    assert compare(list(a.sentences), ["a"]) == []


def test_vague_amounts(make_article: MakeArticle) -> None:
    article = make_article(
        "a", ['Police sent a "relatively small number" of officers.', "Dozens of boats were damaged."]
    )
    found = vague_amounts(article)
    assert [(v["text"], v["quoted"]) for v in found] == [
        ("a relatively small number", True),
        ("Dozens", False),
    ]


def test_claims_and_story_level(make_article: MakeArticle) -> None:
    a = make_article("a", ["The storm cut power to 30% of homes.", "Two crews and 45 trucks were sent."])
    b = make_article("b", ["The storm cut power to roughly 30% of homes.", "Some 45 trucks were sent."])
    claim = view(Claim("c1", ("a-s1", "b-s1"), "a-s1"), [a, b])
    data = analyse([a, b], [claim])
    assert [r["value"] for r in data["claims"]["c1"]] == ["30%"]
    # Story level: larger figures only; the small count "two" is left out.
    assert [r["value"] for r in data["story"]] == ["30%", "45"]
    assert data["story"][1]["qualifiers"] == ["exact", "some"]


def test_a_date_is_compared_as_a_date_not_beside_a_count(make_article: MakeArticle) -> None:
    a = make_article("a", ["Her last day in office will be Feb. 28, and 28 aides will leave with her."])
    b = make_article("b", ["She leaves office on February 28."])
    rows = {row["value"]: row for row in compare([*a.sentences, *b.sentences], ["a", "b"])}
    assert sorted(rows) == ["28", "February 28"]
    assert [m["text"] for m in rows["February 28"]["mentions"]] == ["Feb. 28", "February 28"]
    assert rows["28"]["missing"] == ["b"]


def test_ordinals_labels_and_vague_words_are_not_figure_rows(make_article: MakeArticle) -> None:
    a = make_article("a", ["Lee, who represents the 27th District, said section 3 cost 1,100 jobs."])
    b = make_article("b", ["Lee said section 3 of the law cost several hundred jobs."])
    rows = compare([*a.sentences, *b.sentences], ["a", "b"])
    assert [row["value"] for row in rows] == ["1100"]


def test_a_close_figure_given_instead_by_other_outlets_is_marked(make_article: MakeArticle) -> None:
    a = make_article("a", ["The damage was worth about 3.4 million euros, and 85 people work there."])
    b = make_article("b", ["The damage came to 3.5 million euros, and 85 people work there."])
    rows = {row["value"]: row for row in compare([*a.sentences, *b.sentences], ["a", "b"], alternatives=True)}
    assert rows["3400000"]["instead"] == ["3500000"] and rows["3500000"]["instead"] == ["3400000"]
    # The same figure in both, and figures far apart or given by one outlet together, are no such pair.
    assert "instead" not in rows["85"]
    c = make_article("c", ["Repairs rose from 20 to 30 days, then to 300 days."])
    assert all("instead" not in row for row in compare(list(c.sentences), ["c"], alternatives=True))
    assert all("instead" not in row for row in compare([*a.sentences, *b.sentences], ["a", "b"]))
