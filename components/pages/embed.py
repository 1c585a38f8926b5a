"""The embed (/embed), for an article's <iframe>: the sentence, the verdict, a few
assumptions live (`show=`), the step chart, a link back to the full view, the document's
credit (app.py's short footer) and a still image for pages without scripts. No top
navigation and no content note (app.py), one column at any width.
"""

from __future__ import annotations

import streamlit as st

from claimscope.text.markdown import escape_markdown
from components.assumption_panel import assumption_panel
from components.context import bundle
from components.embed import choices, still_image_buttons
from components.share import view_link

# A smaller title than a page's: the embed sits inside someone else's article.
EMBED_CSS = "<style>.st-key-embed h1 { font-size: 1.3rem; padding-top: 0; }</style>"

data = bundle()
chosen, notices = choices(data)

with st.container(key="embed"):
    st.markdown(EMBED_CSS, unsafe_allow_html=True)
    st.title(f"{escape_markdown(data.document.meta['title'])}: the numbers, live",
             anchor=False)
    for notice in notices:
        st.warning(notice, icon=":material/info:")
    # The step chart is the panel's own (SVG, redrawn as the reader drags): an article's
    # reader loads no plotly.js.
    assumption_panel(data, shown=chosen)
    st.markdown(f"[Open this view in ClaimScope's projection explorer]({view_link(data)})")
    still_image_buttons(data, "embed_still")
