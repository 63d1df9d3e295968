"""Bytes to a checked nomination: decoding, front matter, loader, schema, domain rules, problems."""
