"""Line rules: furniture is recognised by its shape, and article sentences are left alone."""

from __future__ import annotations

import pytest

from digest import boilerplate
from digest.boilerplate import classify, is_subhead, split_dateline


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # Captions and credits.
        ("Drones are prepared for launch during a drill (Army via Wire)", boilerplate.CAPTION),
        ("Firefighters at the site on Wednesday (Photo: a reader / submitted)", boilerplate.CAPTION),
        ("Smoke rises over the site on Wednesday morning. (Jon Elms / Some Wire)", boilerplate.CAPTION),
        ("A woman holds her head. Pain is common (Photo: Stock image / Some Paper)", boilerplate.CAPTION),
        ("(Photo : Photo by Jane DOE / AGENCY)", boilerplate.CAPTION),
        ("Photo: Jon Elms / Some Wire", boilerplate.CAPTION),
        ("Image by a staff photographer", boilerplate.CAPTION),
        ("Jane Doe, \u00a9 Picture Agency", boilerplate.CAPTION),
        ("FILE - A man walks past the plant on Monday. (Wire Photo/John Roe, File)", boilerplate.CAPTION),
        ("Image source, Picture Agency", boilerplate.CAPTION),
        ("Image caption, Crowds gathered outside the assembly", boilerplate.CAPTION),
        ("Crowds outside the assembly on Friday. (Jane Doe/Agency Images)", boilerplate.CAPTION),
        ("Jane Doe/Agency via Picture Desk", boilerplate.CAPTION),
        ("Wire Photo/John Roe", boilerplate.CAPTION),
        ("Picture Agency Images", boilerplate.CAPTION),
        # Bylines.
        ("By Jane Doe and John Roe, Wire", boilerplate.BYLINE),
        ("By Jane Doe | Some Wire", boilerplate.BYLINE),
        ("By Natalia Fenwick in Dmitrow", boilerplate.BYLINE),
        ("Reporting by Jane Doe", boilerplate.BYLINE),
        # Publication dates and reading time.
        ("Published 11:04 Wednesday, October 8, 2025", boilerplate.TIMESTAMP),
        ("Published Sept. 6, 2025 at 9:30 a.m.", boilerplate.TIMESTAMP),
        ("19 July 2025 \u2022 Updated 17:05", boilerplate.TIMESTAMP),
        ("4 min read", boilerplate.TIMESTAMP),
        # Widgets and prompts.
        ("Share this article", boilerplate.WIDGET),
        ("Share on Facebook", boilerplate.WIDGET),
        ("Sign up for our newsletter", boilerplate.WIDGET),
        ("Get the top stories in your inbox every morning.", boilerplate.WIDGET),
        ("Download our app for breaking news alerts", boilerplate.WIDGET),
        ("Want us to email you top stories each lunch time?", boilerplate.WIDGET),
        ("Got a story? Email news@paper.test", boilerplate.WIDGET),
        ("Follow Some Paper on our channels for live updates.", boilerplate.WIDGET),
        ("Some Paper is reader-funded. Support our journalism.", boilerplate.WIDGET),
        # Links to other pages.
        ("Read more: Council approves new depot", boilerplate.RELATED),
        ("Read More", boilerplate.RELATED),
        ("Read Also: Minister resigns after vote", boilerplate.RELATED),
        ("Related Article: Port sale under investigation", boilerplate.RELATED),
        ("Related:", boilerplate.RELATED),
        ("Related Topics", boilerplate.RELATED),
        ("More from Politics", boilerplate.RELATED),
        ("You might also like", boilerplate.RELATED),
        ("Already a subscriber? Log in", boilerplate.WIDGET),
        ("Print", boilerplate.WIDGET),
        ("Our journalism is funded by readers like you", boilerplate.WIDGET),
        ("Topics: Ferries, Transport", boilerplate.RELATED),
        # Footers, disclaimers, adverts.
        ("\u00a9 2025 Some Paper. All rights reserved.", boilerplate.FOOTER),
        ("Privacy Policy", boilerplate.FOOTER),
        ("Terms & Conditions", boilerplate.FOOTER),
        ("This article was amended on 3 June 2025 to correct the spelling of a name.", boilerplate.FOOTER),
        ("Advertisement Advertisement", boilerplate.ADVERT),
        (
            "This article is for information only and is not a substitute for professional medical advice.",
            boilerplate.FOOTER,
        ),
        ("Advertisement", boilerplate.ADVERT),
        ("Story continues below advertisement", boilerplate.ADVERT),
        ("Continue reading", boilerplate.ADVERT),
        ("Advertisement - Scroll to continue", boilerplate.ADVERT),
        # Live pages, update notes, pitches, publisher footers, embeds, symbols.
        ("The Latest on the harbour strike (all times local):", boilerplate.LIVE_BLOG),
        ("Updates from the count (all times GMT)", boilerplate.LIVE_BLOG),
        ("NEXT:", boilerplate.LIVE_BLOG),
        ("UPDATE:", boilerplate.LIVE_BLOG),
        ("11:05 a.m.", boilerplate.LIVE_BLOG),
        ("This story will be updated.", boilerplate.UPDATE_NOTE),
        ("This is a developing story. Check back for updates.", boilerplate.UPDATE_NOTE),
        ("Want the whole picture, not just one side? Try our weekly digest.", boilerplate.WIDGET),
        ("Never miss a morning: the Early Bell newsletter, free to your inbox.", boilerplate.WIDGET),
        ("Listen to our daily podcast wherever you get your podcasts.", boilerplate.WIDGET),
        ("Know more about this story? You can reach our reporters securely.", boilerplate.FOOTER),
        ("Email us at the newsroom if you spot an error.", boilerplate.WIDGET),
        ("Our newsroom follows strict sourcing standards on anonymous sources.", boilerplate.FOOTER),
        ("Learn more about how we choose our sources and our corrections policy.", boilerplate.FOOTER),
        ("Great day at the pier today! — Jo Bell (@jobell) June 3, 2024", boilerplate.EMBED),
        ("Ministers at the summit.CreditJane Roe/Some Agency", boilerplate.CAPTION),
        ("The minister speaks to reporters outside the ministry in Velke on Tuesday", boilerplate.CAPTION),
        ("Workers clear debris from the main road after the storm, March 4, 2024.", boilerplate.CAPTION),
        ("\u00d7", boilerplate.SYMBOL),
        ("* * *", boilerplate.SYMBOL),
    ],
)
def test_furniture_is_recognised_with_its_reason(line: str, reason: str) -> None:
    assert classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Nobody was hurt.",
        "The vote passed.",
        "Iran has denied selling its munitions to Russia.",
        "He did not explain where the information had come from.",
        '"Best day of my life," said a fan, 34.',
        "“I came here to win trophies,” Ibarra said in a video posted by the club.",
        "The company has not said how much the treatment would cost.",
        "Residents were allowed back into their homes at about 4 p.m.",
        "The alarm was raised at 3 a.m. on Wednesday.",
        "Police put the crowd at about 4,000.",
        "By the time crews arrived the roof had collapsed.",
        "Read the full report, the minister told parliament, before judging it.",
        "Share prices fell 3% on Friday.",
        "The plant opened in 2019 (a year late).",
        "Officials said the figure was provisional (about 300 people).",
        "Follow-up inspections are planned for March.",
        "Support for the government fell to 31%.",
        "Photographs of the wreckage were shown to the council on Monday, officials said.",
        "Subscribers to the water service were told to boil tap water.",
        "The newsletter of the union called for a strike, it said.",
        "Download speeds in the town are the slowest in the region, a report found.",
        "File sharing was blamed for the leak, officials said.",
        "More from the council, the mayor said.",
        "Photos show the damage to the bridge.",
        "Email records were seized by police.",
        "Printing costs rose 12% last year.",
        "Images of the wreckage were shared online (some of them fake).",
        "Continue reading the report, the minister urged MPs.",
        "(In 2019, the regulator fined the company for the same fault, reportedly without warning.)",
        "The minister speaks at the summit on Friday.",
        "Subscribers to the paper get a weekly newsletter, its owner said.",
        "We have changed our policy on visas, the minister told parliament.",
        "Police asked anyone with information to contact them on the usual number.",
        "The council said it would send residents an alert by text message.",
        "Our correspondent in the capital saw the convoy leave at dawn.",
        "The report will be updated every year, the agency said.",
        "Rescue workers carried the last of the boys out of the cave on Tuesday.",
        "Fans gathered outside the stadium, some of them waving flags.",
        "The story of the strike is far from over.",
    ],
)
def test_article_sentences_are_kept(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        (
            "ASHCOMBE, England (Wire) \u2014 A fire tore through a plant.",
            "ASHCOMBE, England (Wire) \u2014",
            "A fire tore through a plant.",
        ),
        (
            "ST. LOUIS (Wire) \u2014 An experimental spray cut pain.",
            "ST. LOUIS (Wire) \u2014",
            "An experimental spray cut pain.",
        ),
        ("LONDON - Ministers met on Friday.", "LONDON -", "Ministers met on Friday."),
        ("HARWICK \u2015 Ministers met on Friday.", "HARWICK \u2015", "Ministers met on Friday."),
    ],
)
def test_datelines_are_split_from_the_first_paragraph(paragraph: str, dateline: str, rest: str) -> None:
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    "paragraph",
    ["US officials say the drones were sold.", "NATO - the alliance - met on Friday.", "It was a quiet day."],
)
def test_paragraphs_without_a_dateline_are_left_whole(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Questions over sprinklers", True),
        ("What happens next", True),
        ("Iran's Support of Russia", True),
        ("When will it be fixed?", True),
        ("Is this the first time?", True),
        ("Why would anyone buy a house there at these prices?", False),
        ("Who knew?", True),
        ('"Why?" she asked.', False),
        ("Nobody was hurt.", False),
        ("He said:", False),
        ("a lower-case fragment", False),
        (
            "This line is far too long to be a section head in any newspaper that anyone reads today at all",
            False,
        ),
    ],
)
def test_subheads_are_short_unpunctuated_capitalised_lines(line: str, expected: bool) -> None:
    assert is_subhead(line) is expected
