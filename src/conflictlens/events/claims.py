"""Claims: quoted statements with their speaker and date, and reported accusations.

“We will intensify the attacks...,” Putin declared on Monday -> speaker "Vladimir Putin" (short names resolve to the
full name used earlier in the report; "he"/"she" to the last person named), date Monday.  Statements are what a report
attributes to someone; they are kept apart from events, so threats and opinions never become incidents.
"""

from __future__ import annotations

import re

from conflictlens.document import Document, Span
from conflictlens.model import Claim, DateSpan, Evidence
from conflictlens.nlp.lexicon import word_list

_VERBS = (
    r"said|says|stated|states|declared|declares|remarked|told|added|noted|wrote|warned|claimed|insisted|stressed|"
    r"mentioned|explained|announced|asked|replied|argued|pledged|vowed"
)
_PERSON = r"(?:[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){0,2})"
# a title or role before a name: "air force spokesman Yurii Ihnat told reporters"
_TITLE_WORDS = r"(?:(?:[a-z]+\s+){1,3}(?=[A-Z]))?"
_ROLE_WHO = (
    r"[Tt]he (?:[a-z]+ ){0,2}(?:governor|mayor|minister|spokes(?:man|woman|person)|commander|president|head|official)"
)
_AFTER = re.compile(
    rf"^[,\s]*{_TITLE_WORDS}(?P<who>{_PERSON}|he|she|they|the \w+(?: \w+)?)\s+(?:also\s+)?(?P<verb>{_VERBS})\b"
)
_AFTER_INV = re.compile(rf"^[,\s]*(?P<verb>{_VERBS})\s+(?P<who>{_PERSON})\b")
_BEFORE = re.compile(
    rf"(?P<who>{_PERSON}|He|She|he|she|{_ROLE_WHO})\s+(?:{_VERBS})(?:\s+(?:on|in|via)\s+(?:a\s+)?\w+)?(?:\s+that)?[:,]?\s*$"
)
# at every capitalised word (overlapping): "Mayor Andriy Sadovyi" holds "Andriy Sadovyi" after the title
_FULL_NAME = re.compile(r"\b(?=([A-Z][a-z\-]+ [A-Z][a-z\-]+)(?:’s|'s)?\b)")
_NOT_NAMES = frozenset(word_list("not_person_words.txt"))
_SUBJECT = re.compile(rf"(?P<who>{_PERSON}|He|She)(?:,\s+[^,\"“”]{{3,80}},)?\s+(?:also\s+)?(?:{_VERBS}|\w+ed)\b")
# "A spokesman for Ukraine's military, Dmytro Lykhovyi, said ...": the role first, the name in apposition
_ROLE_SUBJECT = re.compile(rf"(?:An?|The)\s+[^,\"“”]{{3,60}},\s+(?P<who>{_PERSON}),\s+(?:also\s+)?(?:{_VERBS})\b")
_ACCUSE = re.compile(rf"\b(?P<who>{_PERSON})\s+accused\s+(?P<what>[^.;]+)")


def _people(doc: Document) -> list[tuple[int, str]]:
    """Mentions of people in text order, each with the full name it refers to ("Putin" -> "Vladimir Putin")."""
    places = [(p.start, p.end) for p in doc.layer("place")]
    full: list[tuple[int, str]] = []
    taken = -1  # end of the last name kept: a name's own last word starts no other
    for m in _FULL_NAME.finditer(doc.text):
        name = m.group(1)
        first, last = name.split(" ", 1)
        if m.start(1) < taken or first in _NOT_NAMES or last in _NOT_NAMES:
            continue
        if any(s <= m.start(1) < e for s, e in places):
            continue
        full.append((m.start(1), name))
        taken = m.start(1) + len(name)
    by_last = {name.split()[-1]: name for _, name in full}
    mentions = list(full)
    if by_last:
        rx = re.compile(r"\b(" + "|".join(re.escape(k) for k in by_last) + r")\b")
        for m in rx.finditer(doc.text):
            if not any(s <= m.start() < s + len(n) for s, n in full):
                mentions.append((m.start(), by_last[m.group(1)]))
    return sorted(mentions)


def _resolve(who: str, pos: int, people: list[tuple[int, str]]) -> str:
    earlier = [name for start, name in people if start < pos]
    if who.lower() in ("he", "she", "they"):
        return earlier[-1] if earlier else who
    for name in reversed(earlier + [n for _, n in people]):
        if name.split()[-1] == who.split()[-1]:
            return name
    return who


class ClaimExtractor:
    """Pipeline stage: adds ``doc.meta['claims']`` (quoted statements and accusations with speaker and date)."""

    name = "claims"

    def __call__(self, doc: Document) -> None:
        text = doc.text
        if not doc.layer("quote") and "accused" not in text:
            doc.meta["claims"] = []
            return
        people = _people(doc)
        claims: list[Claim] = []
        sentences = doc.sentences
        for q in doc.layer("quote"):
            if q.attrs.get("single"):
                continue  # 'titles' and slogans in single quotes are not statements
            inner_start, inner_end = q.attrs["inner"]
            words = text[inner_start:inner_end].strip(" ,.")
            if len(words.split()) < 3:
                continue  # a scare-quoted word ("record"), not a statement
            sent = next((s for s in sentences if s.start <= q.start < s.end), None)
            s_start, s_end = (sent.start, sent.end) if sent else (q.start, q.end)
            who, where = None, q.end
            m = _AFTER.match(text[q.end : s_end]) or _AFTER_INV.match(text[q.end : s_end])
            if m:
                who, where = m.group("who"), q.end + m.end()
            else:
                m2 = _BEFORE.search(text[s_start : q.start])
                if m2:
                    who = m2.group("who")
                else:
                    # "... that any Russian proposal “...”": the subject of the sentence, after its apposition
                    # ("Mykhailo Podolyak, an adviser to the president, said Ukraine had “...”")
                    m3 = _SUBJECT.match(text, s_start, q.start) or _ROLE_SUBJECT.match(text, s_start, q.start)
                    who = m3.group("who") if m3 else None
            speaker = _resolve(who, q.start, people) if who else None
            date = self._date(doc, q.end, s_end)
            claims.append(
                Claim(
                    speaker=speaker,
                    text=words,
                    date=date[0],
                    evidence=[Evidence(field="text", start=inner_start, end=inner_end)]
                    + ([Evidence(field="date", start=date[1].start, end=date[1].end)] if date[1] else []),
                )
            )
            del where
        for sent in sentences:
            for m in _ACCUSE.finditer(text, sent.start, sent.end):
                who = m.group("who")
                what = m.group("what").strip()
                what = re.sub(r"^(\w+) of (\w+ing)\b", lambda mm: f"{mm.group(1)} {mm.group(2)[:-3]}ed", what)
                claims.append(
                    Claim(
                        speaker=who,
                        text=what,
                        date=self._date(doc, m.start("what"), m.end("what"))[0],
                        evidence=[Evidence(field="text", start=m.start("what"), end=m.end("what"))],
                    )
                )
        doc.meta["claims"] = claims

    @staticmethod
    def _date(doc: Document, start: int, end: int) -> tuple[DateSpan, Span | None]:
        for d in doc.spans_in("date", start, end):
            return (
                DateSpan(
                    start=d.attrs.get("start"),
                    end=d.attrs.get("end"),
                    precision=d.attrs.get("precision", "unknown"),
                    text=doc.text[d.start : d.end],
                ),
                d,
            )
        return DateSpan(), None
