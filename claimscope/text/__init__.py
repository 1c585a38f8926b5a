"""Numbers and words: writing numbers for people, the template language, Markdown escaping,
the document's sentence, highlighting, linked data and citations."""
