/* ClaimScope's number formatting in the browser: the twins of claimscope/text/numbers.py
   (fixed, whole, human, percent, signed_percent, display, count_word), written to return exactly
   the strings Python writes for the same double; tests/browser/test_panel_text.py checks
   it for random values. A plain script: top-level functions, no imports, no build step. */

/* `value` with `digits` decimals, commas between thousands unless `grouped` is false.
   toFixed rounds the exact binary value with exact ties away from zero, as numbers.fixed
   does (Decimal, ROUND_HALF_UP). From 1e21 up toFixed writes an exponent; every double
   that large is a whole number, which BigInt writes out exactly. A zero has no sign. */
function fixed(value, digits, grouped) {
  var text = Math.abs(value) < 1e21 ? value.toFixed(digits)
    : BigInt(value).toString() + (digits > 0 ? "." + "0".repeat(digits) : "");
  if (/^-[0.]*$/.test(text)) text = text.slice(1);
  if (grouped === false) return text;
  var sign = text.charAt(0) === "-" ? "-" : "";
  var body = sign ? text.slice(1) : text;
  var point = body.indexOf(".");
  var whole = point < 0 ? body : body.slice(0, point);
  var groups = [];
  for (var end = whole.length; end > 0; end -= 3) {
    groups.unshift(whole.slice(Math.max(end - 3, 0), end));
  }
  return sign + groups.join(",") + (point < 0 ? "" : body.slice(point));
}

/* `value` rounded to a whole number as fixed(value, 0) writes it (an exact tie away from
   zero: 2014.5 -> 2015, -2.5 -> -3; Math.round would give -2): numbers.whole, the one
   rounding of a typed value for an input that counts whole things. */
function whole(value) {
  return Number(fixed(value, 0, false));
}

/* A number that can be written: not null, NaN or infinite (those are written "—"). */
function isWritable(value) {
  return typeof value === "number" && isFinite(value);
}

/* `fixed` with trailing zeros (and a bare point) dropped: "7.50" -> "7.5", "3.00" -> "3". */
function trimmedFixed(value, digits) {
  var text = fixed(value, digits);
  return text.indexOf(".") < 0 ? text : text.replace(/0+$/, "").replace(/\.$/, "");
}

/* "358.6 million", "7,172", "6.49": numbers.human. */
function human(value, digits) {
  if (digits === undefined) digits = 1;
  if (!isWritable(value)) return "—";
  var magnitude = Math.abs(value);
  var scales = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]];
  for (var i = 0; i < scales.length; i++) {
    if (magnitude >= scales[i][0]) {
      return trimmedFixed(value / scales[i][0], digits) + " " + scales[i][1];
    }
  }
  if (magnitude >= 100 || Number.isInteger(value)) return fixed(value, 0);
  return trimmedFixed(value, Math.max(digits, magnitude < 10 ? 2 : digits));
}

/* A percent number (7.25) as "7.25%": numbers.percent. */
function percent(value, digits) {
  if (digits === undefined) digits = 2;
  if (!isWritable(value)) return "—";
  return trimmedFixed(value, digits) + "%";
}

/* A change as a fraction (0.0125) as "+1.25%", zero as "+0.00%": numbers.signed_percent,
   the break-even table's change to break. */
function signedPercent(fraction, digits) {
  if (digits === undefined) digits = 2;
  var scaled = isWritable(fraction) ? fraction * 100 : NaN;
  if (!isWritable(scaled)) return "—";  // also a huge fraction whose percent overflows
  var text = fixed(scaled, digits, false);
  return (text.charAt(0) === "-" ? text : "+" + text) + "%";
}

/* A display-unit value written as its unit's format says ("7.25%", "2012", "1.5×",
   "26 months", "£1.2 million"): numbers.display. `unit` is a unit's writing
   (vocabulary.Unit.writing: {format, word, symbol, symbol_before}); anything without a
   format is a plain number. */
function display(value, unit, digits) {
  if (digits === undefined) digits = 1;
  if (!isWritable(value)) return "—";
  var format = unit && unit.format;
  if (format === "percent") return percent(value, Math.max(digits, 2));
  if (format === "year") return fixed(value, 0, false);
  if (format === "ratio") return trimmedFixed(value, 2) + "×";
  if (format === "duration") return human(value, Math.max(digits, 2)) + " " + unit.word;
  if (format === "currency") return money(human(value, digits), unit.symbol, unit.symbol_before);
  return human(value, digits);
}

/* `display`, then the unit's word where the number does not say what it counts
   ("2,583 leaks"): numbers.with_word. */
function withWord(value, unit, digits) {
  var shown = display(value, unit, digits);
  var format = unit && unit.format;
  var writesItself = format && format !== "count" && format !== "number";
  if (writesItself || !unit || !unit.suffix || shown === "—") return shown;
  return shown + " " + unit.suffix;
}

/* "£1.2 million", "-£12,000" (the sign before the symbol), or "12,000 kr": numbers._money. */
function money(amount, symbol, before) {
  if (!before) return amount + " " + symbol;
  var negative = amount.charAt(0) === "-";
  return (negative ? "-" : "") + symbol + (negative ? amount.slice(1) : amount);
}

/* A whole count from 0 to 20 as a capitalised word ("Five"), others in digits:
   numbers.count_word. */
function countWord(count) {
  if (!isWritable(count)) return "—";
  var words = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
    "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen",
    "Seventeen", "Eighteen", "Nineteen", "Twenty"];
  var whole = Math.trunc(count);
  return whole === count && whole >= 0 && whole <= 20 ? words[whole] : fixed(count, 0);
}
