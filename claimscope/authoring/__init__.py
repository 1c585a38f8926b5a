"""Drafting a reader's own document: from converted text to a document folder that
loads and passes validation as it is (README, "Your own document")."""
