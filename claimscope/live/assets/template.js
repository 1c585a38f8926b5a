/* ClaimScope's text templates in the browser: the twin of claimscope/text/template.py. Python
   parses each template into nodes (literal {text} or a placeholder {name, filter, arg}),
   so this file only renders them, with format.js's formatters. A scope is
   {values: {name: number}, units: {name: unit's writing}, claims: {id: number}}, and for a
   claim's `text` and words {claim_units: {id: unit's writing}, claim_words: {id: {mention,
   when, quote, unit}}}, as template.Scope.to_json.
   A plain script: top-level functions, no imports, no build step; load after format.js. */

/* What a claim has besides its number (template.CLAIM_WORDS). */
var CLAIM_WORDS = ["mention", "when", "quote", "unit"];

/* One placeholder node written by its filter; `arg` null means the filter's own digits. */
function renderPlaceholder(node, scope) {
  var isClaim = node.name.indexOf("claims.") === 0;
  var key = isClaim ? node.name.slice("claims.".length) : node.name;
  var isWord = CLAIM_WORDS.indexOf(node.filter) >= 0;
  var source = isWord ? (scope.claim_words || {}) : isClaim ? scope.claims : scope.values;
  var has = function (object) { return Object.prototype.hasOwnProperty.call(object, key); };
  if (!has(source) || (node.filter === "text" && !has(scope.claim_units || {}))) {
    throw new Error("{" + node.name + "} names nothing in this scope");
  }
  if (isWord) return String(source[key][node.filter]);
  var value = Number(source[key]);
  var digits = node.arg === null || node.arg === undefined ? undefined : node.arg;
  var unit = node.filter === "text" ? scope.claim_units[key]
    : isClaim ? "" : (scope.units[key] || "");
  if (node.filter === "human") return human(value, digits);
  if (node.filter === "percent") return percent(value, digits);
  if (node.filter === "display" || node.filter === "text") return display(value, unit, digits);
  if (node.filter === "count_word") return countWord(value);
  throw new Error("unknown filter " + node.filter);
}

/* Parsed nodes (template.parse_text) as text: template.render_nodes. */
function renderText(nodes, scope) {
  var pieces = [];
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    pieces.push("text" in node ? node.text : renderPlaceholder(node, scope));
  }
  return pieces.join("");
}

/* A sentence spec (files/sentence.sentence_spec) as one line of Markdown, its shown parts joined
   by single spaces; `changed` lists (array or Set) the inputs off their defaults. The same
   steps as template.render_sentence. */
function renderSentence(spec, scope, changed) {
  var moved = new Set(changed);
  var shown = [];
  spec.parts.forEach(function (part) {
    if ("any" in part) {
      var clauses = part.any.filter(function (clause) {
        return moved.has(clause.when_changed);
      }).map(function (clause) { return renderText(clause.text, scope); });
      if (clauses.length) {
        shown.push(part.before + clauses.join(part.joined) + part.after);
      } else if (part.otherwise !== null) {
        shown.push(renderText(part.otherwise, scope));
      }
    } else if (part.when_changed === null || moved.has(part.when_changed)) {
      shown.push(renderText(part.text, scope));
    }
  });
  return shown.join(" ");
}

/* Markdown's bold as HTML, all else escaped: the text of &, <, >, " and ' as entities
   (as Python's html.escape), then each **x** as <strong>x</strong> (as the report's
   markdown_bold), so the sentence can be set with innerHTML safely. */
function markdownBold(text) {
  var entities = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;"};
  var escaped = String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
  return escaped.replace(/\*\*([^\n]+?)\*\*/g, "<strong>$1</strong>");
}
