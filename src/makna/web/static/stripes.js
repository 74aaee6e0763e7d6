/* makna workbench: margin stripes. Each coding gets a stripe beside the lines it covers (not the whole
 * turn), in its code's colour, labelled with the code's name, with ✎ when it has a memo. Clicking a
 * stripe opens that coding (its popover) and tells the memo panel; Alt+click, or the "Show only this
 * code" list, keeps only one code's stripes and highlights.
 *
 * Stripes are drawn per row when the browser renders the row (content-visibility; an IntersectionObserver
 * where that event is missing), so a long transcript costs only what is on screen; after a change only
 * the rows of the changed span are drawn again, once the new highlight is on screen.
 */
"use strict";
(function () {
  const root = document.getElementById("text");
  const extras = document.getElementById("extras-data");
  if (!root || !extras) return;
  const X = JSON.parse(extras.textContent);
  const M = (s) => (X.msg && X.msg[s]) || s;
  const page = window.makna.pageData();
  const select = document.getElementById("stripe-only");
  const LANE = 14, MAX_LANES = 6;
  let segs = page.segs; // [id, start, end, codeId, coder, memo]
  let codes = new Map(page.codes.map((c) => [c.id, c]));
  let memoSegs = new Set(); // segments with a memo in the memo panel's store
  let only = "";
  let lanes = new Map();
  let version = 0;
  const near = new Set();

  // The margin is as wide as the most codings any row holds (at most MAX_LANES); within a row, a
  // stripe takes the first lane free over its lines (its lane in the row above when it can).
  // byRow: row id -> the codings shown on it, sorted by start (rebuilt when codings or the filter change).
  let byRow = new Map();
  const order = (a, b) => a[1] - b[1] || b[2] - a[2];
  const shown = (s) => !only || s[3] === only;
  function setLanes() { // returns whether the margin's width changed
    let most = 0;
    for (const list of byRow.values()) most = Math.max(most, list.length);
    const want = String(Math.max(1, Math.min(most, MAX_LANES)));
    if (root.style.getPropertyValue("--lanes") === want) return false;
    root.style.setProperty("--lanes", want);
    return true;
  }
  function assignLanes() {
    const rows = [...root.querySelectorAll(":scope > .row")];
    const starts = rows.map((r) => +r.dataset.start);
    byRow = new Map();
    const sorted = segs.filter(shown).sort(order);
    for (const s of sorted) {
      let lo = 0, hi = starts.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= s[1]) lo = mid + 1; else hi = mid; }
      for (let i = Math.max(lo - 1, 0); i < rows.length && starts[i] < s[2]; i++) {
        if (+rows[i].dataset.end <= s[1]) continue;
        const list = byRow.get(rows[i].id);
        if (list) list.push(s); else byRow.set(rows[i].id, [s]);
      }
    }
    setLanes();
  }
  // After a change over [start, end): only the rows of that span are listed and drawn again (a coding
  // costs the rows it touches, not the transcript); a wider margin redraws every row near the screen.
  function update(start, end) {
    const rows = [...root.querySelectorAll(":scope > .row")].filter((r) =>
      +r.dataset.start < Math.max(end, start + 1) && +r.dataset.end > start);
    for (const r of rows) {
      const rs = +r.dataset.start, re = +r.dataset.end;
      const list = segs.filter((s) => s[1] < re && s[2] > rs && shown(s)).sort(order);
      if (list.length) byRow.set(r.id, list); else byRow.delete(r.id);
      delete r.dataset.stripes;
    }
    if (setLanes()) { redraw(); return; }
    drawRows(rows.filter((r) => near.has(r)));
  }

  function leavesIn(cell, a, b) {
    return [...cell.querySelectorAll(".tx [data-s]")].filter((l) => +l.dataset.s >= a && +l.dataset.s < b);
  }

  function box(cell, a, b) {
    const hit = leavesIn(cell, a, b);
    if (!hit.length) return null;
    const range = document.createRange();
    range.setStartBefore(hit[0]);
    range.setEndAfter(hit[hit.length - 1]);
    let top = Infinity, bottom = -Infinity;
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    }
    return top === Infinity ? null : { top, bottom };
  }

  function hasMemo(s) { return !!s[5] || memoSegs.has(s[0]); }

  function stripe(s, code, first) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "stripe k" + code.i + (first ? " first" : "");
    b.dataset.seg = s[0];
    b.dataset.code = s[3];
    const name = code.path || code.name;
    b.title = name + " · " + window.makna.coderLabel(s[4]) + (s[5] ? "\n✎ " + s[5] : "");
    b.setAttribute("aria-label", name + (hasMemo(s) ? " (" + M("memo") + ")" : ""));
    if (first) {
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = code.name;
      b.append(label);
      if (hasMemo(s)) {
        const mark = document.createElement("span");
        mark.className = "memo-mark"; mark.setAttribute("aria-hidden", "true"); mark.textContent = "✎";
        b.append(mark);
      }
    }
    return b;
  }

  // Reading geometry and writing stripes alternately would lay the page out once per row: measure
  // every row first, then write them all.
  function measure(row) {
    const rs = +row.dataset.start, re = +row.dataset.end;
    const here = byRow.get(row.id) || [];
    const cells = [];
    for (const cell of row.querySelectorAll(":scope > .cell")) {
      const bars = cell.querySelector(":scope > .bars");
      if (!bars) continue;
      const who = cell.dataset.coder;
      const base = bars.getBoundingClientRect().top;
      const pieces = [];
      for (const s of here) {
        const code = codes.get(s[3]);
        if ((who && s[4] !== who) || !code) continue;
        const where = box(cell, Math.max(s[1], rs), Math.min(s[2], re));
        if (where) pieces.push({ s, code, top: where.top - base, bottom: where.bottom - base, first: s[1] >= rs });
      }
      cells.push({ bars, pieces });
    }
    return cells;
  }

  function write(row, cells) {
    row.dataset.stripes = String(version);
    for (const { bars, pieces } of cells) {
      bars.classList.add("stripes");
      bars.removeAttribute("aria-hidden");
      const used = [];
      const out = [];
      let over = 0;
      for (const p of pieces) {
        const free = (l) => !(used[l] || []).some(([t, b]) => p.top < b - 1 && t < p.bottom - 1);
        let lane = lanes.get(p.s[0]);
        if (lane === undefined || lane >= MAX_LANES || !free(lane)) {
          lane = -1;
          for (let l = 0; l < MAX_LANES; l++) if (free(l)) { lane = l; break; }
        }
        if (lane < 0) { over++; continue; }
        (used[lane] = used[lane] || []).push([p.top, p.bottom]);
        lanes.set(p.s[0], lane);
        const b = stripe(p.s, p.code, p.first);
        b.style.top = p.top + "px";
        b.style.height = Math.max(p.bottom - p.top, 8) + "px";
        b.style.right = (lane * LANE) + "px";
        out.push(b);
      }
      if (over) {
        const more = document.createElement("span");
        more.className = "stripe-more"; more.textContent = "+" + over;
        out.push(more);
      }
      bars.replaceChildren(...out);
    }
  }

  function drawRows(rows) {
    const measured = rows.filter((r) => r.isConnected).map((r) => [r, measure(r)]);
    for (const [row, cells] of measured) write(row, cells);
  }

  // Rows are drawn when the browser renders them (rows have content-visibility: auto; measuring a row it
  // skips would make it lay that row out, one row at a time). Without that event: when near the viewport.
  const byRender = "ContentVisibilityAutoStateChangeEvent" in window;
  let queued = [];
  function drawQueued() {
    const todo = queued.filter((r) => near.has(r) && r.dataset.stripes !== String(version));
    queued = [];
    drawRows(todo);
  }
  let ready = false; // set once the margin is first drawn
  function nearOrNot(row, isNear) {
    if (!isNear) { near.delete(row); return; }
    near.add(row);
    if (!ready || row.dataset.stripes === String(version)) return;
    if (!queued.length) queueMicrotask(drawQueued);
    queued.push(row);
  }
  if (byRender) {
    root.addEventListener("contentvisibilityautostatechange", (e) => {
      if (e.target.parentNode === root && e.target.classList.contains("row")) nearOrNot(e.target, !e.skipped);
    }, true);
  }
  const seen = byRender ? { observe() { /* the render event covers every row */ } }
    : new IntersectionObserver((entries) => {
      for (const e of entries) nearOrNot(e.target, e.isIntersecting);
    }, { rootMargin: "600px 0px" });

  function redraw() {
    version++;
    lanes = new Map();
    assignLanes();
    drawRows([...near]);
  }

  // ------------------------------------------------------------------ show only one code
  function intervals(code) {
    const out = [];
    for (const s of segs.filter((x) => x[3] === code).sort((a, b) => a[1] - b[1])) {
      const last = out[out.length - 1];
      if (last && s[1] <= last[1]) last[1] = Math.max(last[1], s[2]); else out.push([s[1], s[2]]);
    }
    return out;
  }

  // A kept highlight takes the chosen code's colour (it may show an inner code's otherwise); the
  // colour class it had is kept in data-k and put back when the filter goes.
  function recolour(leaf, k) {
    const now = [...leaf.classList].find((c) => /^k\d+$/.test(c));
    if (leaf.dataset.k === undefined) leaf.dataset.k = now || "";
    if (now) leaf.classList.remove(now);
    if (k) leaf.classList.add(k);
  }

  function unmark(scope) {
    for (const leaf of scope.querySelectorAll(".hl[data-k]")) {
      recolour(leaf, leaf.dataset.k);
      delete leaf.dataset.k;
      leaf.classList.remove("keep");
    }
  }

  function markLeaves(scope) {
    if (!only) return;
    const iv = intervals(only);
    const k = "k" + codes.get(only).i;
    for (const leaf of scope.querySelectorAll(".hl[data-s]")) {
      const at = +leaf.dataset.s;
      let lo = 0, hi = iv.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (iv[mid][1] <= at) lo = mid + 1; else hi = mid; }
      const keep = lo < iv.length && iv[lo][0] <= at;
      leaf.classList.toggle("keep", keep);
      if (keep) recolour(leaf, k);
      else if (leaf.dataset.k !== undefined) { recolour(leaf, leaf.dataset.k); delete leaf.dataset.k; }
    }
  }

  function setOnly(code) {
    only = codes.has(code) ? code : "";
    select.value = only;
    root.classList.toggle("only-code", !!only);
    unmark(root);
    markLeaves(root);
    redraw();
  }

  function fillSelect() {
    const keep = select.value;
    const first = select.options[0];
    select.replaceChildren(first);
    for (const c of [...codes.values()].sort((a, b) => a.i - b.i)) {
      const o = document.createElement("option");
      o.value = c.id; o.textContent = "\u00a0".repeat(2 * (c.depth || 0)) + c.name;
      select.append(o);
    }
    select.value = keep;
  }
  select.addEventListener("change", () => setOnly(select.value));

  // ------------------------------------------------------------------ clicking a stripe
  function focusSegment(id) {
    const s = segs.find((x) => x[0] === id);
    if (!s) return;
    const want = root.querySelector(".cell[data-coder]") ? s[4] : "";
    const hit = [...root.querySelectorAll(".tx [data-s]")].filter((l) => +l.dataset.s >= s[1] &&
      +l.dataset.s < s[2] && (l.closest(".cell").dataset.coder || "") === want);
    const leaf = hit.find((l) => l.classList.contains("hl"));
    if (!leaf) return;
    const range = document.createRange();
    range.setStartBefore(hit[0]); range.setEndAfter(hit[hit.length - 1]);
    if (window.CSS && CSS.highlights && window.Highlight) CSS.highlights.set("focus", new Highlight(range));
    leaf.scrollIntoView({ block: "nearest" });
    const r = leaf.getBoundingClientRect();
    leaf.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: r.left + 2, clientY: r.bottom }));
    document.dispatchEvent(new CustomEvent("makna:focus-segment",
      { detail: { id: s[0], code: s[3], start: s[1], end: s[2], coder: s[4] } }));
  }

  root.addEventListener("click", (ev) => {
    const b = ev.target.closest(".stripe");
    if (!b) return;
    ev.stopPropagation(); ev.preventDefault();
    if (ev.altKey) setOnly(only === b.dataset.code ? "" : b.dataset.code);
    else focusSegment(b.dataset.seg);
  }, true);

  // ------------------------------------------------------------------ keeping up with changes
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.classList.contains("row")) { seen.observe(n); markLeaves(n); }
      }
    }
  }).observe(root, { childList: true });
  const signature = window.makna.codesSignature;
  let codesSeen = signature(page.codes);
  document.addEventListener("makna:segments", (ev) => {
    const d = ev.detail;
    segs = d.segs;
    if (d.codes) {
      const sig = signature(d.codes);
      if (sig !== codesSeen) { codesSeen = sig; codes = new Map(d.codes.map((c) => [c.id, c])); fillSelect(); }
    }
    if (typeof d.start === "number" && typeof d.end === "number") {
      if (only) {
        for (const r of root.querySelectorAll(":scope > .row")) {
          if (+r.dataset.start < Math.max(d.end, d.start + 1) && +r.dataset.end > d.start) markLeaves(r);
        }
      }
      update(d.start, d.end);
      return;
    }
    markLeaves(root);
    redraw();
  });
  document.addEventListener("makna:memos", (ev) => { memoSegs = new Set(ev.detail.segments); redraw(); });
  let resizing = null;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(redraw, 120); });

  // The margin is drawn once the transcript is on screen; rows rendered before then are remembered.
  window.makna.later(() => {
    fillSelect();
    assignLanes();
    for (const row of root.querySelectorAll(":scope > .row")) {
      seen.observe(row);
      // rows the browser rendered before this script listened
      const child = row.firstElementChild;
      if (byRender && child && !near.has(row) && child.checkVisibility({ contentVisibilityAuto: true })) near.add(row);
    }
    ready = true;
    queued = [...near];
    drawQueued();
  });
  window.makna.stripes = { setOnly, focusSegment, redraw };
})();
