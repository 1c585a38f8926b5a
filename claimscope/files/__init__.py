"""A document folder's files: each file's schema, loading and validation (the catalogue,
inputs, references, sources, page configuration, coverage of the text)."""
