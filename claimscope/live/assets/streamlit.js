/* The panel's host in the app: a Streamlit Components v2 element (no iframe). The first
   call mounts the panel; each rerun hands it the session's values; on release the panel
   sends its values back with `setStateValue`. Concatenated last, so this module's default
   export is the component (components/assumption_panel.py). */

const PANELS = new WeakMap();

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let panel = PANELS.get(parentElement);
  if (!panel) {
    panel = createPanel(parentElement, data.spec, data.values);
    PANELS.set(parentElement, panel);
  } else {
    receive(panel, data.values);
  }
  panel.send = setStateValue;
}
