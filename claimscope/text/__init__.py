"""Numbers and words: writing numbers for people, units, the one template language,
Markdown made inert. Imports nothing else of the core, so every sub-package may use it."""
