"""The JSON Schema of one ``conflictlens extract`` output line, generated from the pydantic models.

The project ships its own schema (``conflictlens schema``); tests check it against ``shared/spec/event.schema.json``
where that file is present.
"""

from __future__ import annotations

from typing import Any

from conflictlens.model import DocumentResult


def document_schema() -> dict[str, Any]:
    schema = DocumentResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "conflictlens document result"
    return schema
