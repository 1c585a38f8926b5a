"""ClaimScope's pure core: everything but drawing. Nothing in this package imports Streamlit.

Sub-packages, one concern each, each importing only those before it in this list
(docs/architecture.md, "Sub-packages"): `text/` numbers and words, `files/` a document
folder's files, `model/` the model and its printers, `uncertainty/` ranges and the Monte
Carlo, `context/` the context pages' arithmetic, `link/` what a link carries, then
`bundle.py`, which loads one document folder into everything the pages read, `views/`
what a page shows and `charts/` the figures.
"""
