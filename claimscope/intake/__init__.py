"""Bringing a reader's file in as plain text: `convert(name, data)` turns Markdown, plain
text, PDF, Word (.docx) or HTML into the text ClaimScope examines, with its sha256, or
raises one `IntakeError` whose message a reader can act on. Only text is kept: images,
embedded files and markup never leave the converter. README, "Your own document",
lists the limits."""

from claimscope.intake.convert import LIMITS, Converted, Limits, convert
from claimscope.intake.errors import IntakeError

__all__ = ["LIMITS", "Converted", "IntakeError", "Limits", "convert"]
