/* Text to copy (a link, a citation) with a Copy button, drawn as plain HTML: what st.code
   showed, without its syntax highlighter (1.5 MB of JavaScript the browser would load and
   parse before a page's first chart). Mounted by components/copy_block.py; no framework,
   no requests. The button copies with the Clipboard API where the page may use it (a
   secure context) and by selecting the text and the browser's copy command elsewhere. */

function copyByCommand(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const done = document.execCommand("copy");
  selection.removeAllRanges();
  return done;
}

async function copy(box) {
  const text = box.code.textContent;
  let done = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      done = true;
    }
  } catch (error) {
    done = false;
  }
  if (!done) done = copyByCommand(box.code);
  box.status.textContent = done ? "Copied." : "Select the text to copy it.";
}

export default function (component) {
  const { data, parentElement } = component;
  let box = parentElement.__copyBox;
  if (!box) {
    const root = document.createElement("div");
    root.className = "cs-copy";
    const pre = document.createElement("pre");
    pre.className = "cs-copy-text";
    const code = document.createElement("code");
    pre.append(code);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cs-copy-button";
    button.textContent = "Copy";
    const status = document.createElement("span");
    status.className = "cs-copy-status";
    status.setAttribute("role", "status");
    root.append(pre, button, status);
    parentElement.append(root);
    box = { code, button, status };
    button.addEventListener("click", () => { copy(box); });
    parentElement.__copyBox = box;
  }
  box.code.textContent = data.text;
  box.button.setAttribute("aria-label", `Copy ${data.label}`);
  box.status.textContent = "";
}
