"""Markdown fragments showing the lenses' results on claim and story pages.

Everything here reads `digest.model.Story.lenses` (the same data the JSON
export publishes), so a page never shows something the data does not hold.
Every piece of input text goes through `markup.inert`; the lens data is
article text too (sources, quoted passages, phrases) and is treated as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from digest.compare import DIFFABLE_SIMILARITY, from_row
from digest.lenses import attribution, coverage, names, numbers_lens, quotes, reuse
from digest.model import ClaimView, DiffOp, Story
from digest.render import paths
from digest.render.markup import (
    bullet_list,
    diff_html,
    fold,
    inert,
    link,
    plural,
    relative,
    stacked_table,
    strong,
    table,
)

_STATUS = {
    "verbatim": "quotes it verbatim",
    "trimmed": "quotes part of it",
    "altered": "quotes it with changes",
    "reported": "reported speech, no quotation",
}
_LEVEL = {"reprint": "reprint", "shared copy": "shared copy", "independent": "independent"}


STORY_LIST_LIMIT = 12
"""Items a story-page list shows before it points to the full data: a story page must stay
readable and small however large the story (claim pages and the JSON keep everything)."""


FIRST_SHOWN = 3
"""Rows of a long story-wide table shown before a "show more" fold holds the rest."""

QUOTE_LIMIT = 8
"""Quotations listed on a story's lens page; each carries a table of every outlet, so fewer."""


def _more(count: int, what: str, where: str = "the claim pages") -> str:
    """The line under a capped list; ``where`` names pages that hold every item left out."""
    if count <= 0:
        return ""
    return (
        f"<p>{plural(count, 'more ' + what, 'more ' + what + 's')} not listed here: "
        f"see {where} and the story's JSON data.</p>\n"
    )


def _lens(story: Story, name: str) -> object:
    return story.lenses.get(name)


def _outlet(story: Story, article_id: str) -> str:
    return inert(story.article(article_id).source.outlet)


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _ops(rows: Sequence[Sequence[str]]) -> tuple[DiffOp, ...]:
    """Diff operations from their JSON rows (`digest.compare.to_row`).

    A passage that ends where the quotation goes on has no trailing space on its last common
    word; the quotation's space is kept so the word and the struck-through rest stay apart.
    """
    ops = []
    for position, op in enumerate(from_row(row) for row in rows):
        ref, out = op.ref, op.out
        if op.kind == "equal" and position + 1 < len(rows) and ref[-1:].isspace() and not out[-1:].isspace():
            op = DiffOp(op.kind, ref, out + " ")
        ops.append(op)
    return tuple(ops)


def _sentence_link(story: Story, here: str, sentence_id: str, label: str) -> str:
    article_id = story.sentence(sentence_id).article
    target = relative(here, paths.article(story.meta.id, article_id))
    return link(label, f"{target}#{sentence_id}")


def _claim_link(story: Story, here: str, claim_id: str) -> str:
    view = next(v for v in story.claims if v.claim.id == claim_id)
    return link(inert(view.summary), relative(here, paths.claim(story.meta.id, claim_id)))


BADGE_TITLES = {
    "loaded": "a verb that takes a side",
    "hedge": "distance or doubt",
}
"""The hover text of the badges whose look needs a word (a dashed outline, a tint); a source
badge ("said: Jane Doe") and "no attribution" say what they are. Fixed words only: theme scripts
read a ``title`` back and may insert it as HTML, so no input text may ever sit in one."""


def _badge(kind: str, text: str) -> str:
    title = f' title="{BADGE_TITLES[kind]}"' if kind in BADGE_TITLES else ""
    return f'<span class="px-badge px-badge-{kind}"{title}>{inert(text)}</span>'


# Claim pages -------------------------------------------------------------------------------


def badges(story: Story, sentence_id: str) -> str:
    """Attribution and hedging badges for one phrasing, to append to its label."""
    data = cast("attribution.Data | None", _lens(story, "attribution"))
    if not data:
        return ""
    found, hedges = attribution.sentence_frames(data, sentence_id)
    parts = []
    for item in found:
        kind = "loaded" if item.get("loaded") else "source"
        # "said: he" tells a reader nothing: the name the article gave is shown instead.
        name = attribution.credited_name(item["source"], attribution.row_speaker(item))
        continued = " (quotation continued)" if item.get("continued") else ""
        parts.append(_badge(kind, f"{item['verb']}: {name}{continued}"))
    for hedge in hedges:
        parts.append(_badge("hedge", f"{hedge['marker']} ({hedge['kind']})"))
    if not found:
        parts.append(_badge("none", "no attribution"))
    return " " + " ".join(parts)


VERBATIM_WORDING = "the same words"
"""What the wording column says for an outlet quoting verbatim: the quotation is shown just above
the table, and repeating it on every row would only weigh the page."""


def _quote_rows(
    story: Story,
    here: str,
    quote: quotes.QuoteData,
    folded: bool = False,
    listed: frozenset[str] = frozenset(),
) -> str:
    """A quotation and how each outlet carries it. Outlets in ``listed`` are named elsewhere on
    the page as not reporting the fact at all, so the line of outlets not carrying the passage
    leaves them out rather than repeat them."""
    rows = []
    for carrier in quote["carriers"]:
        if carrier["status"] in {"trimmed", "altered"}:
            wording = diff_html(_ops(carrier["diff"]))
        elif carrier["status"] == "verbatim":
            wording = VERBATIM_WORDING
        else:
            wording = inert(carrier["text"])
        rows.append(
            [
                _sentence_link(story, here, carrier["sentence"], _outlet(story, carrier["article"])),
                _STATUS[carrier["status"]],
                inert(carrier["speaker"]) or "\u2014",
                wording,
            ]
        )
    absent = ""
    unlisted = [aid for aid in quote["missing"] if aid not in listed]
    if unlisted:
        names = ", ".join(_outlet(story, aid) for aid in unlisted)
        absent = f'<p class="px-quote-absent">Not carried by {names}.</p>\n'
    flag = ""
    if quote["speakers_differ"]:
        credited = ", ".join(inert(s) for s in quote["speakers"])
        flag = f'<p class="px-flag">\u2691 Credited to different speakers: {credited}.</p>\n'
    quoted = f"\u201c{inert(quote['text'])}\u201d"
    details = flag + stacked_table(["Outlet", "How", "Credited to", "Wording"], rows) + absent
    if folded:
        carried = f"carried by {len(quote['carriers'])} of {plural(len(story.articles), 'outlet')}"
        summary = f'<span class="px-quote">{quoted}</span> <span class="px-fold__count">{carried}</span>'
        return fold(summary, details)
    return f'<p class="px-quote">{quoted}</p>\n' + details + "\n"


def claim_quotes(story: Story, view: ClaimView, here: str, listed: frozenset[str] = frozenset()) -> str:
    """Quotations inside this claim's sentences, and how every outlet carries them; ``listed``
    are the outlets the page lists as not reporting the claim."""
    data = cast("quotes.Data | None", _lens(story, "quotes"))
    if not data:
        return ""
    mine = set(view.claim.sentences)
    found = [q for q in data["quotes"] if any(c["sentence"] in mine for c in q["carriers"])]
    if not found:
        return ""
    parts = ["<h2>Quotations</h2>\n"]
    parts.extend(_quote_rows(story, here, quote, listed=listed) for quote in found)
    return "".join(parts)


def shown_value(value: str) -> str:
    """A figure's canonical value for reading: whole numbers of five digits or more grouped in
    thousands ("310,000,000"); anything else (percentages, shares, decimals) as it is."""
    return f"{int(value):,}" if value.isdigit() and len(value) >= 5 else value


def _figure_rows(
    story: Story, here: str, rows: Sequence[numbers_lens.FigureData], absent: str = "not given"
) -> str:
    """The figures' table; ``absent`` says what a row of an outlet without the figure means (on a
    claim page the figure is missing from the outlet's sentence there, not from its article)."""
    lines = []
    given = {row["value"]: {m["article"] for m in row["mentions"]} for row in rows}
    for row in rows:
        flag = " \u2691 qualified differently" if row["qualifiers_differ"] else ""
        instead = row.get("instead", [])
        if instead:
            flag += " \u2691 other outlets give " + " or ".join(inert(shown_value(v)) for v in instead)
        value = inert(shown_value(row["value"]))
        for mention in row["mentions"]:
            lines.append(
                [
                    value + flag,
                    _sentence_link(story, here, mention["sentence"], _outlet(story, mention["article"])),
                    inert(mention["context"]),
                    inert(mention["qualifier"]) or "exact",
                ]
            )
        for aid in row["missing"]:
            other = [inert(shown_value(v)) for v in instead if aid in given.get(v, ())]
            said = f"gives {' or '.join(other)} instead" if other else absent
            lines.append([value, _outlet(story, aid), said, "\u2014"])
    return stacked_table(["Figure", "Outlet", "As written", "Qualifier"], lines) + "\n"


def claim_numbers(story: Story, view: ClaimView, here: str) -> str:
    data = cast("numbers_lens.Data | None", _lens(story, "numbers"))
    if not data or view.claim.id not in data["claims"]:
        return ""
    rows = data["claims"][view.claim.id]
    return "<h2>Figures</h2>\n" + _figure_rows(story, here, rows, "not in its sentence here")


def claim_reuse(story: Story, view: ClaimView) -> str:
    """A note when outlets stating this fact share their text: they are fewer accounts than outlets."""
    data = cast("reuse.Data | None", _lens(story, "reuse"))
    if not data:
        return ""
    present = set(view.outlets)
    notes = []
    accounts = len(present)
    for group in data["groups"]:
        here = [aid for aid in group if aid in present]
        if len(here) > 1:
            accounts -= len(here) - 1
            notes.append(", ".join(_outlet(story, aid) for aid in here))
    if not notes:
        return ""
    return (
        '<p class="px-reuse-note">Shared text: '
        + "; ".join(notes)
        + f" carry largely the same copy, so this fact rests on {plural(accounts, 'independent account')}"
        + f" from {plural(len(present), 'outlet')}.</p>\n"
    )


# Story page --------------------------------------------------------------------------------


def story_quotes(story: Story, here: str) -> str:
    data = cast("quotes.Data | None", _lens(story, "quotes"))
    if not data or not data["quotes"]:
        return ""
    parts = [
        "<h2>Quotations</h2>\n",
        "<p>Each quoted passage, compared with its longest version: who quotes it word for word, "
        "who trims or changes it, who gives it only in reported speech, and whom each outlet credits. "
        "Open a quotation to see every outlet's wording.</p>\n",
    ]
    # The passages most outlets carry come first, then the longer ones (a few quoted words are
    # often a title or a phrase); ties keep the lens's reading order.
    ranked = sorted(data["quotes"], key=lambda quote: (-len(quote["carriers"]), -len(quote["text"].split())))
    parts.extend(_quote_rows(story, here, quote, folded=True) for quote in ranked[:QUOTE_LIMIT])
    # A quotation one outlet alone carries is on no claim page, but always on its article's page.
    parts.append(_more(len(ranked) - QUOTE_LIMIT, "quotation", "the article pages"))
    return "".join(parts)


def story_attribution(story: Story, here: str) -> str:
    data = cast("attribution.Data | None", _lens(story, "attribution"))
    if not data:
        return ""
    rows = []
    for article in story.articles:
        summary = data["outlets"].get(article.id)
        if summary is None:
            continue
        total = max(summary["sentences"], 1)
        verbs = ", ".join(f"{inert(str(verb))} ({count})" for verb, count in summary["verbs"][:4])
        rows.append(
            [
                inert(article.source.outlet),
                str(summary["sentences"]),
                _percent(summary["attributed"] / total),
                _percent(summary["hedged_share"]),
                str(summary["unattributed"]),
                verbs or "\u2014",
            ]
        )
    parts = [
        "<h2>Attribution and hedging</h2>\n",
        "<p>Whom each outlet's sentences are attributed to and with which verbs, and where it keeps its "
        "distance (\u201callegedly\u201d) or notes missing support "
        "(\u201cwithout providing evidence\u201d).</p>\n",
        table(["Outlet", "Sentences", "Attributed", "Hedged", "No attribution", "Most used verbs"], rows),
        "\n",
    ]
    for article in story.articles:
        summary = data["outlets"].get(article.id)
        if not summary or not summary["hedges"]:
            continue
        hedges = summary["hedges"]
        shown = hedges[:STORY_LIST_LIMIT]
        items = bullet_list(
            f"{_badge('hedge', h['marker'])} {inert(h['kind'])}: "
            + _sentence_link(story, here, h["sentence"], inert(h["phrase"]))
            for h in shown
        )
        title = f"Hedges and distancing: {inert(article.source.outlet)} ({len(hedges)})"
        parts.append(fold(title, items + _more(len(hedges) - len(shown), "hedge", "the article pages")))
    return "".join(parts)


def story_numbers(story: Story, here: str) -> str:
    data = cast("numbers_lens.Data | None", _lens(story, "numbers"))
    if not data:
        return ""
    parts = []
    if data["story"]:
        parts.append("<h2>Figures across outlets</h2>\n")
        parts.append(
            "<p>Percentages and figures of 13 or more that more than one outlet gives anywhere in its "
            "article, with the words around them; \u2691 marks a figure the outlets qualify "
            "differently. Dates and small counts recur for unrelated things across a story, so they "
            "are compared only within a claim, on its page.</p>\n"
        )
        listed = data["story"][:STORY_LIST_LIMIT]
        parts.append(_figure_rows(story, here, listed[:FIRST_SHOWN]))
        if len(listed) > FIRST_SHOWN:
            rest = _figure_rows(story, here, listed[FIRST_SHOWN:])
            parts.append(fold(f"Show {plural(len(listed) - FIRST_SHOWN, 'more figure')}", rest))
        parts.append(_more(len(data["story"]) - STORY_LIST_LIMIT, "figure"))
    vague = [(aid, rows) for aid, rows in data["vague"].items() if rows]
    if vague:
        parts.append("<h2>Amounts without a figure</h2>\n")
        rows = [
            [
                _outlet(story, aid),
                inert(item["text"]) + (" (in a quotation)" if item["quoted"] else ""),
                _sentence_link(story, here, item["sentence"], inert(item["context"])),
            ]
            for aid, items in vague
            for item in items
        ]
        header = ["Outlet", "Amount", "Where"]
        amounts = rows[:STORY_LIST_LIMIT]
        parts.append(stacked_table(header, amounts[:FIRST_SHOWN]))
        if len(amounts) > FIRST_SHOWN:
            rest = stacked_table(header, amounts[FIRST_SHOWN:])
            parts.append(fold(f"Show {plural(len(amounts) - FIRST_SHOWN, 'more amount')}", rest))
        parts.append(_more(len(rows) - STORY_LIST_LIMIT, "amount", "the article pages"))
    return "".join(parts)


def story_names(story: Story, here: str) -> str:
    data = cast("names.Data | None", _lens(story, "names"))
    if not data or not data["variants"]:
        return ""
    rows = []
    for variant in data["variants"]:
        spellings, outlets, examples = [], [], []
        for spelling in variant["spellings"]:
            name = inert(spelling["spelling"])
            example = spelling["example"]
            where = inert(example["context"])
            if example["sentence"]:
                where = _sentence_link(story, here, example["sentence"], where)
            else:
                where += " (caption)"
            spellings.append(strong(name))
            outlets.append(f"{name}: " + ", ".join(_outlet(story, aid) for aid in spelling["articles"]))
            examples.append(f"{name}: {where}")
        rows.append([" / ".join(spellings), " \u00b7 ".join(outlets), " \u00b7 ".join(examples)])
    return (
        "<h2>Spellings of names</h2>\n"
        "<p>One person or place spelled differently across outlets.</p>\n"
        + stacked_table(["Spellings", "Who writes which", "Examples"], rows)
        + "\n"
    )


def story_coverage(story: Story, here: str) -> str:
    data = cast("coverage.Data | None", _lens(story, "coverage"))
    if not data:
        return ""
    rows = []
    spots = []
    for article in story.articles:
        outlet = data["outlets"].get(article.id)
        if outlet is None:
            continue
        rows.append(
            [
                inert(article.source.outlet),
                str(outlet["claims"]),
                str(len(outlet["alone"])),
                str(len(outlet["blind_spots"])),
            ]
        )
        if outlet["blind_spots"]:
            found = outlet["blind_spots"]
            shown = found[:STORY_LIST_LIMIT]
            title = f"Not matched in {inert(article.source.outlet)} ({plural(len(found), 'fact')})"
            body = bullet_list(_claim_link(story, here, cid) for cid in shown)
            spots.append(fold(title, body + _more(len(found) - len(shown), "blind spot")))
    parts = [
        "<h2>What each outlet alone reports, and what it was not matched to</h2>\n",
        "<p>Blind spots are facts at least half of the other outlets report and that no sentence of "
        "this outlet's article was matched or even related to. The matching prefers missing a link "
        "to making a wrong one, so an outlet may state such a fact in words too different to match: "
        "check its article (its unmatched sentences are in grey) before calling it a gap. Open an "
        "outlet's list to see them.</p>\n",
        table(["Outlet", "Shared facts it states", "Facts it alone reports", "Blind spots"], rows),
        "\n",
        *spots,
    ]
    headlines = data["headlines"]
    if headlines["reference"] and len(headlines["rows"]) > 1:
        reference = story.article(headlines["reference"])
        parts.append("<h3>Headlines compared</h3>\n")
        parts.append(
            f"<p>Each headline against the most typical one ({inert(reference.source.outlet)}\u2019s).</p>\n"
        )
        # A headline with too few words in common for a readable diff is shown as written, as a
        # claim page shows such a phrasing.
        lines = [
            [
                _outlet(story, row["article"]),
                diff_html(_ops(row["diff"]))
                if row["article"] != headlines["reference"] and row["similarity"] >= DIFFABLE_SIMILARITY
                else inert(story.article(row["article"]).headline),
                _percent(row["similarity"]),
            ]
            for row in headlines["rows"]
        ]
        parts.append(stacked_table(["Outlet", "Headline", "Words in common"], lines) + "\n")
    return "".join(parts)


def story_reuse(story: Story) -> str:
    data = cast("reuse.Data | None", _lens(story, "reuse"))
    if not data or len(data["articles"]) < 2:
        return ""
    ids = data["articles"]
    header = ["This outlet\u2019s text is also carried by:", *(_outlet(story, aid) for aid in ids)]
    levels = {}
    for pair in data["pairs"]:
        levels[(pair["a"], pair["b"])] = levels[(pair["b"], pair["a"])] = pair["level"]
    rows = []
    for i, aid in enumerate(ids):
        cells = [_outlet(story, aid)]
        for j, bid in enumerate(ids):
            if i == j:
                cells.append("\u2014")
                continue
            level = levels[(aid, bid)]
            mark = f" {strong(_LEVEL[level])}" if level != "independent" else ""
            cells.append(
                f"{_percent(data['reuse'][i][j])} ({_percent(data['verbatim'][i][j])} verbatim){mark}"
            )
        rows.append(cells)
    thresholds = data["thresholds"]
    parts = [
        "<h2>Text reuse</h2>\n",
        "<p>Read along a row: how much of that outlet's article each outlet in the columns also carries. "
        "Sentences close "
        "enough to be one text edited "
        f"(at least {_percent(thresholds['sentence_match'])} of words in common) "
        "count their shared words; words inside runs of eight shared words in a row count as verbatim "
        "(in brackets); the share shown is the larger of the two. "
        f"A pair is marked <strong>reprint</strong> from {_percent(thresholds['reprint'])} and "
        f"<strong>shared copy</strong> from {_percent(thresholds['shared_copy'])} in either direction.</p>\n",
        '<div class="px-scroll px-reuse">\n',
        table(header, rows),
        "</div>\n",
    ]
    if data["groups"]:
        groups = "; ".join(", ".join(_outlet(story, aid) for aid in group) for group in data["groups"])
        parts.append(
            f"<p>Outlets sharing their copy: {groups}. Each such group counts as one account, so these "
            f"{plural(len(ids), 'outlet')} amount to {plural(data['accounts'], 'independent account')}.</p>\n"
        )
    return "".join(parts)
