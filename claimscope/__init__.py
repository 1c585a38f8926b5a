"""ClaimScope's pure core: everything but drawing. Nothing in this package imports Streamlit.

Sub-packages, one concern each (docs/architecture.md walks through them):
`files/` a document folder's files, `model/` the model and its printers, `text/` numbers
and words, `link/` what a link carries, `uncertainty/` ranges and the Monte Carlo,
`context/` the context pages' arithmetic, `views/` what a page shows, `charts/` figures.
`bundle.py` loads one document folder into everything the pages read.
"""
