"""The live model anywhere: the assumption panel's browser files (`assets/`), put together
for the app, for a downloaded report and for a page of its own, and the embed view's
choices (which assumptions, which document, the `<iframe>` snippet)."""
