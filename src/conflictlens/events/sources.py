"""Who reports an incident: officials with role and channel, and unnamed sources.

"The mayor of Kyiv, Vitali Klitschko, reported on the Telegram messaging app" -> name "Vitali Klitschko", role
"Mayor of Kyiv", channel "Telegram"; "local officials claimed" -> "local officials"; "Kyiv also reported" ->
"Ukraine (government)".  Names of people are two or three capitalised words next to a role or a reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictlens.document import Document

VERBS = (
    r"said|says|reported|reports|claimed|claims|stated|announced|wrote|posted|confirmed|told|declared|accused|added|"
    r"noted"
)
_NAME = r"(?:[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2})"
_ROLE = (
    r"(?:(?:Russian|Moscow)-installed |pro-Russian )?"
    r"(?:regional |city |local |district |military |deputy )?(?:mayor|governor|head|chief|spokesperson|spokesman|"
    r"spokeswoman|commander-in-chief|commander|minister|prosecutor|official|administrator|ombudsman|president|"
    r"prime minister)"
    r"(?: of (?:the )?(?:[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)*|[a-z]+ [a-z]+ administration|region|city|oblast|"
    r"district|republic))?"
)
_CHANNEL = re.compile(
    r"\b(?:on|via|in a post on|in a statement on)\s+(?:the\s+|his\s+|her\s+)?(Telegram|Facebook|Twitter|X|Viber|"
    r"Instagram|YouTube|television|TV)\b"
)
_TITLE = r"(?:Mayor|Governor|President|Prime Minister|Minister|Commander|Prosecutor|Ombudsman|Spokesman|Spokeswoman)"
# ("an adviser to President Volodymyr Zelenskiy, said": the adviser speaks, not the president)
_ROLE_NAME = re.compile(
    rf"(?<!\bto )(?<!\bfor )\b(?:The |the )?(?P<role>{_ROLE}|{_TITLE}),?\s+(?P<name>{_NAME}),?\s+(?:also\s+)?"
    rf"(?:{VERBS})\b"
)
_NAME_ROLE = re.compile(rf"\b(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>{_ROLE}),\s+(?:also\s+)?(?:{VERBS})\b")
# "Mykhailo Podolyak, an adviser to President Volodymyr Zelenskiy, said"
_NAME_AIDE = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:an?\s+|the\s+)?(?P<role>(?:senior |top |chief )?(?:adviser|advisor|aide|"
    rf"assistant|spokes(?:man|woman|person)) (?:to|for|of) (?:the\s+)?(?:{_TITLE}\s+)?[A-Z][\w’'\-]+"
    rf"(?:\s+[A-Z][\w’'\-]+){{0,3}}),\s+(?:also\s+)?(?:{VERBS})\b"
)
_GROUP = re.compile(
    rf"\b(?P<name>(?:local |regional |Ukrainian |Russian |city |military |police )?(?:officials|authorities|"
    rf"residents|witnesses|police|prosecutors|emergency services|rescuers|medics|doctors|health officials|"
    rf"hospital officials)|(?:a |the )?local resistance committees?|(?:the )?(?:Ukrainian )?Air Force|"
    # "the regional military administration reported", "the city council said"
    rf"(?:the )?(?:regional |oblast |city |district |local )?(?:military |state )?"
    rf"(?:administration|council|governor's office|prosecutor's office)|"
    rf"(?:the )?General Staff(?: of the Armed Forces of Ukraine)?|"
    rf"(?:the )?(?:Russian |Ukrainian |Russia's |Ukraine's )?(?:[Dd]efen[cs]e|[Ii]nterior) [Mm]inistry|"
    rf"(?:the )?Ministry of Defen[cs]e(?: of \w+)?|"
    rf"(?:the )?(?:Ukrainian|Russian) (?:military|army|armed forces|air force))\s+(?:also\s+)?(?:{VERBS})\b"
)
_GOVERNMENT = re.compile(rf"\b(?P<name>Kyiv|Kiev|Ukraine|Moscow|Russia)\s+(?:also\s+)?(?:{VERBS})\b")
_ACCORDING_ROLE = re.compile(rf"\b[Aa]ccording to (?:the\s+)?(?P<role>{_ROLE}),?\s+(?P<name>{_NAME})")
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?:the\s+)?(?P<name>{_NAME}|[a-z]+ (?:officials|authorities|sources)|"
    rf"[A-Z][\w ]{{2,40}}?)(?=[,.;]|$)"
)
_GOVERNMENT_NAME = {
    "Kyiv": "Ukraine (government)",
    "Kiev": "Ukraine (government)",
    "Ukraine": "Ukraine (government)",
    "Moscow": "Russia (government)",
    "Russia": "Russia (government)",
}


_ANY_CUE = re.compile(rf"\b(?:{VERBS}|[Aa]ccording to)\b")
# a word every match of ``_ANY_CUE`` contains (a reporting verb, "ccording to"): most texts have none of them, and a
# few substring tests of a whole text cost less than searching the pattern in each of its sentences
_CUE_WORDS = (*VERBS.split("|"), "ccording to")


def may_name_sources(text: str) -> bool:
    """Whether ``text`` may name a source (:func:`read_sources` finds none in a text without a reporting cue)."""
    for word in _CUE_WORDS:  # noqa: SIM110 (a loop costs less than any() of a generator)
        if word in text:
            return True
    return False


@dataclass(slots=True)
class SourceReading:
    name: str
    role: str | None
    channel: str | None
    start: int
    end: int


def read_sources(doc: Document, start: int, end: int) -> tuple[list[SourceReading], list[tuple[int, int]]]:
    """Sources named in ``doc.text[start:end]`` (usually one sentence), and the spans of capital-city names used as a
    government there ("Kyiv also reported"), which are not places; both need a reporting cue, looked for once."""
    text = doc.text[start:end]
    out: list[SourceReading] = []
    if not _ANY_CUE.search(text):
        return out, []
    channel_m = _CHANNEL.search(text)
    channel = channel_m.group(1) if channel_m else None
    for rx in (_ROLE_NAME, _NAME_ROLE, _NAME_AIDE, _ACCORDING_ROLE):
        for m in rx.finditer(text):
            role = m.group("role")
            role = role[0].upper() + role[1:]
            out.append(SourceReading(m.group("name"), role, channel, start + m.start(), start + m.end()))
    for m in _GROUP.finditer(text):
        if not any(s.start <= start + m.start() < s.end for s in out):
            out.append(SourceReading(m.group("name").strip(), None, channel, start + m.start(), start + m.end()))
    metonyms = []
    for m in _GOVERNMENT.finditer(text):
        out.append(SourceReading(_GOVERNMENT_NAME[m.group("name")], None, channel, start + m.start(), start + m.end()))
        metonyms.append((start + m.start("name"), start + m.end("name")))
    for m in _ACCORDING.finditer(text):
        if not any(s.start <= start + m.start() < s.end for s in out):  # not already read with its role
            out.append(SourceReading(m.group("name").strip(), None, channel, start + m.start(), start + m.end()))
    return out, metonyms
