/* makna workbench: a selection not coded yet survives the reload of a source page whose text changed.
 * When the page reloads because the source changed (a manager applied de-identification, a round opened or
 * closed: live.js calls keepSelection() first), the selection is kept in this tab's sessionStorage with the
 * words it covers and the words around it. The reloaded page selects the same words where they still stand,
 * found by that quoted text as the server's stale-page check finds a coding's (a quote that no longer reads
 * the same is refused): at the same offsets with the same words around them, else at the one place the words
 * and their surroundings stand, else at the one place the words stand. Otherwise the coder is told, in one
 * line, that the text changed and the selection was cleared. The stored words are removed on the next load.
 * Offsets are code points; the page's rows are searched as spanText() reads them (rows joined by a space). */
"use strict";
(function () {
  const mk = window.makna;
  if (!mk || !mk.heldSelection) return;
  const KEY = "makna-held-selection";
  const AROUND = 40; // code points of context on each side
  const MAX_AGE_MS = 120000; // a selection kept longer ago than this belongs to another visit
  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };
  const root = document.getElementById("text");
  const source = root ? root.dataset.source : "";

  function keepSelection() {
    const s = mk.heldSelection();
    if (!s) return;
    sessionStorage.setItem(KEY, JSON.stringify({
      source, at: Date.now(), start: s.start, end: s.end, quote: mk.spanText(s.start, s.end),
      before: mk.spanText(Math.max(0, s.start - AROUND), s.start), after: mk.spanText(s.end, s.end + AROUND),
    }));
  }

  // The rows' text as one string (rows joined by a space) and where each row starts in it and in the source.
  function shown() {
    let str = "";
    const rows = [];
    root.querySelectorAll(".row").forEach((row, i) => {
      const tx = row.querySelector(".tx");
      const text = tx ? tx.textContent : "";
      if (i) str += " ";
      rows.push({ at: str.length, start: +row.dataset.start, text });
      str += text;
    });
    return { str, rows };
  }
  function offsetAt(view, index) { // a UTF-16 index of view.str -> a code point offset of the source
    let lo = 0, hi = view.rows.length - 1, k = 0;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (view.rows[mid].at <= index) { k = mid; lo = mid + 1; } else hi = mid - 1; }
    const row = view.rows[k];
    return row.start + cpLen(row.text.slice(0, Math.min(index - row.at, row.text.length)));
  }
  function every(str, needle) {
    const out = [];
    for (let i = str.indexOf(needle); i >= 0 && out.length < 2; i = str.indexOf(needle, i + 1)) out.push(i);
    return out;
  }

  function place(kept) { // the {start, end} where the kept words stand now, or null
    const sameWords = mk.spanText(kept.start, kept.end) === kept.quote;
    if (sameWords && mk.spanText(Math.max(0, kept.start - AROUND), kept.start) === kept.before) {
      return { start: kept.start, end: kept.end };
    }
    const view = shown();
    for (const [needle, lead] of [[kept.before + kept.quote + kept.after, kept.before.length], [kept.quote, 0]]) {
      const hits = every(view.str, needle);
      if (hits.length === 1) {
        const from = hits[0] + lead;
        return { start: offsetAt(view, from), end: offsetAt(view, from + kept.quote.length) };
      }
    }
    return null;
  }

  function restore() {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return;
    sessionStorage.removeItem(KEY);
    let kept;
    try { kept = JSON.parse(raw); } catch (e) { return; }
    if (!kept || kept.source !== source || !(Date.now() - kept.at < MAX_AGE_MS) || !kept.quote) return;
    const at = place(kept);
    if (at && mk.spanText(at.start, at.end) === kept.quote) {
      mk.setSelection(at.start, at.end);
      return;
    }
    const line = document.getElementById("selection-cleared");
    if (!line) return;
    line.hidden = false;
    const hide = () => { line.hidden = true; document.removeEventListener("makna:selection", hide); };
    setTimeout(() => document.addEventListener("makna:selection", hide), 0);
  }

  mk.keepSelection = keepSelection;
  restore();
})();
