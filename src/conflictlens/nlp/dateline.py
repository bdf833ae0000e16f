"""News datelines ("KYIV, 17 October 2022 -- ...", "KYIV, April 28 (Reuters) - "): where and when a report was filed.

Wire copy and many plain-text reports open with a dateline, often right under a headline, or carry a line with only
a date under the byline.  Its place is where the reporter was, not where anything happened, and its date is the one
relative dates ("on Monday", "overnight") are written against: the stage records the dateline's span
(``meta["dateline"]``) so that the event stages skip its place and date, and when the input carries no publication
date it takes the dateline's (only a full one, with a year) and says so in ``warnings``.
"""

from __future__ import annotations

import re

from conflictlens.document import Document
from conflictlens.nlp.dates import find_dates

_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:\([A-Za-z .]+\))?,\s+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+)?)?"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–|-|:|\()"
)
# a wire dateline without a year, on the first line or the one after a headline: "KYIV, April 28 (Reuters) - ",
# "KYIV (AP) -- ", "DNIPRO, Ukraine, 5 June -- "
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    r"(?:,?\s+(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}))?(?:\s+\([A-Za-z .]+\))?\s*(?:--|—|–|-)\s"
)
# a line near the top that is only a date, as pasted articles carry it ("June 29, 2023", "Published 29 June 2023 10:15")
_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Published|Updated|Posted)(?: on)?:?\s+)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE,
)


class DatelineReader:
    """Records a leading dateline (``meta["dateline"]``: its start and end) and, when the document has no publication
    date, sets ``doc.published`` from it.  The dateline opens the text or the line after a one-line headline; without
    one, a line near the top that is only a date ("June 29, 2023" under a headline and byline) stands for it."""

    name = "dateline"

    def __call__(self, doc: Document) -> None:
        starts = _line_starts(doc.text)
        for start in starts:
            m = _DATELINE.match(doc.text, start, start + 160)
            if m:
                break
        else:
            for start in starts:
                wire = _WIRE_DATELINE.match(doc.text, start)
                if wire is not None:  # where the report was filed: no place and no date of an event
                    doc.meta["dateline"] = (wire.start(), wire.end())
                    return
            # "June 29, 2023" alone on a line under the headline (a one-line note has no such line)
            m = _DATE_LINE.search(doc.text, 0, 600) if "\n" in doc.text[:600] else None
            if m is None:
                return
        doc.meta["dateline"] = (m.start(), m.end())  # the filing date is not the date of any event
        if doc.published is not None:
            return
        found = find_dates(m.group("date"), None)
        if found and found[0].attrs.get("precision") == "day" and found[0].attrs.get("start") is not None:
            doc.published = found[0].attrs["start"]
            doc.warn(f"publication date {doc.published.isoformat()} taken from the dateline")


def _line_starts(text: str) -> tuple[int, ...]:
    """Where a dateline may start: the text, and the next line with text after a first line (a headline)."""
    first_end = text.find("\n", 0, 300)
    if first_end < 0:
        return (0,)
    rest = text[first_end : first_end + 100]
    return (0, first_end + len(rest) - len(rest.lstrip()))
