"""A document folder's files: each file's schema, loading and validation (the catalogue,
inputs, references, sources, the sentence, page configuration, coverage of the text)."""
