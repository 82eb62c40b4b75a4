"""A small paraphrase layer: words news writers use interchangeably for one idea.

Outlets rewriting the same report swap verbs and nouns for near synonyms
("blaze" for "fire", "dispatched" for "sent", "ousted" for "removed") and name
countries by their adjective ("Iranian" for "Iran"). Each group below is one
idea; every form of it is compared as the group's first word. The groups are
general newsroom vocabulary, never the words of one story, and deliberately
narrow: two words join only when swapping them keeps the sentence's fact.
"""

from __future__ import annotations

import re

_GROUPS = """
fire fires blaze blazes flames inferno
injure injured injures injuring injury injuries hurt hurting wounded wound wounds harmed
kill killed kills killing dead death deaths die died dies dying fatalities fatal
nobody noone
evacuate evacuated evacuates evacuating evacuation evacuations
home homes house houses residences
resident residents locals inhabitants
close closed closes closing closure closures shut shuts shutting
start started starts starting began begin begins beginning
company companies firm firms business businesses corporation
buy buys bought buying purchase purchased purchases purchasing acquire acquired acquisition
sell sells sold selling sale sales
send sends sent sending dispatch dispatched deploy deployed deploys deploying
remove removed removes oust ousted ousts topple toppled topples unseat unseated
vote votes voted voting ballot
back backed backing support supported supports supporting endorse endorsed
election elections electoral
investigate investigated investigates investigation investigations investigator investigators probe probes
investigate inquiry inquiries
charge charged charges indict indicted indictment
deny denied denies denying reject rejected rejects rejecting
accuse accused accuses accusing accusation accusations allege alleged allegation allegations
rise rose risen rises rising increase increased increases increasing grow grew grown growth climb climbed
fall fell fallen falls falling drop dropped drops decline declined declines decrease decreased
fall cut cuts reduce reduced reduces reduction
study studies research
patient patients participant participants volunteers
drug drugs medicine medicines medication medications treatment treatments therapy therapies
approve approved approves approval authorise authorised authorize authorized authorisation authorization
cost costs price prices pricing priced
meet meets met meeting meetings talks consultations consult
nominate nominated nominates nomination nominee nominees
boss manager coach
deal deals agreement agreements
protest protests protested protesters protestors demonstration demonstrations demonstrators rally rallies
pay paid pays paying fund funded funds funding finance financed financing sponsor sponsored
employ employs employed employee employees staff workers worker
huge large major massive big
small little minor
children kids
cause causes caused
return returned returns returning restore restored restores restoring resume resumed resumes
effect effects impact
weapon weapons arms munitions armaments
arrest arrested arrests arresting detain detained detains detaining detention
plan plans planned planning intend intends intended intending
help helps helped helping assist assists assisted assisting aid aids aided aiding
role roles involvement
violate violates violated violating violation violations breach breaches breached
ban bans banned embargo embargoes prohibition
"""


def _table(groups: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in groups.strip().splitlines():
        forms = line.split()
        for form in forms:
            table.setdefault(form, forms[0])
    return table


SYNONYMS = _table(_GROUPS)

# Two-word names compared as one word; outlets pick any of the spellings below.
_TWO_WORD_NAMES = (
    (("united", "states"), "america"),
    (("united", "kingdom"), "britain"),
    (("united", "nations"), "un"),
    (("european", "union"), "eu"),
    (("no", "one"), "nobody"),
)
# A capital stands for its government in news copy ("Washington said", "talks
# with Tehran"); the table covers capitals that routinely stand in that way.
_CAPITALS = {
    "washington": "america",
    "london": "britain",
    "moscow": "russia",
    "kremlin": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "beijing": "china",
    "tehran": "iran",
    "paris": "france",
    "berlin": "germany",
    "tokyo": "japan",
    "jerusalem": "israel",
    "ankara": "turkey",
    "brussels": "eu",
}
_COUNTRY_WORDS = {
    **_CAPITALS,
    "america": "america",
    "britain": "britain",
    "us": "america",
    "u.s": "america",
    "usa": "america",
    "u.s.a": "america",
    "american": "america",
    "americans": "america",
    "uk": "britain",
    "u.k": "britain",
    "british": "britain",
    "britons": "britain",
    "russia": "russia",
    "russian": "russia",
    "russians": "russia",
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "china": "china",
    "chinese": "china",
    "iran": "iran",
    "iranian": "iran",
    "iranians": "iran",
    "france": "france",
    "french": "france",
    "germany": "germany",
    "german": "germany",
    "germans": "germany",
    "japan": "japan",
    "japanese": "japan",
    "israel": "israel",
    "israeli": "israel",
    "israelis": "israel",
    "turkey": "turkey",
    "turkish": "turkey",
    "korea": "korea",
    "korean": "korea",
    "eu": "eu",
}


_PHRASES = dict(_TWO_WORD_NAMES)


def join_phrases(words: list[str]) -> list[str]:
    """Words with fixed two-word names ("United States", "no one") fused into one."""
    joined: list[str] = []
    position = 0
    while position < len(words):
        replacement = (
            _PHRASES.get((words[position], words[position + 1])) if position + 1 < len(words) else None
        )
        if replacement:
            joined.append(replacement)
            position += 2
        else:
            joined.append(words[position])
            position += 1
    return joined


def country(word: str) -> str | None:
    """One spelling for a country's abbreviations ("US", "U.S.") and nationality words."""
    return _COUNTRY_WORDS.get(word.lower().rstrip("."))


def demonym_key(word: str) -> str:
    """A key shared by a place name and its adjective ("Iran"/"Iranian", "Russia"/"Russians").

    Strips a nationality suffix and trailing vowels; only used for capitalised
    words, where such a collision is almost always the same place.
    """
    lowered = word.lower()
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    for suffix in ("ians", "ian", "ans", "an", "ese", "ish"):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 4:
            lowered = lowered[: -len(suffix)]
            break
    else:
        if lowered.endswith("s") and not lowered.endswith("ss"):
            lowered = lowered[:-1]
    return re.sub(r"[aeiouy]+$", "", lowered) or lowered
