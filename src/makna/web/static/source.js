/* makna workbench: the source view. Select text (mouse or keyboard) -> code picker -> the coding is
 * saved and drawn from the server's reply, without reloading the source.
 *
 * Offsets: every leaf <span data-s="N"> holds exactly text[N:N+len] as one text node, so a DOM
 * position (text node, UTF-16 offset) is N + the number of code points before it in that node.
 * Stored offsets are code points, as everywhere in makna (an emoji counts as one).
 *
 * Other scripts draw through window.makna: drawSegment(seg), removeSegment(id), segments(),
 * paint(start, end), codeSpan(start, end, codeId), selection(), setSelection(start, end),
 * heldSelection(), spanText(start, end), onSelectionChange(fn); the page fires "makna:painted" ({start, end, provisional}) on document after it
 * redraws rows and "makna:selection" on a change of the selection. A new coding is drawn at once
 * (provisional) and again from the server's reply; a refused one is taken back.
 */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const root = document.getElementById("text");
  const picker = document.getElementById("picker");
  const input = document.getElementById("picker-input");
  const list = document.getElementById("picker-list");
  const popover = document.getElementById("popover");
  const caretEl = document.getElementById("caret");
  const status = document.getElementById("sr-status");
  const codes = new Map(data.codes.map((c) => [c.id, c]));
  let segs = data.segs.slice(); // [id, start, end, codeId, coder, memo]; the list is this script's own
  let recent = data.recent.slice();
  let pending = null; // {start, end, range}
  let active = 0;
  let mode = null; // null | {recode: seg} | {resize: seg}

  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };
  const cps = (s) => Array.from(s);

  // ------------------------------------------------------------------ rows and leaves
  const rowEls = [...root.querySelectorAll(".row")];
  const rowStart = rowEls.map((r) => +r.dataset.start);
  const rowEnd = rowEls.map((r) => +r.dataset.end);
  function rowIndexAt(pos) { // the row holding pos (or the last row starting before it)
    let lo = 0, hi = rowEls.length - 1, ans = 0;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (rowStart[mid] <= pos) { ans = mid; lo = mid + 1; } else hi = mid - 1; }
    return ans;
  }
  function leaves() { return root.querySelectorAll("[data-s]"); }
  function leafEnd(leaf) { return +leaf.dataset.s + cpLen(leaf.textContent); }
  const rowTexts = new Map(); // row index -> array of code points
  function rowText(i) {
    if (!rowTexts.has(i)) {
      const tx = rowEls[i].querySelector(".tx");
      rowTexts.set(i, cps(tx ? tx.textContent : ""));
    }
    return rowTexts.get(i);
  }
  function spanText(start, end) { // the text shown at start:end, its rows joined by a space
    const t = [];
    for (let i = rowIndexAt(start); i < rowEls.length && rowStart[i] < end; i++) {
      t.push(rowText(i).slice(Math.max(0, start - rowStart[i]), end - rowStart[i]).join(""));
    }
    return t.join(" ");
  }
  function labelEnd(i) {
    const spk = rowEls[i].querySelectorAll(".cell:first-child .spk");
    return spk.length ? leafEnd(spk[spk.length - 1]) : null;
  }

  // ------------------------------------------------------------------ drawing codings locally
  function esc(s) { return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }
  const drawn = new WeakMap(); // element -> the HTML this script last put in it

  function paintRow(i) {
    const row = rowEls[i];
    const a0 = rowStart[i], b0 = rowEnd[i];
    const text = rowText(i);
    const lab = labelEnd(i);
    for (const cell of row.querySelectorAll(".cell")) {
      const only = cell.dataset.coder;
      const here = [];
      segs.forEach((s, n) => { if (s[1] < b0 && s[2] > a0 && (!only || s[4] === only)) here.push([s, n]); });
      const cuts = new Set([a0, b0]);
      if (lab !== null && lab > a0 && lab < b0) cuts.add(lab);
      for (const [s] of here) { if (s[1] > a0) cuts.add(s[1]); if (s[2] < b0) cuts.add(s[2]); }
      const pts = [...cuts].sort((x, y) => x - y);
      let html = "";
      for (let k = 0; k + 1 < pts.length; k++) {
        const a = pts[k], b = pts[k + 1];
        let cls = lab !== null && a < lab ? "spk" : "";
        const on = here.filter(([s]) => s[1] <= a && s[2] >= b);
        if (on.length) {
          let inner = on[0];
          for (const x of on) {
            const d = (x[0][2] - x[0][1]) - (inner[0][2] - inner[0][1]);
            if (d < 0 || (d === 0 && x[1] < inner[1])) inner = x;
          }
          const c = codes.get(inner[0][3]);
          const distinct = new Set(on.map(([s]) => s[3]));
          cls = (cls + " hl k" + (c ? c.i : 0) + (distinct.size > 1 ? " multi" : "")).trim();
        }
        html += '<span data-s="' + a + '"' + (cls ? ' class="' + cls + '"' : "") + ">" +
          esc(text.slice(a - a0, b - a0).join("")) + "</span>";
      }
      const tx = cell.querySelector(".tx");
      // the reply of a coding drawn at once usually changes nothing: the row is then left as it is
      if (drawn.get(tx) !== html) { tx.innerHTML = html; drawn.set(tx, html); } // every text escaped above
    }
  }

  // What follows a redraw (stripes.js and memos.js listen to "makna:segments") waits until the highlight
  // is on screen: the next frame, then an idle moment (at most 300 ms later). Changes in between are
  // sent as one event with the span they cover, so the listeners redo only the rows of that span.
  let after = null; // {start, end} still to announce
  function announceSegments() {
    const span = after;
    after = null;
    if (!span) return;
    document.dispatchEvent(new CustomEvent("makna:segments",
      { detail: { segs, codes: [...codes.values()], start: span.start, end: span.end } }));
  }
  function segmentsChanged(start, end) {
    if (after) { after.start = Math.min(after.start, start); after.end = Math.max(after.end, end); return; }
    after = { start, end };
    window.makna.later(announceSegments, 300);
  }

  function paint(start, end, provisional) {
    if (!rowEls.length) return;
    for (let i = rowIndexAt(start); i < rowEls.length && rowStart[i] < Math.max(end, start + 1); i++) {
      if (rowEnd[i] > start || (start === end && rowStart[i] === start)) paintRow(i);
    }
    document.dispatchEvent(new CustomEvent("makna:painted", { detail: { start, end, provisional: !!provisional } }));
    if (!provisional) segmentsChanged(start, end); // a provisional coding is announced with the reply
  }

  function drawSegment(seg) { // seg: the reply of POST /api/segments (or the same fields)
    const id = seg.id;
    segs = segs.filter((s) => s[0] !== id);
    segs.push([id, seg.start, seg.end, seg.code_id || seg.code, seg.coder, seg.memo || ""]);
    paint(seg.start, seg.end);
  }
  function removeSegment(id) {
    const s = segs.find((x) => x[0] === id);
    if (!s) return;
    segs = segs.filter((x) => x[0] !== id);
    paint(s[1], s[2]);
  }

  // ------------------------------------------------------------------ DOM position <-> offset
  function boundary(node, offset, isEnd) {
    if (node.nodeType === Node.TEXT_NODE) {
      const leaf = node.parentElement && node.parentElement.closest("[data-s]");
      if (leaf && root.contains(leaf)) return +leaf.dataset.s + cpLen(node.data.slice(0, offset));
    }
    // An element boundary (e.g. a triple click): the nearest leaf after it (start) or before it (end).
    const all = leaves();
    const point = document.createRange();
    point.setStart(node, offset);
    let lo = 0, hi = all.length; // first leaf that starts at or after the point
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(all[mid], 0) < 0) lo = mid + 1; else hi = mid;
    }
    if (isEnd) return lo > 0 ? leafEnd(all[lo - 1]) : null;
    return lo < all.length ? +all[lo].dataset.s : null;
  }

  function domPoint(pos) { // [text node, UTF-16 offset] of code point offset pos (first column)
    const i = rowIndexAt(pos);
    const cell = rowEls[i] && rowEls[i].querySelector(".tx");
    if (!cell) return null;
    let last = null;
    for (const leaf of cell.children) {
      const s = +leaf.dataset.s;
      if (s > pos) break;
      last = leaf;
    }
    if (!last || !last.firstChild) return cell.firstChild && cell.firstChild.firstChild ? [cell.firstChild.firstChild, 0] : null;
    const node = last.firstChild;
    const k = Math.min(pos - +last.dataset.s, cpLen(node.data));
    return [node, cps(node.data).slice(0, k).join("").length];
  }

  function rangeOf(start, end) {
    const a = domPoint(start), b = domPoint(end);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  }

  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
    let start = boundary(range.startContainer, range.startOffset, false);
    let end = boundary(range.endContainer, range.endOffset, true);
    if (start === null || end === null) return null;
    const str = range.toString();
    if (!str.trim()) return null;
    start += cpLen(str.match(/^\s*/)[0]);
    end -= cpLen(str.match(/\s*$/)[0]);
    if (end <= start) return null;
    return { start, end, range: range.cloneRange() };
  }

  // ------------------------------------------------------------------ keyboard selection
  let anchor = null, focusAt = null; // code point offsets of the keyboard selection
  const listeners = [];
  function selection() {
    if (anchor === null) return null;
    return { start: Math.min(anchor, focusAt), end: Math.max(anchor, focusAt) };
  }
  function announce() {
    const s = selection();
    const detail = s ? { start: s.start, end: s.end } : null;
    for (const fn of listeners) { try { fn(detail); } catch (e) { console.warn(e); } }
    document.dispatchEvent(new CustomEvent("makna:selection", { detail }));
  }
  let sayTimer = null;
  function say(text) { clearTimeout(sayTimer); sayTimer = setTimeout(() => { status.textContent = text; }, 250); }

  // The caret is placed in the next frame, with one read of the layout that frame needs anyway (a
  // coding, a selection and a closed picker in a row place it once).
  let caretQueued = false;
  function showCaret() {
    if (caretQueued) return;
    caretQueued = true;
    requestAnimationFrame(() => { caretQueued = false; placeCaret(); });
  }
  function placeCaret() {
    const p = focusAt === null ? null : domPoint(focusAt);
    if (!p) { caretEl.hidden = true; return; }
    const r = document.createRange();
    r.setStart(p[0], p[1]); r.collapse(true);
    let rect = r.getClientRects()[0] || r.getBoundingClientRect();
    if (!rect || (!rect.height && p[0].length)) {
      const q = document.createRange(); q.setStart(p[0], Math.max(0, p[1] - 1)); q.setEnd(p[0], Math.max(1, p[1]));
      const rr = q.getBoundingClientRect(); rect = { left: p[1] ? rr.right : rr.left, top: rr.top, height: rr.height };
    }
    caretEl.hidden = document.activeElement !== root;
    caretEl.style.left = (window.scrollX + rect.left - 1) + "px";
    caretEl.style.top = (window.scrollY + rect.top) + "px";
    caretEl.style.height = (rect.height || 20) + "px";
    caretEl.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function setKeyboardSelection(a, f) {
    anchor = a; focusAt = f;
    const s = selection();
    const sel = window.getSelection();
    if (s && s.end > s.start) {
      const pa = domPoint(a), pf = domPoint(f);
      if (pa && pf) sel.setBaseAndExtent(pa[0], pa[1], pf[0], pf[1]);
      say(spanText(s.start, s.end).slice(0, 300));
    } else {
      sel.removeAllRanges();
    }
    showCaret();
    announce();
  }

  const WORD = /[\p{L}\p{N}_'’-]/u;
  function charAt(pos) { const i = rowIndexAt(pos); return rowText(i)[pos - rowStart[i]]; }
  function clampToRows(pos, dir) { // a position inside a row (between rows: the nearest row edge)
    const i = rowIndexAt(pos);
    if (pos <= rowEnd[i]) return Math.max(pos, rowStart[i]);
    return dir > 0 && i + 1 < rowEls.length ? rowStart[i + 1] : rowEnd[i];
  }
  function stepChar(pos, dir) {
    const i = rowIndexAt(pos);
    if (dir > 0) return pos < rowEnd[i] ? pos + 1 : (i + 1 < rowEls.length ? rowStart[i + 1] : pos);
    return pos > rowStart[i] ? pos - 1 : (i > 0 ? rowEnd[i - 1] : pos);
  }
  function stepWord(pos, dir) {
    const i = rowIndexAt(pos);
    const t = rowText(i), base = rowStart[i];
    let k = pos - base;
    if (dir > 0) {
      if (k >= t.length) return i + 1 < rowEls.length ? rowStart[i + 1] : pos;
      while (k < t.length && !WORD.test(t[k])) k++;
      while (k < t.length && WORD.test(t[k])) k++;
    } else {
      if (k <= 0) return i > 0 ? rowEnd[i - 1] : pos;
      while (k > 0 && !WORD.test(t[k - 1])) k--;
      while (k > 0 && WORD.test(t[k - 1])) k--;
    }
    return base + k;
  }
  function sentenceEdges(i) {
    const t = rowText(i), base = rowStart[i], lab = labelEnd(i);
    const out = [base];
    let k = lab !== null ? lab - base : 0;
    while (k < t.length && /\s/.test(t[k])) k++;
    if (k > 0) out.push(base + k);
    for (; k < t.length; k++) {
      if (/[.!?…]/.test(t[k]) && (k + 1 >= t.length || /\s/.test(t[k + 1]))) {
        out.push(base + k + 1);
        let j = k + 1;
        while (j < t.length && /\s/.test(t[j])) j++;
        if (j < t.length) out.push(base + j);
      }
    }
    out.push(base + t.length);
    return [...new Set(out)].sort((x, y) => x - y);
  }
  function stepSentence(pos, dir) {
    const i = rowIndexAt(pos);
    const edges = sentenceEdges(i);
    if (dir > 0) {
      const next = edges.find((e) => e > pos);
      return next !== undefined ? next : (i + 1 < rowEls.length ? sentenceEdges(i + 1)[1] || rowStart[i + 1] : pos);
    }
    const prev = edges.filter((e) => e < pos).pop();
    return prev !== undefined ? prev : (i > 0 ? rowEnd[i - 1] : pos);
  }
  function stepTurn(pos, dir) {
    const i = rowIndexAt(pos);
    if (dir > 0) return pos < rowEnd[i] ? rowEnd[i] : (i + 1 < rowEls.length ? rowEnd[i + 1] : pos);
    const lab = labelEnd(i);
    const bodyStart = lab !== null ? sentenceEdges(i)[1] : rowStart[i];
    if (pos > bodyStart) return bodyStart;
    return i > 0 ? (labelEnd(i - 1) !== null ? sentenceEdges(i - 1)[1] : rowStart[i - 1]) : pos;
  }

  function keyMove(ev) {
    const dir = ev.key === "ArrowRight" || ev.key === "ArrowDown" ? 1 : -1;
    const horizontal = ev.key === "ArrowLeft" || ev.key === "ArrowRight";
    const ctrl = ev.ctrlKey || ev.metaKey;
    if (anchor === null) {
      const s = selectionOffsets();
      if (s) { anchor = s.start; focusAt = s.end; } else { const f = firstVisible(); anchor = focusAt = f; }
    }
    let from = focusAt;
    if (!ev.shiftKey && anchor !== focusAt && !mode) { // collapse to the side of the move
      from = dir > 0 ? Math.max(anchor, focusAt) : Math.min(anchor, focusAt);
      if (horizontal && !ctrl) { setKeyboardSelection(from, from); return; }
    }
    let to;
    if (horizontal) to = ctrl ? stepWord(from, dir) : stepChar(from, dir);
    else to = ctrl ? stepTurn(from, dir) : stepSentence(from, dir);
    to = clampToRows(to, dir);
    if (ev.shiftKey || mode) setKeyboardSelection(anchor, to); else setKeyboardSelection(to, to);
  }

  function firstVisible() {
    for (let i = 0; i < rowEls.length; i++) {
      if (rowEls[i].getBoundingClientRect().bottom > 60) {
        const lab = labelEnd(i);
        return lab !== null ? sentenceEdges(i)[1] : rowStart[i];
      }
    }
    return rowStart[0] || 0;
  }

  function keyboardPending() {
    const s = selection();
    if (!s || s.end <= s.start) return null;
    // trim white space, as for a mouse selection
    let a = s.start, b = s.end;
    while (a < b && /\s/.test(charAt(a) || "")) a++;
    while (b > a && /\s/.test(charAt(b - 1) || "")) b--;
    if (b <= a) return null;
    return { start: a, end: b, range: rangeOf(a, b) };
  }

  // ------------------------------------------------------------------ the code picker
  function label(c) { return c.path || c.name; }

  function choices() {
    const q = input.value.trim().toLowerCase();
    const out = [];
    if (!q) {
      const seen = new Set();
      for (const id of data.shortcuts.concat(recent)) {
        if (id && codes.has(id) && !seen.has(id)) { seen.add(id); out.push({ code: codes.get(id) }); }
      }
      for (const c of codes.values()) if (!seen.has(c.id)) out.push({ code: c });
      return out;
    }
    for (const c of codes.values()) {
      if (label(c).toLowerCase().includes(q) || c.key.toLowerCase().includes(q)) out.push({ code: c });
    }
    out.sort((a, b) => (a.code.name.toLowerCase().startsWith(q) ? 0 : 1) - (b.code.name.toLowerCase().startsWith(q) ? 0 : 1));
    // "Create code" only for who may add codes (a coder's would be refused), and not for a code's own name or key
    if (!mode && data.may_create !== false && ![...codes.values()].some((c) => c.name.toLowerCase() === q || c.key.toLowerCase() === q)) {
      out.push({ create: input.value.trim() });
    }
    return out;
  }

  function drawChoices() {
    const items = choices();
    list.replaceChildren();
    active = Math.min(active, Math.max(items.length - 1, 0));
    items.slice(0, 60).forEach((item, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "pick-" + i;
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      if (i === active) { li.classList.add("active"); input.setAttribute("aria-activedescendant", li.id); }
      if (item.create !== undefined) {
        li.classList.add("create");
        li.textContent = M("Create code") + " “" + item.create + "”";
      } else {
        const chip = document.createElement("span");
        chip.className = "chip k" + item.code.i;
        const name = document.createElement("span");
        name.textContent = label(item.code);
        li.append(chip, name);
        const n = data.shortcuts.indexOf(item.code.id);
        if (n >= 0) { const k = document.createElement("kbd"); k.textContent = String(n + 1); li.append(k); }
      }
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(item); });
      list.append(li);
    });
    const act = list.querySelector("li.active");
    if (act) act.scrollIntoView({ block: "nearest" });
    if (!items.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = M("No codes match");
      list.append(li);
    }
    return items;
  }

  function showPending(range) {
    if (range && window.CSS && CSS.highlights && window.Highlight) CSS.highlights.set("pending", new Highlight(range));
  }
  function clearPending() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("pending");
    pending = null;
  }

  let returnFocus = null;
  function openPicker(sel, how) {
    pending = sel;
    returnFocus = document.activeElement === root || how === "keyboard" ? root : null;
    showPending(sel.range);
    closePopover(true);
    const rect = sel.range ? sel.range.getBoundingClientRect() : root.getBoundingClientRect();
    picker.hidden = false;
    const top = Math.min(window.scrollY + rect.bottom + 6, window.scrollY + window.innerHeight - 320);
    const left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 340);
    picker.style.top = Math.max(top, window.scrollY + 4) + "px";
    picker.style.left = Math.max(left, 8) + "px";
    input.value = "";
    input.placeholder = M("Type to find or create a code");
    active = 0;
    drawChoices();
    input.focus({ preventScroll: true });
  }
  function closePicker() {
    picker.hidden = true; clearPending(); mode = null;
    if (returnFocus) { const r = returnFocus; returnFocus = null; r.focus({ preventScroll: true }); showCaret(); }
  }

  async function choose(item) {
    if (!pending && !(mode && mode.recode)) return;
    const target = pending;
    let refused = false;
    try {
      if (mode && mode.recode) {
        await changeSegment(mode.recode, { code: item.code.id });
      } else {
        let code = item.code;
        if (item.create !== undefined) {
          const made = await api("POST", "/api/codes", { name: item.create });
          code = { id: made.id, key: made.key, name: made.name, path: made.name, i: codes.size, depth: 0 };
          codes.set(code.id, code);
          reloadColours();
          addToSide(code);
        }
        await codeSpan(target.start, target.end, code.id);
      }
    } catch (err) {
      refused = !(mode && mode.recode);
      toast(M("Could not save") + ": " + err.message, true);
    }
    closePicker();
    // not coded (no connection, a refusal): the words stay selected, so a key or the picker tries again
    if (refused && target) setKeyboardSelection(target.start, target.end);
    else if (anchor !== null && target) setKeyboardSelection(target.end, target.end);
    else window.getSelection().removeAllRanges();
  }

  let provisionalN = 0;
  async function codeSpan(start, end, codeId) {
    const code = codes.get(codeId);
    // drawn at once as the coder's own coding, then again from the server's reply (or taken back)
    const tmp = "pending-" + (++provisionalN);
    // the request leaves first, then the page draws while the server works
    // with the text this page shows there: a source de-identified since the page loaded refuses it (409)
    const saving = api("POST", "/api/segments", { source: data.source.id, start, end, code: codeId,
                                                  quote: spanText(start, end) });
    segs.push([tmp, start, end, codeId, data.coder, ""]);
    paint(start, end, true);
    let seg;
    try {
      seg = await saving;
    } catch (err) {
      segs = segs.filter((s) => s[0] !== tmp);
      paint(start, end);
      throw err;
    }
    segs = segs.filter((s) => s[0] !== tmp);
    // a retry after a lost answer gets the coding made the first time (created: false), which the live log may
    // have drawn and counted already: counted once
    const known = segs.some((s) => s[0] === seg.id);
    drawSegment(seg);
    recent = [codeId].concat(recent.filter((x) => x !== codeId)).slice(0, 9);
    if (!known) bumpCount(codeId, 1);
    const said = M("Coded") + ": " + (code ? label(code) : seg.code_name);
    window.makna.later(() => toast(said), 200); // after the highlight is on screen
    return seg;
  }

  async function changeSegment(s, body) {
    const got = await api("POST", "/api/segments/" + encodeURIComponent(s[0]) + "/change", body);
    const [oldStart, oldEnd, oldCode] = [s[1], s[2], s[3]];
    segs = segs.filter((x) => x[0] !== s[0]);
    segs.push([got.id, got.start, got.end, got.code_id, got.coder, got.memo || ""]);
    paint(Math.min(oldStart, got.start), Math.max(oldEnd, got.end));
    if (oldCode !== got.code_id) { bumpCount(oldCode, -1); bumpCount(got.code_id, 1); }
    toast(M("Saved"));
    return got;
  }

  input.addEventListener("input", () => { active = 0; drawChoices(); });
  input.addEventListener("keydown", (ev) => {
    const items = choices();
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); drawChoices(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); drawChoices(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (items[active]) choose(items[active]); ev.preventDefault(); }
    else if (ev.key === "Escape") { closePicker(); ev.preventDefault(); ev.stopPropagation(); }
    else if (/^[1-9]$/.test(ev.key) && input.value === "") { shortcut(+ev.key); ev.preventDefault(); }
  });
  input.addEventListener("blur", () => setTimeout(() => {
    if (document.activeElement !== input && !picker.hidden) { returnFocus = null; closePicker(); }
  }, 150));

  // ------------------------------------------------------------------ quick codes (keys 1-9)
  async function ensurePinned() {
    if (data.pinned) return;
    data.pinned = true; // the keys as shown become the coder's choice: they will not move later
    try { await api("PUT", "/api/quick-codes", { codes: data.shortcuts }); } catch (err) { data.pinned = false; }
  }
  function shortcut(n) {
    const id = data.shortcuts[n - 1];
    if (!id || !codes.has(id)) return;
    if (mode && mode.recode) { choose({ code: codes.get(id) }); return; }
    if (!pending) return;
    ensurePinned();
    choose({ code: codes.get(id) });
  }
  function drawKeys() {
    const keyOf = new Map(data.shortcuts.map((id, n) => [id, n + 1]));
    for (const li of side.querySelectorAll("li[data-code]")) {
      const k = li.querySelector("kbd");
      const n = keyOf.get(li.dataset.code);
      k.textContent = n ? String(n) : "";
      k.className = n ? "" : "none";
    }
  }
  const keysDialog = document.getElementById("keys-dialog");
  const keysForm = document.getElementById("keys-form");
  document.getElementById("keys-edit").addEventListener("click", () => {
    for (let n = 1; n <= 9; n++) keysForm.elements["k" + n].value = data.shortcuts[n - 1] || "";
    keysDialog.showModal();
  });
  keysForm.addEventListener("change", (ev) => { // a code sits on one key: choosing it here empties its old key
    const sel = ev.target;
    if (!sel.value) return;
    for (let n = 1; n <= 9; n++) {
      const other = keysForm.elements["k" + n];
      if (other !== sel && other.value === sel.value) other.value = "";
    }
  });
  keysDialog.addEventListener("close", async () => {
    if (keysDialog.returnValue !== "save") return;
    const chosen = [];
    for (let n = 1; n <= 9; n++) chosen.push(keysForm.elements["k" + n].value || null);
    try {
      const got = await api("PUT", "/api/quick-codes", { codes: chosen });
      data.shortcuts = got.codes; data.pinned = true;
      drawKeys();
      toast(M("Saved"));
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });

  // ------------------------------------------------------------------ mouse and keyboard
  root.addEventListener("mouseup", () => {
    setTimeout(() => {
      const sel = selectionOffsets();
      if (sel) { anchor = sel.start; focusAt = sel.end; announce(); openPicker(sel, "mouse"); }
    }, 0);
  });
  root.addEventListener("focus", () => {
    if (anchor === null) { const f = firstVisible(); anchor = focusAt = f; }
    showCaret();
  });
  root.addEventListener("blur", () => { caretEl.hidden = true; });
  root.addEventListener("keydown", (ev) => {
    if (ev.key.startsWith("Arrow") && !ev.altKey) { keyMove(ev); ev.preventDefault(); return; }
    if (ev.key === "Home" || ev.key === "End") {
      keyMove({ key: ev.key === "End" ? "ArrowDown" : "ArrowUp", ctrlKey: true, shiftKey: ev.shiftKey });
      ev.preventDefault(); return;
    }
    if (ev.key === "Enter" && !ev.ctrlKey && !ev.altKey) {
      if (mode && mode.resize) { finishResize(); ev.preventDefault(); return; }
      const p = keyboardPending();
      if (p) { openPicker(p, "keyboard"); ev.preventDefault(); }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "n" || ev.key === "p") { jumpCoding(ev.key === "n" ? 1 : -1); ev.preventDefault(); }
    else if (ev.key === "m" || ev.key === "ContextMenu" || (ev.key === "F10" && ev.shiftKey)) { menuAtCaret(); ev.preventDefault(); }
    else if (ev.key === "Escape" && mode && mode.resize) { cancelResize(); ev.preventDefault(); }
    else if (ev.key === "Escape" && anchor !== null) { setKeyboardSelection(focusAt, focusAt); }
  });
  document.addEventListener("keydown", (ev) => {
    if (/^[1-9]$/.test(ev.key) && !ev.ctrlKey && !ev.altKey && !ev.metaKey && document.activeElement !== input &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) && !keysDialog.open) {
      const sel = pending || selectionOffsets() || (document.activeElement === root ? keyboardPending() : null);
      if (sel) {
        pending = sel;
        if (document.activeElement === root) returnFocus = root;
        shortcut(+ev.key); ev.preventDefault();
      }
    }
    if (ev.key === "Escape") { if (!picker.hidden) closePicker(); if (!popover.hidden) closePopover(); }
    // Ctrl+Z undoes the coder's latest change, Ctrl+Shift+Z (or Ctrl+Y) redoes it; in a text field the
    // browser's own undo applies
    const key = ev.key.toLowerCase();
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && (key === "z" || key === "y") &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      history(key === "y" || ev.shiftKey ? "redo" : "undo");
    }
  });

  // ------------------------------------------------------------------ codings by keyboard
  let focusedSeg = null;
  function mine(s) { return s[4] === data.coder; }
  function visibleSegs() {
    const cols = [...(rowEls[0] ? rowEls[0].querySelectorAll(".cell") : [])].map((c) => c.dataset.coder).filter(Boolean);
    return cols.length ? segs.filter((s) => cols.includes(s[4])) : segs;
  }
  function markFocused(s) {
    focusedSeg = s;
    if (!(window.CSS && CSS.highlights && window.Highlight)) return;
    if (!s) { CSS.highlights.delete("focus-seg"); return; }
    const r = rangeOf(s[1], s[2]);
    if (r) CSS.highlights.set("focus-seg", new Highlight(r));
  }
  function jumpCoding(dir) {
    const at = focusAt === null ? -1 : Math.min(anchor, focusAt);
    const sorted = visibleSegs().slice().sort((a, b) => a[1] - b[1] || a[2] - b[2]);
    let next;
    if (dir > 0) next = sorted.find((s) => s[1] > at || (s[1] === at && focusedSeg && s !== focusedSeg && sorted.indexOf(s) > sorted.indexOf(focusedSeg)));
    else next = sorted.filter((s) => s[1] < at || (s[1] === at && focusedSeg && sorted.indexOf(s) < sorted.indexOf(focusedSeg))).pop();
    if (!next) return;
    setKeyboardSelection(next[1], next[2]);
    markFocused(next);
    const c = codes.get(next[3]);
    say((c ? label(c) : "") + " · " + M("by") + " " + next[4]);
  }
  function menuAtCaret() {
    const s = selection();
    if (!s) return;
    const at = focusedSeg && focusedSeg[1] === s.start && focusedSeg[2] === s.end ? focusedSeg[1] : Math.min(s.start, Math.max(s.end - 1, s.start));
    const here = visibleSegs().filter((x) => x[1] <= at && at < x[2] && !x[0].startsWith("pending-"));
    if (focusedSeg && here.includes(focusedSeg)) { here.splice(here.indexOf(focusedSeg), 1); here.unshift(focusedSeg); }
    const p = domPoint(at);
    if (!p || !here.length) return;
    const r = document.createRange(); r.setStart(p[0], p[1]); r.collapse(true);
    const rect = r.getBoundingClientRect();
    openPopover(here, rect.left, rect.bottom, true);
  }

  let resizing = null;
  function startResize(s) {
    closePopover(false);
    mode = { resize: s };
    resizing = [s[1], s[2]];
    root.focus({ preventScroll: true });
    setKeyboardSelection(s[1], s[2]);
    markFocused(s);
    root.classList.add("resizing");
    toast(M("Resize: Shift+arrows move the end, Enter saves, Escape cancels"));
  }
  async function finishResize() {
    const s = mode.resize;
    const sel = selection();
    mode = null; root.classList.remove("resizing");
    if (!sel || sel.end <= sel.start || (sel.start === s[1] && sel.end === s[2])) return;
    try {
      const got = await changeSegment(s, { start: sel.start, end: sel.end });
      markFocused(segs.find((x) => x[0] === got.id));
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  }
  function cancelResize() {
    const s = mode.resize;
    mode = null; root.classList.remove("resizing");
    setKeyboardSelection(resizing[0], resizing[1]);
    markFocused(s);
  }
  function startRecode(s) {
    closePopover(false);
    mode = { recode: s };
    const r = rangeOf(s[1], s[2]);
    const keepMode = mode;
    openPicker({ start: s[1], end: s[2], range: r }, "keyboard");
    mode = keepMode;
    drawChoices();
  }

  // ------------------------------------------------------------------ undo and redo
  let busy = false;
  async function history(what) {
    if (busy) return;
    busy = true;
    try {
      const done = await api("POST", "/api/" + what);
      const said = done.steps.map((s) => s.label || s.description).join("; "); // label: in the page's language
      sessionStorage.setItem("makna-toast", M(what === "undo" ? "Undone" : "Redone") + ": " + said);
      location.reload(); // a step may touch codes, counts and other sources: draw the page again
    } catch (err) {
      toast(err.message, true);
      busy = false;
    }
  }
  const told = sessionStorage.getItem("makna-toast");
  if (told) { sessionStorage.removeItem("makna-toast"); toast(told); }

  function reloadColours() {
    const link = document.getElementById("codes-css");
    link.href = "/codes.css?v=" + Date.now();
  }

  // ------------------------------------------------------------------ the sidebar (a drawer on narrow screens)
  const side = document.getElementById("codelist");
  function addToSide(code) {
    const li = document.createElement("li");
    li.dataset.code = code.id;
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    li.setAttribute("aria-label", label(code));
    const k = document.createElement("kbd"); k.className = "none";
    const chip = document.createElement("span"); chip.className = "chip k" + code.i;
    const name = document.createElement("span"); name.className = "name"; name.textContent = code.name;
    const count = document.createElement("span"); count.className = "count"; count.textContent = "0";
    li.append(k, chip, name, count);
    const empty = side.querySelector(".empty");
    if (empty) empty.remove();
    side.append(li);
    const opt = document.createElement("option"); opt.value = code.id; opt.textContent = code.name;
    for (let n = 1; n <= 9; n++) keysForm.elements["k" + n].append(opt.cloneNode(true));
  }
  function bumpCount(id, by) {
    const el = side.querySelector('li[data-code="' + CSS.escape(id) + '"] .count');
    if (el) el.textContent = String(Math.max(0, (+el.textContent || 0) + by));
  }
  function applyFromSide(li, ev) {
    const sel = pending || selectionOffsets() || keyboardPending();
    if (sel) { ev.preventDefault(); pending = sel; choose({ code: codes.get(li.dataset.code) }); }
  }
  side.addEventListener("mousedown", (ev) => {
    const li = ev.target.closest("li[data-code]");
    if (li) applyFromSide(li, ev);
  });
  side.addEventListener("keydown", (ev) => {
    const li = ev.target.closest("li[data-code]");
    if (li && (ev.key === "Enter" || ev.key === " ")) { returnFocus = root; applyFromSide(li, ev); }
  });
  const drawerBtn = document.getElementById("drawer-toggle");
  const sideEl = document.getElementById("side");
  function setDrawer(open) {
    document.body.classList.toggle("drawer-open", open);
    drawerBtn.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) requestAnimationFrame(() => { const first = side.querySelector("li[data-code]"); if (first) first.focus(); });
  }
  drawerBtn.addEventListener("click", () => setDrawer(!document.body.classList.contains("drawer-open")));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.body.classList.contains("drawer-open")) { setDrawer(false); drawerBtn.focus(); }
  });

  // ------------------------------------------------------------------ a coding's menu (click or keyboard)
  function closePopover(keepFocus) {
    const wasOpen = !popover.hidden;
    popover.hidden = true; popover.replaceChildren();
    if (wasOpen && !keepFocus && popoverFromKeyboard) { popoverFromKeyboard = false; root.focus({ preventScroll: true }); }
  }
  let popoverFromKeyboard = false;

  function button(text, cls, fn) {
    const b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = text;
    b.addEventListener("click", fn);
    return b;
  }

  function openPopover(here, x, y, fromKeyboard) {
    if (!here.length) return;
    popoverFromKeyboard = !!fromKeyboard;
    popover.replaceChildren();
    for (const s of here) {
      const code = codes.get(s[3]) || { name: "?", i: 0 };
      const box = document.createElement("div");
      box.className = "seg";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", label(code) + " " + M("by") + " " + window.makna.coderLabel(s[4]));
      const head = document.createElement("div");
      head.className = "seg-head";
      const chip = document.createElement("span"); chip.className = "chip k" + code.i;
      const name = document.createElement("b"); name.textContent = label(code);
      const who = document.createElement("span"); who.className = "muted"; who.textContent = " " + M("by") + " " + window.makna.coderLabel(s[4]);
      const memo = document.createElement("textarea");
      memo.rows = 2; memo.value = s[5] || ""; memo.placeholder = M("Memo");
      memo.setAttribute("aria-label", M("Memo"));
      if (!mine(s)) { // another coder's coding: shown, not changed (only its coder may)
        box.classList.add("others");
        const note = document.createElement("p");
        note.className = "muted small"; note.textContent = M("Only its coder can change this coding.");
        head.append(chip, name, who);
        memo.readOnly = true;
        box.append(head);
        if (memo.value) box.append(memo);
        box.append(note);
        popover.append(box);
        continue;
      }
      const rm = button(M("Remove"), "danger small", async () => {
        try {
          await api("DELETE", "/api/segments/" + encodeURIComponent(s[0]));
          bumpCount(s[3], -1);
          removeSegment(s[0]);
          markFocused(null);
          toast(M("Removed"));
          closePopover();
        } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
      });
      head.append(chip, name, who, rm);
      const save = button(M("Save memo"), "small", async () => {
        try {
          await api("PATCH", "/api/segments/" + encodeURIComponent(s[0]), { memo: memo.value });
          s[5] = memo.value;
          toast(M("Saved"));
        } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
      });
      const tools = document.createElement("div");
      tools.className = "seg-tools";
      tools.append(save, button(M("Recode"), "small recode", () => startRecode(s)),
        button(M("Resize"), "small resize", () => startResize(s)));
      box.append(head, memo, tools);
      popover.append(box);
    }
    popover.hidden = false;
    popover.style.top = (window.scrollY + y + 12) + "px";
    popover.style.left = Math.max(8, Math.min(window.scrollX + x - 20, window.scrollX + document.documentElement.clientWidth - 380)) + "px";
    if (fromKeyboard) { const first = popover.querySelector("button, textarea"); if (first) first.focus(); }
  }

  popover.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { closePopover(); ev.stopPropagation(); ev.preventDefault(); }
    if (ev.key === "Tab") { // keep focus inside the menu
      const f = [...popover.querySelectorAll("button, textarea")];
      if (!f.length) return;
      const i = f.indexOf(document.activeElement);
      if (ev.shiftKey && i <= 0) { f[f.length - 1].focus(); ev.preventDefault(); }
      else if (!ev.shiftKey && i === f.length - 1) { f[0].focus(); ev.preventDefault(); }
    }
  });

  root.addEventListener("click", (ev) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const leaf = ev.target.closest(".hl[data-s]");
    if (!leaf) { closePopover(true); return; }
    const at = +leaf.dataset.s;
    const cell = leaf.closest(".cell");
    const only = cell && cell.dataset.coder;
    anchor = focusAt = at;
    openPopover(segs.filter((s) => s[1] <= at && at < s[2] && (!only || s[4] === only) && !s[0].startsWith("pending-")),
      ev.clientX, ev.clientY, false);
  });
  document.addEventListener("mousedown", (ev) => {
    if (!popover.hidden && !popover.contains(ev.target) && !ev.target.closest(".hl")) closePopover(true);
  });

  // ------------------------------------------------------------------ jump to #seg=START-END
  function flash() {
    const m = /^#seg=(\d+)-(\d+)$/.exec(location.hash);
    if (!m) return;
    const start = +m[1], end = +m[2];
    const hit = [...leaves()].filter((l) => +l.dataset.s < end && leafEnd(l) > start);
    if (!hit.length) return;
    hit[0].scrollIntoView({ block: "center" });
    for (const l of hit) l.classList.add("flash");
    setTimeout(() => hit.forEach((l) => l.classList.remove("flash")), 2600);
  }
  window.addEventListener("hashchange", flash);
  flash();

  Object.assign(window.makna, {
    drawSegment, removeSegment, paint, codeSpan, selection, spanText,
    // for keep-selection.js: the span selected and not coded yet (by mouse, keyboard or the open picker), or null
    heldSelection() {
      const s = (pending && !mode ? pending : null) || selectionOffsets() || selection();
      return s && s.end > s.start ? { start: s.start, end: s.end } : null;
    },
    segments: () => segs.map((s) => ({ id: s[0], start: s[1], end: s[2], code_id: s[3], coder: s[4], memo: s[5] })),
    onSelectionChange: (fn) => { listeners.push(fn); },
    setSelection: (start, end) => { root.focus({ preventScroll: true }); setKeyboardSelection(start, end); },
    // for live.js (#14): another coder's coding {id, source_id, start, end, code_id, coder, memo}, counted once
    sourceId: data.source.id,
    drawSegment(seg) {
      const from = seg.source_id || null;
      if (from && from !== data.source.id) return Promise.resolve();
      if (!segs.some((s) => s[0] === seg.id)) bumpCount(seg.code_id || seg.code, 1);
      drawSegment(seg);
      return Promise.resolve();
    },
    removeSegment(id) {
      const s = segs.find((x) => x[0] === id);
      if (s) { bumpCount(s[3], -1); removeSegment(id); }
      return Promise.resolve();
    },
    updateMemo(id, memo) { const s = segs.find((x) => x[0] === id); if (s) s[5] = memo; },
    updateCode(code) { // {id, key, name, color, ...}: a renamed, recoloured or new code
      const known = codes.get(code.id);
      if (known) {
        Object.assign(known, { key: code.key, name: code.name });
        const el = side.querySelector('li[data-code="' + CSS.escape(code.id) + '"] .name');
        if (el) el.textContent = code.name;
      } else {
        const made = { id: code.id, key: code.key, name: code.name, path: code.name, i: codes.size, depth: 0 };
        codes.set(code.id, made);
        addToSide(made);
      }
      reloadColours();
    },
  });
  document.body.dataset.ready = "1";
  performance.mark("makna:ready"); // benchmarks/web_bench.py reads it
})();
