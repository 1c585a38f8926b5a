/* The live assumption panel: every assumption of the document's model as a
   labelled range input with an exact entry, and the sentence, verdict, output cards, step
   chart and break-even table, recomputed in the browser on every `input` event by the
   model's generated JavaScript (CLAIMSCOPE_MODEL), so the numbers follow a drag with no
   server round trip. On release (`change`) the values go to the host through
   `panel.send`, if it has one: the app's Python keeps the URL and redraws what needs the
   server.

   Host-free: a host script, concatenated after this one, mounts it and wires `send` —
   streamlit.js in the app (Components v2), standalone.js in a downloaded report or a page
   of its own (see claimscope/live/scripts.py). Concatenated after format.js, template.js
   and the generated model; no framework, no requests. Every text is rendered from the spec
   Python sends, with the same templates, scope, words and number rules as the server
   (where each rule lives: docs/architecture.md ("Rules the browser and the server share")). */

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function sameValues(a, b) {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/* A value the reader typed: a finite number inside the input's span, whole where the input
   counts whole things (format.js's `whole`: the server's rule for a link's value, ties away
   from zero); with a note when it had to be changed. */
function fitted(spec, raw) {
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value)) {
    return { value: null, note: `Not a number: ${spec.label} keeps its value.` };
  }
  let fit = Math.min(Math.max(value, spec.min), spec.max);
  if (spec.integer) fit = whole(fit);
  if (fit === value) return { value, note: "" };
  const span = `${display(spec.min, spec.unit, 1)} to ${display(spec.max, spec.unit, 1)}`;
  const note = value < spec.min || value > spec.max
    ? `Out of range (${span}); set to ${display(fit, spec.unit, 1)}.`
    : `A whole number is needed; set to ${display(fit, spec.unit, 1)}.`;
  return { value: fit, note };
}

/* Draws the panel into `host`. `starts` are views to go back to besides the document's
   own ([{label, values}]: a report's "Back to the view downloaded"). A compact spec (the
   embed) has no cards or break-even rows, and its sections are stacked. A model with a
   step chart (`spec.steps`) has it drawn here too (stepchart.js). */
function createPanel(host, spec, values, starts) {
  spec.inputs_by_name = Object.fromEntries(spec.inputs.map((input) => [input.name, input]));
  const panel = {
    spec,
    values: { ...values },
    received: { ...values },
    dragging: false,
    send: null,
    controls: {},
    cards: {},
    rows: {},
  };
  const root = element("div", { class: spec.compact ? "cs-panel cs-compact" : "cs-panel" });

  const results = element("section", { class: "cs-results", "aria-label": spec.texts.results });
  panel.sentence = element("p", { class: "cs-sentence" });
  panel.verdict = element("p", { class: "cs-verdict" });
  panel.announce = element("p", { class: "cs-visually-hidden", role: "status",
                                  "aria-live": "polite" });
  const cards = element("div", { class: "cs-cards" });
  for (const output of spec.outputs) {
    const card = element("div", { class: `cs-card cs-kind-${output.kind}`, role: "group",
                                  "data-output": output.name });
    const label = element("p", { class: "cs-card-label" });
    const value = element("p", { class: "cs-card-value" });
    const kind = element("span", { class: "cs-card-kind" }, output.kind_text);
    const formula = element("p", { class: "cs-card-formula" }, output.formula_text);
    card.append(label, value, kind, formula);
    cards.append(card);
    panel.cards[output.name] = { card, label, value };
  }
  results.append(panel.sentence, panel.verdict, panel.announce, cards);
  // The step chart: in the embed, under the verdict (an article's frame shows it before
  // the assumptions); elsewhere, across the page after the results and assumptions.
  const chart = spec.steps ? stepChartSection(panel) : null;
  if (chart && spec.compact) results.append(chart);

  const assumptions = element("section", { class: "cs-assumptions",
                                           "aria-labelledby": "cs-assumptions-heading" });
  const heading = element("h2", { id: "cs-assumptions-heading" }, spec.texts.assumptions);
  const hint = element("p", { class: "cs-hint" }, spec.texts.hint);
  const reset = element("button", { type: "button", class: "cs-reset" }, spec.texts.reset);
  reset.addEventListener("click", () => {
    setValues(panel, { ...panel.values, ...spec.defaults });
    commit(panel);
  });
  const resets = element("div", { class: "cs-resets" });
  resets.append(reset);
  for (const start of starts || []) {
    const back = element("button", { type: "button", class: "cs-reset" }, start.label);
    back.addEventListener("click", () => {
      setValues(panel, { ...panel.values, ...start.values });
      commit(panel);
    });
    resets.append(back);
  }
  // A copy of the headline for phones (CSS shows it there only); the cards and the
  // verdict's status line say the same to a screen reader, so it is hidden from one.
  panel.liveHeadline = element("p", { class: "cs-live-headline", "aria-hidden": "true" });
  assumptions.append(heading, hint, resets, panel.liveHeadline);
  for (const group of spec.groups) {
    const fieldset = element("fieldset", { class: "cs-group" });
    fieldset.append(element("legend", {}, group.title));
    for (const input of spec.inputs.filter((item) => item.group === group.id)) {
      fieldset.append(assumptionControl(panel, input));
    }
    assumptions.append(fieldset);
  }

  // The results stay in view only while the assumptions beside them do: their box ends
  // where the assumptions end, so they never slide over the break-even table below.
  const live = element("div", { class: "cs-live" });
  live.append(results, assumptions);
  root.append(live);
  if (chart && !spec.compact) root.append(chart);
  if (spec.break_even_inputs.length) root.append(breakEvenSection(panel));
  host.append(root);
  recompute(panel);
  return panel;
}

/* The break-even table, its rows filled in by `recompute`. */
function breakEvenSection(panel) {
  const { spec } = panel;
  const breakEven = element("section", { class: "cs-break-even-section",
                                         "aria-labelledby": "cs-break-even-heading" });
  breakEven.append(element("h2", { id: "cs-break-even-heading" }, spec.texts.break_even),
                   element("p", { class: "cs-hint" }, spec.texts.break_even_intro));
  const table = element("table", { class: "cs-break-even" });
  table.append(element("caption", { class: "cs-visually-hidden" }, spec.texts.break_even));
  const head = element("tr");
  for (const column of spec.texts.break_even_columns) {
    head.append(element("th", { scope: "col" }, column));
  }
  const thead = element("thead");
  thead.append(head);
  table.append(thead);
  const body = element("tbody");
  for (const name of spec.break_even_inputs) {
    const row = element("tr", { "data-input": name });
    row.append(element("th", { scope: "row" }, spec.inputs_by_name[name].label));
    for (let i = 1; i < spec.texts.break_even_columns.length; i += 1) row.append(element("td"));
    body.append(row);
    panel.rows[name] = row;
  }
  table.append(body);
  breakEven.append(table);
  return breakEven;
}

function assumptionControl(panel, input) {
  const id = `cs-${input.name}`;
  const box = element("div", { class: "cs-assumption", "data-input": input.name });
  const top = element("div", { class: "cs-assumption-top" });
  const label = element("label", { for: `${id}-range`, class: "cs-label" }, input.label);
  const shown = element("output", { for: `${id}-range`, class: "cs-value" });
  top.append(label, shown);
  const range = element("input", { type: "range", id: `${id}-range`, name: input.name,
                                   min: input.min, max: input.max, step: input.step,
                                   "aria-describedby": `${id}-default` });
  const exactRow = element("div", { class: "cs-exact" });
  const exactLabel = element("label", { for: `${id}-exact` }, input.exact_label);
  const exact = element("input", { type: "number", id: `${id}-exact`, name: input.name,
                                   min: input.min, max: input.max, step: "any",
                                   inputmode: "decimal" });
  const unit = element("span", { class: "cs-unit" }, input.unit_suffix);
  exactRow.append(exactLabel, exact, unit);
  const note = element("p", { class: "cs-note", role: "status" });
  const basis = element("p", { class: "cs-default", id: `${id}-default` }, input.default_text);
  const about = element("details", { class: "cs-about" });
  about.append(element("summary", {}, panel.spec.texts.about), element("p", {}, input.help),
               element("p", {}, input.basis));
  box.append(top, range, exactRow, note, basis, about);
  panel.controls[input.name] = { input, range, exact, shown, note };

  range.addEventListener("pointerdown", () => { panel.dragging = true; });
  range.addEventListener("pointerup", () => { panel.dragging = false; });
  range.addEventListener("pointercancel", () => { panel.dragging = false; });
  range.addEventListener("input", () => {
    panel.values[input.name] = Number(range.value);
    note.textContent = "";
    showValue(panel, input.name, range);
    recompute(panel);
  });
  range.addEventListener("change", () => {
    panel.dragging = false;
    commit(panel);
  });
  exact.addEventListener("input", () => {
    const value = Number(exact.value);
    if (exact.value !== "" && Number.isFinite(value) && value >= input.min && value <= input.max) {
      panel.values[input.name] = value;
      showValue(panel, input.name, exact);
      recompute(panel);
    }
  });
  exact.addEventListener("change", () => {
    const result = fitted(input, exact.value);
    note.textContent = result.note;
    if (result.value !== null) panel.values[input.name] = result.value;
    showValue(panel, input.name);
    recompute(panel);
    commit(panel);
  });
  showValue(panel, input.name);
  return box;
}

/* Writes one assumption's value into its controls, except the one being used. */
function showValue(panel, name, source) {
  const { input, range, exact, shown } = panel.controls[name];
  const value = panel.values[name];
  const text = display(value, input.unit, 1);
  if (source !== range) range.value = String(value);
  if (source !== exact) exact.value = String(value);
  range.setAttribute("aria-valuetext", text);
  shown.textContent = text;
}

function recompute(panel) {
  const { spec, values } = panel;
  const result = CLAIMSCOPE_MODEL.evaluate(values);
  const breakEven = CLAIMSCOPE_MODEL.breakEven(values);
  const direction = CLAIMSCOPE_MODEL.direction(values);
  // An output outside its validity is said in words ("never clears at this pace").
  const words = {};
  for (const [name, owner] of Object.entries(result.because)) {
    if (owner !== null) words[name] = spec.invalid_words[owner];
  }
  const shown = (name, unit) => (name in words ? words[name]
    : withWord(result.outputs[name], unit, 1));
  const defaults = CLAIMSCOPE_MODEL.defaults;
  const scope = { ...templateScope(spec.scope, defaults, values, result.outputs), words };
  const changed = Object.keys(defaults)
    .filter((name) => name in values && values[name] !== defaults[name]);
  if (spec.sentence) {
    panel.sentence.innerHTML = markdownBold(renderSentence(spec.sentence, scope, changed));
  }
  const headline = result.outputs[spec.headline];
  const verdictScope = { values: { headline, threshold: spec.threshold,
                                   margin: CLAIMSCOPE_MODEL.margin(headline, spec.threshold) },
                         units: {}, claims: {},
                         words: spec.headline in words ? { headline: words[spec.headline],
                                                           margin: "—" } : {} };
  const verdict = renderText(result.holds ? spec.verdict.holds : spec.verdict.fails,
                             verdictScope);
  panel.verdict.textContent = verdict;
  panel.liveHeadline.textContent = `${renderText(spec.headline_label, scope)}: `
    + `${shown(spec.headline, spec.headline_unit)} ${result.holds ? "✓" : "✗"}`;
  panel.verdict.className = `cs-verdict ${result.holds ? "cs-holds" : "cs-fails"}`;
  panel.verdict.dataset.holds = String(result.holds);
  if (panel.holds !== result.holds) {
    panel.announce.textContent = verdict;
    panel.holds = result.holds;
  }
  for (const output of spec.outputs) {
    const card = panel.cards[output.name];
    const title = renderText(output.label, scope);
    card.label.textContent = title;
    card.card.setAttribute("aria-label", title);
    card.value.textContent = shown(output.name, output.unit);
  }
  if (panel.chart) {
    updateStepChart(panel.chart, scope, renderText(spec.headline_label, scope),
                    shown(spec.headline, spec.headline_unit));
  }
  for (const name of spec.break_even_inputs) {
    const cells = panel.rows[name].querySelectorAll("td");
    const texts = breakEvenTexts(spec, name, values[name], breakEven[name], direction[name],
                                 result.holds);
    texts.forEach((text, index) => { cells[index].textContent = text; });
  }
}

/* One row of the break-even table, as claimscope/views/projection.py's break_even_table
   writes it, in its words (the spec's break_even_words): `holds` is the verdict. */
function breakEvenTexts(spec, name, current, shown, sign, holds) {
  const input = spec.inputs_by_name[name];
  const words = spec.texts.break_even_words;
  const yesNo = (flag) => (flag ? words.yes : words.no);
  if (shown === null || !Number.isFinite(shown)) {
    return [withWord(current, input.unit, 1),
            holds ? words.holds_at_any : words.holds_at_none,
            signedPercent(NaN, 2), words.no, yesNo(holds)];
  }
  const relation = sign < 0 ? words.at_most : words.at_least;
  return [
    withWord(current, input.unit, 1),
    `${relation} ${withWord(shown, input.unit, 2)}`,
    signedPercent(current ? shown / current - 1 : NaN, 2),
    yesNo(shown >= input.min && shown <= input.max),
    yesNo(holds),
  ];
}

/* Hands the values to Python (once per release), which keeps the URL and the server's
   charts; skipped when nothing changed since the server last sent them. */
function commit(panel) {
  if (!panel.send || sameValues(panel.values, panel.received)) return;
  panel.received = { ...panel.values };
  panel.send("values", { ...panel.values });
}

/* Shows `values` (every input's) in the controls and recomputes. */
function setValues(panel, values) {
  panel.values = { ...values };
  for (const name of Object.keys(panel.controls)) showValue(panel, name);
  recompute(panel);
}

/* The host's values (in the app: a link, a preset, a reset, a scenario): applied unless
   they are what the panel already shows, and never under a dragging pointer. */
function receive(panel, values) {
  panel.received = { ...values };
  if (panel.dragging || sameValues(values, panel.values)) return;
  setValues(panel, values);
}
