"""Step 4 of "Examine your own document": keep the document folder (a zip that
`CLAIMSCOPE_DOCUMENT` serves and this page opens again) and share it."""

from __future__ import annotations

import streamlit as st

from claimscope.authoring.folder_zip import folder_zip
from claimscope.authoring.workspace import folder_id
from components.yours import state


def keep_step(current: state.Work) -> None:
    made = state.made(current, state.model_from_widgets())
    if made.files is None or made.bundle is None:
        st.warning("The document does not validate yet; fix what step 3 shows first.")
        if made.problem:
            st.code(made.problem, language=None, wrap_lines=True)
        return
    st.success(f"The document validates: {len(made.bundle.catalogue.claims):,} claims, "
               f"{len(made.bundle.not_claims):,} numbers set aside, "
               f"{len(made.bundle.inputs):,} assumptions.")
    name = folder_id(current.sha256)
    st.download_button("Download the document folder (zip)", folder_zip(name, made.files),
                       file_name=f"{name}.zip", mime="application/zip",
                       key="yours_download", icon=":material/download:")
    st.caption(f"Unzipped, `{name}/` is a document folder: "
               f"`CLAIMSCOPE_DOCUMENT=path/to/{name} make run` serves it, and "
               "\"Open an exported folder\" (step 1) opens it here again.")
