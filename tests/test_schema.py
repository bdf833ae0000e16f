"""The shipped JSON Schema and the contract in ../shared/spec agree."""

from __future__ import annotations

import json

from conflictlens.model import SUB_EVENT_TYPES
from conflictlens.schema import document_schema

from support import shared_path


def test_generated_schema_validates_a_result(pipeline) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    result = pipeline.run_text("On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed.", doc_id="x")
    jsonschema.validate(result.to_json_dict(), document_schema())


def test_enums_match_the_shared_contract() -> None:
    spec = json.loads(shared_path("spec", "event.schema.json").read_text(encoding="utf-8"))
    event = spec["properties"]["events"]["items"]["properties"]
    spec_types = set(event["event_type"]["enum"])
    assert spec_types == set(SUB_EVENT_TYPES)
    spec_subs = {s for s in event["sub_event_type"]["enum"] if s}
    assert spec_subs == {s for subs in SUB_EVENT_TYPES.values() for s in subs}
    assert spec["$defs"]["sub_event_types_by_type"]["const"] == {k: list(v) for k, v in SUB_EVENT_TYPES.items()}
    ours = document_schema()
    ev = ours["$defs"]["Event"]["properties"]
    assert set(ev) >= set(event)


def test_every_example_and_the_seed_validate_against_the_shared_contract(pipeline) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import jsonschema

    from conflictlens.document import Document
    from conflictlens.ingest import iter_documents
    from conflictlens.model import DocumentFailure

    from support import REPO

    spec = json.loads(shared_path("spec", "event.schema.json").read_text(encoding="utf-8"))
    seed = shared_path("seed", "kyiv-strikes.txt").read_text(encoding="utf-8")
    docs = [Document(id="kyiv-strikes", text=seed, published=dt.date(2024, 1, 2))]
    docs += [d for d in iter_documents([str(REPO / "examples" / "reports")]) if not isinstance(d, DocumentFailure)]
    assert len(docs) > 20
    ours = document_schema()
    for doc in docs:
        out = pipeline.run(doc).to_json_dict()
        jsonschema.validate(out, spec)
        jsonschema.validate(out, ours)
