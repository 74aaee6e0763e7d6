/* makna workbench: the source view. Select text -> code picker -> the coding is saved.
 *
 * Offsets: every leaf <span data-s="N"> holds exactly text[N:N+len] as one text node, so a DOM
 * position (text node, UTF-16 offset) is N + the number of code points before it in that node.
 * Stored offsets are code points, as everywhere in makna (an emoji counts as one).
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
  const codes = new Map(data.codes.map((c) => [c.id, c]));
  let segs = data.segs; // [id, start, end, codeId, coder, memo]
  let recent = data.recent.slice();
  let pending = null; // {start, end, range}
  let active = 0;

  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };

  // ------------------------------------------------------------------ DOM position -> offset
  function leaves() { return root.querySelectorAll("[data-s]"); }
  function leafEnd(leaf) { return +leaf.dataset.s + cpLen(leaf.textContent); }

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

  // ------------------------------------------------------------------ the code picker
  function label(c) { return c.path || c.name; }

  function choices() {
    const q = input.value.trim().toLowerCase();
    const out = [];
    if (!q) {
      const seen = new Set();
      for (const id of recent.concat(data.shortcuts)) {
        if (codes.has(id) && !seen.has(id)) { seen.add(id); out.push({ code: codes.get(id) }); }
      }
      for (const c of codes.values()) if (!seen.has(c.id)) out.push({ code: c });
      return out;
    }
    for (const c of codes.values()) {
      if (label(c).toLowerCase().includes(q) || c.key.toLowerCase().includes(q)) out.push({ code: c });
    }
    out.sort((a, b) => (a.code.name.toLowerCase().startsWith(q) ? 0 : 1) - (b.code.name.toLowerCase().startsWith(q) ? 0 : 1));
    if (![...codes.values()].some((c) => c.name.toLowerCase() === q)) out.push({ create: input.value.trim() });
    return out;
  }

  function drawChoices() {
    const items = choices();
    list.replaceChildren();
    active = Math.min(active, Math.max(items.length - 1, 0));
    items.slice(0, 60).forEach((item, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      if (i === active) li.classList.add("active");
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
    if (!items.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = M("No codes match");
      list.append(li);
    }
    return items;
  }

  function showPending(range) {
    if (window.CSS && CSS.highlights && window.Highlight) CSS.highlights.set("pending", new Highlight(range));
  }
  function clearPending() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("pending");
    pending = null;
  }

  function openPicker(sel) {
    pending = sel;
    showPending(sel.range);
    closePopover();
    const rect = sel.range.getBoundingClientRect();
    picker.hidden = false;
    const top = Math.min(window.scrollY + rect.bottom + 6, window.scrollY + window.innerHeight - 320);
    const left = Math.min(window.scrollX + rect.left, window.scrollX + window.innerWidth - 340);
    picker.style.top = Math.max(top, window.scrollY + 4) + "px";
    picker.style.left = Math.max(left, 8) + "px";
    input.value = "";
    input.placeholder = M("Type to find or create a code");
    active = 0;
    drawChoices();
    input.focus({ preventScroll: true });
  }
  function closePicker() { picker.hidden = true; clearPending(); }

  async function choose(item) {
    if (!pending) return;
    const target = pending;
    try {
      let code = item.code;
      if (item.create !== undefined) {
        const made = await api("POST", "/api/codes", { name: item.create });
        code = { id: made.id, key: made.key, name: made.name, path: made.name, i: codes.size, depth: 0 };
        codes.set(code.id, code);
        reloadColours();
        addToSide(code);
      }
      await codeSpan(target.start, target.end, code);
    } catch (err) {
      toast(M("Could not save") + ": " + err.message, true);
    }
    closePicker();
    window.getSelection().removeAllRanges();
  }

  async function codeSpan(start, end, code) {
    await api("POST", "/api/segments", { source: data.source.id, start, end, code: code.id });
    recent = [code.id].concat(recent.filter((x) => x !== code.id)).slice(0, 9);
    bumpCount(code.id, 1);
    await refresh(start, end);
    toast(M("Coded") + ": " + label(code));
  }

  input.addEventListener("input", () => { active = 0; drawChoices(); });
  input.addEventListener("keydown", (ev) => {
    const items = choices();
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); drawChoices(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); drawChoices(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (items[active]) choose(items[active]); ev.preventDefault(); }
    else if (ev.key === "Escape") { closePicker(); ev.preventDefault(); }
    else if (/^[1-9]$/.test(ev.key) && input.value === "") { shortcut(+ev.key); ev.preventDefault(); }
  });
  input.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== input) closePicker(); }, 150));

  function shortcut(n) {
    const id = data.shortcuts[n - 1];
    if (pending && id && codes.has(id)) choose({ code: codes.get(id) });
  }

  root.addEventListener("mouseup", () => {
    setTimeout(() => { const sel = selectionOffsets(); if (sel) openPicker(sel); }, 0);
  });
  document.addEventListener("keyup", (ev) => {
    if (ev.shiftKey && ev.key.startsWith("Arrow") && document.activeElement !== input) {
      const sel = selectionOffsets(); if (sel) openPicker(sel);
    }
  });
  document.addEventListener("keydown", (ev) => {
    if (/^[1-9]$/.test(ev.key) && document.activeElement !== input && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      const sel = pending || selectionOffsets();
      if (sel) { pending = sel; shortcut(+ev.key); ev.preventDefault(); }
    }
    if (ev.key === "Escape") { closePicker(); closePopover(); }
    // Ctrl+Z undoes the coder's latest change, Ctrl+Shift+Z (or Ctrl+Y) redoes it; in a text field the
    // browser's own undo applies
    const key = ev.key.toLowerCase();
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && (key === "z" || key === "y") &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      history(key === "y" || ev.shiftKey ? "redo" : "undo");
    }
  });

  // ------------------------------------------------------------------ undo and redo
  let busy = false;
  async function history(what) {
    if (busy) return;
    busy = true;
    try {
      const done = await api("POST", "/api/" + what);
      const said = done.steps.map((s) => s.description).join("; ");
      sessionStorage.setItem("makna-toast", M(what === "undo" ? "Undone" : "Redone") + ": " + said);
      location.reload(); // a step may touch codes, counts and other sources: draw the page again
    } catch (err) {
      toast(err.message, true);
      busy = false;
    }
  }
  const told = sessionStorage.getItem("makna-toast");
  if (told) { sessionStorage.removeItem("makna-toast"); toast(told); }

  // ------------------------------------------------------------------ re-rendering rows
  async function refresh(start, end) {
    const q = new URLSearchParams({ start, end });
    if (data.filter.coder) q.set("coder", data.filter.coder);
    if (data.filter.compare) q.set("compare", data.filter.compare);
    const res = await fetch("/sources/" + encodeURIComponent(data.source.id) + "/rows?" + q, { credentials: "same-origin" });
    if (!res.ok) return;
    const got = await res.json();
    const tpl = document.createElement("template");
    tpl.innerHTML = got.html; // server-rendered, every text escaped
    for (const row of [...tpl.content.children]) {
      const old = document.getElementById(row.id);
      if (old) old.replaceWith(row);
    }
    segs = segs.filter((s) => !(s[1] < got.end && s[2] > got.start)).concat(got.segs);
    // hook for stripes.js and memos.js: the codings changed
    document.dispatchEvent(new CustomEvent("makna:segments", { detail: { segs, codes: [...codes.values()] } }));
  }

  function reloadColours() {
    const link = document.getElementById("codes-css");
    link.href = "/codes.css?v=" + Date.now();
  }

  // ------------------------------------------------------------------ the sidebar
  const side = document.getElementById("codelist");
  function addToSide(code) {
    const li = document.createElement("li");
    li.dataset.code = code.id;
    const k = document.createElement("kbd"); k.className = "none";
    const chip = document.createElement("span"); chip.className = "chip k" + code.i;
    const name = document.createElement("span"); name.className = "name"; name.textContent = code.name;
    const count = document.createElement("span"); count.className = "count"; count.textContent = "0";
    li.append(k, chip, name, count);
    const empty = side.querySelector(".empty");
    if (empty) empty.remove();
    side.append(li);
  }
  function bumpCount(id, by) {
    const el = side.querySelector('li[data-code="' + CSS.escape(id) + '"] .count');
    if (el) el.textContent = String(Math.max(0, (+el.textContent || 0) + by));
  }
  side.addEventListener("mousedown", (ev) => {
    const li = ev.target.closest("li[data-code]");
    if (!li) return;
    const sel = pending || selectionOffsets();
    if (sel) { ev.preventDefault(); pending = sel; choose({ code: codes.get(li.dataset.code) }); }
  });

  // ------------------------------------------------------------------ clicking a highlight
  function closePopover() { popover.hidden = true; popover.replaceChildren(); }

  function openPopover(leaf, x, y) {
    const at = +leaf.dataset.s;
    const cell = leaf.closest(".cell");
    const only = cell && cell.dataset.coder;
    const here = segs.filter((s) => s[1] <= at && at < s[2] && (!only || s[4] === only));
    if (!here.length) return;
    popover.replaceChildren();
    for (const s of here) {
      const code = codes.get(s[3]) || { name: "?", i: 0 };
      const box = document.createElement("div");
      box.className = "seg";
      const head = document.createElement("div");
      head.className = "seg-head";
      const chip = document.createElement("span"); chip.className = "chip k" + code.i;
      const name = document.createElement("b"); name.textContent = label(code);
      const who = document.createElement("span"); who.className = "muted"; who.textContent = " " + M("by") + " " + s[4];
      const rm = document.createElement("button");
      rm.type = "button"; rm.className = "danger small"; rm.textContent = M("Remove");
      rm.addEventListener("click", async () => {
        try {
          await api("DELETE", "/api/segments/" + encodeURIComponent(s[0]));
          bumpCount(s[3], -1);
          await refresh(s[1], s[2]);
          toast(M("Removed"));
          closePopover();
        } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
      });
      const memo = document.createElement("textarea");
      memo.rows = 2; memo.value = s[5] || ""; memo.placeholder = M("Memo");
      if (s[4] !== data.coder) { // another coder's coding: shown, not changed (only its coder may)
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
      head.append(chip, name, who, rm);
      const save = document.createElement("button");
      save.type = "button"; save.className = "small"; save.textContent = M("Save memo");
      save.addEventListener("click", async () => {
        try {
          await api("PATCH", "/api/segments/" + encodeURIComponent(s[0]), { memo: memo.value });
          s[5] = memo.value;
          toast(M("Saved"));
        } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
      });
      box.append(head, memo, save);
      popover.append(box);
    }
    popover.hidden = false;
    popover.style.top = (window.scrollY + y + 12) + "px";
    popover.style.left = Math.max(8, Math.min(window.scrollX + x - 20, window.scrollX + window.innerWidth - 380)) + "px";
  }

  root.addEventListener("click", (ev) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const leaf = ev.target.closest(".hl[data-s]");
    if (leaf) openPopover(leaf, ev.clientX, ev.clientY); else closePopover();
  });
  document.addEventListener("mousedown", (ev) => {
    if (!popover.hidden && !popover.contains(ev.target) && !ev.target.closest(".hl")) closePopover();
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

  // ------------------------------------------------------------------ the small API live.js draws through
  Object.assign(window.makna, {
    sourceId: data.source.id,
    drawSegment(seg) { // another coder's new coding: {id, source_id, start, end, code_id, coder, memo}
      if (seg.source_id !== data.source.id || segs.some((s) => s[0] === seg.id)) return Promise.resolve();
      bumpCount(seg.code_id, 1);
      return refresh(seg.start, seg.end);
    },
    removeSegment(id) {
      const s = segs.find((x) => x[0] === id);
      if (!s) return Promise.resolve();
      bumpCount(s[3], -1);
      return refresh(s[1], s[2]);
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
})();
