"""Readers that turn user inputs (text, HTML, JSON Lines files, directories, stdin) into checked documents."""

from conflictlens.ingest.language import check_english, detect_language
from conflictlens.ingest.readers import document_from_text, iter_documents, parse_published, read_document

__all__ = [
    "check_english",
    "detect_language",
    "document_from_text",
    "iter_documents",
    "parse_published",
    "read_document",
]
