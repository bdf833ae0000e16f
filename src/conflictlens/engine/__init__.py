"""Batch engines: run the one pipeline over many documents (local worker processes now; Ray later)."""
