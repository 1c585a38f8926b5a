"""Examine your own document (/yours): bring a text, decide on every number in it, write
the model from a shape, watch it move, and keep or share it (README, "Your own
document"). One step is drawn at a time, so a long document's page stays quick."""

from __future__ import annotations

import streamlit as st

from components.yours import state
from components.yours.bring import bring
from components.yours.keep import keep_step
from components.yours.model import model_step
from components.yours.numbers import numbers

st.title("Examine your own document")
st.markdown("Bring a document and ClaimScope finds every number in it. Keep each as a claim "
            "or set it aside, build the model behind its headline figure from a shape, "
            "and move its assumptions. Nothing of your document runs as code or shows as "
            "formatting.")
current = state.work()
step = st.radio("Step", state.STEPS if current is not None else state.STEPS[:1],
                key=state.STEP, horizontal=True, label_visibility="collapsed")
if step == state.STEPS[0] or current is None:
    bring()
elif step == state.STEPS[1]:
    numbers()
elif step == state.STEPS[2]:
    model_step(current)
else:
    keep_step(current)
