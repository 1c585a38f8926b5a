"""The invented documents the tests load besides the shipped one, for unit, AppTest and
browser tests alike (this module imports no browser driver, so unit tests load without
Playwright)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# A second document with its own formula (a rate × residents × completeness) and pages.
CLINIC_DOCUMENT = FIXTURES / "fixture-clinic-2024"
# A document on another subject: its own units (a count, pounds) and categories, and
# none of the optional files; README's worked example of adding a document.
FLYTIPPING_DOCUMENT = FIXTURES / "fixture-flytipping-2025"
