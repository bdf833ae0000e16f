"""Publication date from a news dateline ("KYIV, 17 October 2022 -- ...") when the input carries none.

Wire copy and many plain-text reports open with a dateline; it is the date the report was filed, which is what
relative dates ("on Monday", "overnight") are written against.  The stage only runs when no publication date was
given, and says in ``warnings`` that it took the date from the dateline.
"""

from __future__ import annotations

import re

from conflictlens.document import Document
from conflictlens.nlp.dates import find_dates

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:\([A-Za-z .]+\))?,\s+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+)?)?"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\s*(?:--|—|–|-|:|\()"
)


class DatelineReader:
    """Records a leading dateline (``meta["dateline_end"]``) and, when the document has no publication date, sets
    ``doc.published`` from it."""

    name = "dateline"

    def __call__(self, doc: Document) -> None:
        m = _DATELINE.match(doc.text[:160])
        if not m:
            return
        doc.meta["dateline_end"] = m.end()  # the filing date is not the date of any event
        if doc.published is not None:
            return
        found = find_dates(m.group("date"), None)
        if found and found[0].attrs.get("precision") == "day" and found[0].attrs.get("start") is not None:
            doc.published = found[0].attrs["start"]
            doc.warn(f"publication date {doc.published.isoformat()} taken from the dateline")
