/* The panel's host in a page of its own (a downloaded report, the standalone panel file):
   no server. Each element marked `data-claimscope-panel` holds its data as JSON
   ({spec, values, starts}) in a `script type="application/json"` element inside it; the panel is
   drawn there, starting at `values`, with a button back to each of `starts`. Nothing is
   sent anywhere: `send` stays null. Concatenated last (claimscope/live/scripts.py). */

for (const holder of document.querySelectorAll("[data-claimscope-panel]")) {
  const data = JSON.parse(holder.querySelector('script[type="application/json"]').textContent);
  createPanel(holder, data.spec, data.values, data.starts);
}
