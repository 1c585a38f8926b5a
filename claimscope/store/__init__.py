"""What ClaimScope keeps: readers' saved scenarios and (next) their documents, in a real
database through SQLAlchemy 2 — SQLite in `var/` beside the app by default, PostgreSQL
(psycopg 3) when `CLAIMSCOPE_DATABASE_URL` names one, which is what replicas share.

`database` opens the one store of a process and creates or migrates its schema (Alembic
revisions in `migrations/`, run by the app itself); `scenarios` and `documents` read and
write in transactions, so a killed save leaves no half record. Nothing here imports
Streamlit; the store knows owners only by an unguessable token the browser keeps.
"""
