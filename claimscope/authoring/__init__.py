"""Drafting a reader's own document: from converted text to a document folder that
loads and passes validation as it is (README, "Your own document")."""

from claimscope.authoring.draft import DraftError, draft_files, write_draft
from claimscope.authoring.places import context_for, quote_for, sentence_around

__all__ = ["DraftError", "context_for", "draft_files", "quote_for", "sentence_around",
           "write_draft"]
