"""ClaimScope's pure core: data loading and validation, the projection model, checks.

Nothing in this package imports Streamlit; the UI in `components/` and `pages/` only draws
what these functions return.
"""
