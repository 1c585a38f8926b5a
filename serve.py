"""ClaimScope's server entry point: `streamlit run serve.py` serves app.py, warmed first.

A freshly started Streamlit server does nothing until its first reader arrives; that
reader's run then imports pandas, plotly and the core and loads the document (about a
second of CPU on this 2-core machine, several seconds of wall time when a dozen readers
arrive at once, each of them waiting on the import lock and the bundle's cache). Here the
server does that once in its lifespan, before it answers its health check, so no reader
pays for it. `streamlit run app.py` still works (and AppTest runs app.py): unwarmed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from components.warm import warm


@asynccontextmanager
async def _lifespan(_: st.App) -> AsyncIterator[None]:
    await asyncio.to_thread(warm)
    yield


app = st.App("app.py", lifespan=_lifespan)
