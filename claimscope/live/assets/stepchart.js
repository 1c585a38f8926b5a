/* The step chart, drawn by the live panel as SVG and redrawn on every recompute, so it
   follows a drag with no server and no plotly.js (wherever the panel is). The twin
   of claimscope/charts/projection.py's step_chart: the same stages (the spec from
   claimscope/views/step_chart.py), values, kinds, log scale and claim line, and the same
   sentence (`stepTitle`, the twin of step_chart.step_title). Colour is never the only
   channel: each kind has its pattern and its words in the legend and the table.
   Concatenated after format.js and template.js and before panel.js; every text is set as
   text, never as HTML. */

var SVG_NS = "http://www.w3.org/2000/svg";
var STEP_CHART_HEIGHT = 220; // the plot's own height in px; labels add to it
var CHAR_WIDTH = 6.6; // px of a 12 px character, for wrapping labels and sizing the axis
var stepChartCount = 0; // each chart's patterns get ids of their own

function svgElement(tag, attributes, text) {
  var node = document.createElementNS(SVG_NS, tag);
  Object.keys(attributes || {}).forEach(function (name) {
    node.setAttribute(name, String(attributes[name]));
  });
  if (text !== undefined) node.textContent = text;
  return node;
}

/* The chart's sentence from its stages' [label, shown] and the headline's: the first stage
   becoming the headline (and the last, where that comes after it); one stage alone is set
   against the claim. */
function stepTitle(stages, headline, thresholdText, endsAtHeadline) {
  var first = stages[0];
  var last = stages[stages.length - 1];
  if (stages.length === 1) {
    return first[1] + " (" + first[0].toLowerCase() + "), against the document's "
      + thresholdText;
  }
  var title = first[1] + " " + first[0].toLowerCase() + " become " + headline[1] + " ("
    + headline[0].toLowerCase() + ")";
  return endsAtHeadline ? title : title + " and " + last[1] + " (" + last[0].toLowerCase() + ")";
}

/* A kind's fill pattern over its colour: "/" diagonal lines, "." dots, "x" crosses, ""
   none (plotly's pattern shapes, as charts/style.py names them). */
function kindPattern(id, pattern) {
  var tile = svgElement("pattern", { id: id, width: 8, height: 8,
                                     patternUnits: "userSpaceOnUse" });
  var ink = { stroke: "#ffffff", "stroke-width": 1.5, "stroke-opacity": 0.8 };
  if (pattern === "/") {
    tile.append(svgElement("path", Object.assign({ d: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" },
                                                 ink)));
  } else if (pattern === ".") {
    tile.append(svgElement("circle", { cx: 4, cy: 4, r: 1.5, fill: "#ffffff",
                                       "fill-opacity": 0.8 }));
  } else if (pattern === "x") {
    tile.append(svgElement("path", Object.assign({ d: "M0,0 l8,8 M8,0 l-8,8" }, ink)));
  }
  return tile;
}

/* A swatch of a kind (its colour and pattern) or of the claim's dashed line, for the
   legend. */
function swatch(fill, pattern) {
  var mark = svgElement("svg", { width: 16, height: 12, "aria-hidden": "true",
                                 focusable: "false" });
  if (pattern === null) {
    mark.append(svgElement("line", { x1: 0, y1: 6, x2: 16, y2: 6, stroke: fill,
                                     "stroke-width": 2, "stroke-dasharray": "4 3" }));
  } else {
    mark.append(svgElement("rect", { width: 16, height: 12, fill: fill }),
                svgElement("rect", { width: 16, height: 12, fill: "url(#" + pattern + ")" }));
  }
  return mark;
}

/* The chart's section: its sentence, legend, drawing, source and a table of its numbers,
   filled in by `updateStepChart`. */
function stepChartSection(panel) {
  var spec = panel.spec.steps;
  stepChartCount += 1;
  var id = "cs-step-chart-" + stepChartCount;
  var section = element("section", { class: "cs-step-chart", "aria-labelledby": id });
  var title = element("p", { class: "cs-chart-title", id: id });
  var legend = element("ul", { class: "cs-legend" });
  var box = element("div", { class: "cs-chart-box" });
  var svg = svgElement("svg", { role: "img", "aria-labelledby": id, class: "cs-chart" });
  var defs = svgElement("defs");
  var patterns = {};
  Object.keys(spec.kinds).forEach(function (kind) {
    patterns[kind] = id + "-" + kind;
    defs.append(kindPattern(patterns[kind], spec.kinds[kind].pattern));
    var item = element("li", {}, spec.kinds[kind].label);
    item.prepend(swatch(spec.kinds[kind].color, patterns[kind]));
    legend.append(item);
  });
  var claimItem = element("li", {}, spec.claim_label);
  claimItem.prepend(swatch(spec.claim_color, null));
  legend.append(claimItem);
  var marks = svgElement("g");
  svg.append(defs, marks);
  box.append(svg);
  var table = element("table", { class: "cs-chart-table" });
  var head = element("tr");
  spec.table.columns.forEach(function (column) {
    head.append(element("th", { scope: "col" }, column));
  });
  var thead = element("thead");
  thead.append(head);
  var body = element("tbody");
  table.append(thead, body);
  var data = element("details", { class: "cs-chart-data" });
  data.append(element("summary", {}, spec.table.summary), table);
  section.append(title, legend, box, element("p", { class: "cs-chart-source" }, spec.source),
                 data);
  panel.chart = { spec: spec, title: title, svg: svg, marks: marks, box: box, body: body,
                  patterns: patterns, stages: null, width: 0 };
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(function () {
      var chart = panel.chart;
      if (chart.stages && Math.round(chart.box.clientWidth) !== chart.width) {
        drawStepChart(chart, chart.stages);
      }
    }).observe(box);
  }
  return section;
}

/* The chart at these values: `scope` is the panel's template scope (inputs, constants and
   outputs by name, `words` for an output with no value), `headlineShown` the headline as
   a card shows it. */
function updateStepChart(chart, scope, headlineLabel, headlineShown) {
  var spec = chart.spec;
  var words = scope.words || {};
  var stages = spec.stages.map(function (stage) {
    var value = Number(scope.values[stage.name]);
    var said = Object.prototype.hasOwnProperty.call(words, stage.name) ? words[stage.name]
      : null;
    var shown = said === null ? human(value) : said;
    return { label: renderText(stage.label, scope), value: said === null ? value : NaN,
             shown: shown, withUnit: said === null ? shown + " " + spec.unit : said,
             kind: stage.kind, operation: renderText(stage.operation, scope) };
  });
  var suffix = " " + spec.unit;
  var shownHeadline = headlineShown.slice(-suffix.length) === suffix
    ? headlineShown.slice(0, -suffix.length) : headlineShown;
  chart.title.textContent = stepTitle(stages.map(function (s) { return [s.label, s.shown]; }),
                                      [headlineLabel, shownHeadline], spec.threshold_text,
                                      spec.ends_at_headline);
  var rows = stages.map(function (stage) {
    var row = element("tr");
    row.append(element("th", { scope: "row" }, stage.label),
               element("td", {}, stage.withUnit),
               element("td", {}, spec.kinds[stage.kind].label),
               element("td", {}, stage.operation));
    return row;
  });
  chart.body.textContent = "";
  rows.forEach(function (row) { chart.body.append(row); });
  drawStepChart(chart, stages);
}

/* Splits a label into lines of at most `room` characters, at spaces; at most five lines,
   the last ending "…" if the label goes on (the table holds it whole). */
function wrapped(text, room) {
  var lines = [];
  text.split(/\s+/).forEach(function (word) {
    var last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= room) {
      lines[lines.length - 1] = last + " " + word;
    } else {
      lines.push(word);
    }
  });
  return lines.length > 5 ? lines.slice(0, 4).concat([lines[4] + " …"]) : lines;
}

/* The label of the tick at 10^power: in words up to the trillions ("100 million"), as a
   decimal down to a millionth ("0.001"), and as 1e<power> beyond either. */
function tickText(power) {
  if (power >= 0 && power < 15) return human(Math.pow(10, power));
  if (power < 0 && power >= -6) return Math.pow(10, power).toFixed(-power);
  return "1e" + power;
}

/* Bars on a log scale, each stage's number above it, the claim's dashed line across. */
function drawStepChart(chart, stages) {
  var spec = chart.spec;
  // the box's width as measured (what the resize observer compares), drawn at no less
  // than 280 px, or 640 px while the box is not laid out
  chart.width = Math.round(chart.box.clientWidth);
  var width = Math.max(280, chart.width || 640);
  chart.stages = stages;
  var marks = stages.map(function (s) { return s.value; })
    .concat([spec.threshold])
    .filter(function (v) { return Number.isFinite(v) && v > 0; });
  var low = marks.length ? Math.floor(Math.log10(Math.min.apply(null, marks))) : 0;
  var high = marks.length ? Math.ceil(Math.log10(Math.max.apply(null, marks))) : 1;
  if (high <= low) high = low + 1;
  var every = Math.ceil((high - low + 1) / 6);
  var ticks = [];
  for (var power = low; power <= high; power += every) ticks.push(power);
  var tickRoom = Math.max.apply(null, ticks.map(function (t) { return tickText(t).length; }));
  // the axis takes what its longest tick needs, but never most of the chart (a huge
  // number's ticks are long)
  var left = Math.min(22 + Math.ceil(tickRoom * CHAR_WIDTH) + 6, Math.round(width * 0.35));
  var right = 8;
  var band = (width - left - right) / stages.length;
  var narrow = band < 64; // a phone's bars: smaller labels, so that long words fit
  chart.svg.setAttribute("class", narrow ? "cs-chart cs-narrow" : "cs-chart");
  var room = Math.max(6, Math.floor((band - 4) / (narrow ? CHAR_WIDTH * 0.85 : CHAR_WIDTH)));
  var labels = stages.map(function (s) { return wrapped(s.label, room); });
  var lineCount = Math.max.apply(null, labels.map(function (l) { return l.length; }));
  // a number too wide for its bar goes on as many lines as it needs ("358.6" / "million")
  var values = stages.map(function (s) {
    return wrapped(s.shown, Math.max(4, Math.floor((band - 4) / (CHAR_WIDTH + 0.6))));
  });
  var valueLines = Math.max.apply(null, values.map(function (v) { return v.length; }));
  var top = 8 + 14 * valueLines;
  var bottom = 10 + 15 * lineCount;
  var height = top + STEP_CHART_HEIGHT + bottom;
  var y = function (v) {
    return top + STEP_CHART_HEIGHT * (1 - (Math.log10(v) - low) / (high - low));
  };
  var base = top + STEP_CHART_HEIGHT;
  chart.svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  chart.svg.setAttribute("width", width);
  chart.svg.setAttribute("height", height);
  var drawn = [];
  ticks.forEach(function (power) {
    var at = y(Math.pow(10, power));
    drawn.push(svgElement("line", { x1: left, x2: width - right, y1: at, y2: at,
                                    class: "cs-grid" }),
               svgElement("text", { x: left - 6, y: at + 4, "text-anchor": "end",
                                    class: "cs-tick" }, tickText(power)));
  });
  drawn.push(svgElement("text", { x: 12, y: top + STEP_CHART_HEIGHT / 2, "text-anchor": "middle",
                                  transform: "rotate(-90 12 " + (top + STEP_CHART_HEIGHT / 2) + ")",
                                  class: "cs-axis-title" }, spec.axis_title),
             svgElement("line", { x1: left, x2: left, y1: top, y2: base, class: "cs-axis" }));
  stages.forEach(function (stage, index) {
    var centre = left + band * (index + 0.5);
    var barWidth = Math.min(band * 0.6, 96);
    var kind = spec.kinds[stage.kind];
    var group = svgElement("g", { class: "cs-bar", "data-stage": index });
    group.append(svgElement("title", {}, stage.label + ": " + stage.withUnit + ". "
      + stage.operation));
    var textY = base - 5;
    if (Number.isFinite(stage.value) && stage.value > 0) {
      var at = { x: centre - barWidth / 2, y: y(stage.value), width: barWidth,
                 height: Math.max(0, base - y(stage.value)) };
      group.append(svgElement("rect", Object.assign({ fill: kind.color }, at)),
                   svgElement("rect", Object.assign({ fill: "url(#" + chart.patterns[stage.kind]
                                                     + ")" }, at)));
      textY = y(stage.value) - 5;
    }
    values[index].forEach(function (line, row) {
      var above = values[index].length - 1 - row;
      group.append(svgElement("text", { x: centre, y: textY - 14 * above,
                                        "text-anchor": "middle", class: "cs-bar-value" },
                              line));
    });
    labels[index].forEach(function (line, row) {
      group.append(svgElement("text", { x: centre, y: base + 16 + 15 * row,
                                        "text-anchor": "middle", class: "cs-stage" }, line));
    });
    drawn.push(group);
  });
  if (Number.isFinite(spec.threshold) && spec.threshold > 0) {
    drawn.push(svgElement("line", { x1: left, x2: width - right, y1: y(spec.threshold),
                                    y2: y(spec.threshold), stroke: spec.claim_color,
                                    class: "cs-claim-line" }));
  }
  chart.marks.textContent = "";
  drawn.forEach(function (mark) { chart.marks.append(mark); });
}
