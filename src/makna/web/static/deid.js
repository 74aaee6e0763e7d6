/* makna workbench: de-identification. Scan, accept or reject detections, mark a missed identifier by
   selecting it, and apply (the passphrase goes only in the body of one POST and is cleared after). */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const typeName = (code) => (data.types && data.types[code]) || code;  // a type's name in the page's language
  const byId = (id) => document.getElementById(id);

  async function run(fn) {
    try { await fn(); } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  }

  // While a scan or a decision on every pending detection runs, the review waits for it: a decision
  // sent meanwhile was drawn over by the scan's reload, so a user who accepted all during a scan saw
  // "0 accepted" (a new user's trial). The page reloads when the work is done; a refusal frees it.
  const busyButtons = () => [byId("scan"), byId("accept-all"), byId("reject-all"),
                             document.querySelector("#apply [type=submit]")].filter(Boolean);
  function busy(on) {
    for (const b of busyButtons()) b.disabled = on;
    const review = byId("detections");
    if (review) { review.inert = on; review.setAttribute("aria-busy", on ? "true" : "false"); }
  }
  async function whileBusy(fn) {
    busy(true);
    try { await fn(); } catch (err) { busy(false); throw err; }
  }

  byId("scan").addEventListener("click", () => run(() => whileBusy(async () => {
    toast(M("Scanning…"));
    await queue; // the decisions already made are saved before the scan reads them
    const r = await api("POST", "/api/deid/scan", {});
    // what the scan found is shown after the reload (a toast would go with the page)
    sessionStorage.setItem("makna-deid-scanned", JSON.stringify(r));
    location.reload();
  })));
  const scanned = sessionStorage.getItem("makna-deid-scanned");
  if (scanned) {
    sessionStorage.removeItem("makna-deid-scanned");
    const r = JSON.parse(scanned);
    const line = byId("scan-result");
    line.textContent = M("Scan finished") + ": " + r.detections + " " + M("detections") + " · " + r.new + " "
      + M("new") + (r.propagated ? " · " + r.propagated + " " + M("found again: the same name or number as an identifier found or accepted in another source. They wait for your review below: accept each one that identifies someone here too (Accept all pending takes them all), or it stays as written") : "");
    line.hidden = false;
  }

  // ------------------------------------------------------------ review by keyboard and mouse
  // Each decision is drawn at once (the row, the counts, the next row focused), then saved; the saves
  // go out one after another, and a refused one is drawn back and said.
  const table = byId("detections");
  const BUCKET = { pending: "pending", accepted: "accepted", edited: "accepted", added: "accepted", rejected: "rejected" };
  const IS_WORD = /[\p{L}\p{N}_]/u;
  let queue = Promise.resolve();
  function save(fn, undo) {
    queue = queue.then(fn).catch((err) => { if (undo) undo(); toast(M("Could not save") + ": " + err.message, true); });
    return queue;
  }
  function signal(name, detail) { document.dispatchEvent(new CustomEvent(name, { detail })); }
  function bump(sourceId, from, to) {
    const a = BUCKET[from], b = BUCKET[to];
    if (a === b) return;
    const line = document.querySelector('#deid-status tr[data-source="' + CSS.escape(sourceId) + '"]');
    for (const [root, prefix] of [[line, ".c-"], [byId("review-counts"), ".t-"]]) {
      if (!root) continue;
      for (const [bucket, by] of [[a, -1], [b, 1]]) {
        const cell = root.querySelector(prefix + bucket);
        if (cell) cell.textContent = String(Math.max(0, (parseInt(cell.textContent, 10) || 0) + by));
      }
    }
  }
  function setStatus(row, status) {
    const old = row.dataset.status;
    row.dataset.status = status;
    row.className = status + (row.classList.contains("current") ? " current" : "");
    const badge = row.querySelector(".status");
    badge.className = "status " + status;
    badge.textContent = M(status);
    bump(row.dataset.source, old, status);
    return old;
  }

  if (table) {
    const rows = () => table.tBodies[0].querySelectorAll("tr[data-id]");
    let current = table.querySelector("tr[data-id]");
    function focusRow(row, scroll) {
      if (!row) return;
      if (current) { current.tabIndex = -1; current.classList.remove("current"); }
      current = row;
      row.tabIndex = 0;
      row.classList.add("current");
      row.focus({ preventScroll: !scroll });
      if (scroll) row.scrollIntoView({ block: "nearest" });
      signal("makna:deid-moved", { id: row.dataset.id });
    }
    function step(by) {
      const list = [...rows()];
      const at = list.indexOf(current);
      const next = list[at + by];
      if (next) focusRow(next, true);
      else if (by > 0) toast(M("No more detections on this page"));
    }
    function decideRow(row, status) {
      if (!row) return;
      const was = row.dataset.status;
      if (status === "accepted" && (was === "edited" || was === "added")) { step(1); return; }
      if (was !== status) {
        setStatus(row, status);
        signal("makna:deid-counted", { id: row.dataset.id, status });
        save(async () => {
          await api("POST", "/api/deid/decide", { ids: [row.dataset.id], status });
          signal("makna:deid-saved", { id: row.dataset.id, status });
        }, () => setStatus(row, was));
      }
      if (row === current) step(1);
    }

    // ---- the editor of one detection's span and type (within the row's context)
    // one panel, fixed at the foot of the window: opening it changes nothing inside the table, whose
    // layout (2,000 rows) is the slow part of the page
    const panel = byId("editor");
    let ed = null;  // {row, el, from, cps, a, b}
    function cps(row) { const c = row.querySelector("td.ctx"); return [...c.textContent]; }
    function offsetIn(root, node, off) {
      const r = document.createRange();
      r.setStart(root, 0);
      r.setEnd(node, off);
      return [...r.toString()].length;
    }
    function selectionIn(root) {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
      const r = sel.getRangeAt(0);
      if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
      let a = offsetIn(root, r.startContainer, r.startOffset), b = offsetIn(root, r.endContainer, r.endOffset);
      const chars = [...root.textContent];
      while (a < b && !chars[a].trim()) a++;
      while (b > a && !chars[b - 1].trim()) b--;
      return b > a ? [a, b] : null;
    }
    function draw() {
      const rel = [ed.a - ed.from, ed.b - ed.from];
      const parts = ed.el.querySelector(".preview").children;
      parts[0].textContent = ed.cps.slice(0, rel[0]).join("");
      parts[1].textContent = ed.cps.slice(rel[0], rel[1]).join("");
      parts[2].textContent = ed.cps.slice(rel[1]).join("");
    }
    function isWord(i) { return i >= 0 && i < ed.cps.length && IS_WORD.test(ed.cps[i]); }
    function moveEdge(edge, by) {
      // the same steps as makna.privacy.review.nudge_span, within the context shown
      let a = ed.a - ed.from, b = ed.b - ed.from;
      const n = ed.cps.length;
      if (edge === "start" && by < 0) { while (a > 0 && !isWord(a - 1)) a--; while (a > 0 && isWord(a - 1)) a--; }
      if (edge === "start" && by > 0) { while (a < n && !isWord(a)) a++; while (a < n && isWord(a)) a++; while (a < n && !isWord(a)) a++; }
      if (edge === "end" && by > 0) { while (b < n && !isWord(b)) b++; while (b < n && isWord(b)) b++; }
      if (edge === "end" && by < 0) { while (b > 0 && !isWord(b - 1)) b--; while (b > 0 && isWord(b - 1)) b--; while (b > 0 && !isWord(b - 1)) b--; }
      if (b <= a || !ed.cps.slice(a, b).join("").trim()) return;
      ed.a = ed.from + a; ed.b = ed.from + b;
      draw();
    }
    function closeEditor(refocus) {
      if (!ed) return;
      const row = ed.row;
      ed.el.hidden = true;
      ed = null;
      if (refocus) focusRow(row, false);
    }
    function openEditor(row) {
      if (!row || !panel) return;
      const ctx = row.querySelector("td.ctx");
      const picked = selectionIn(ctx);  // read before the focus moves
      closeEditor(false);
      focusRow(row, false);
      const el = panel;
      ed = { row, el, from: +ctx.dataset.from, cps: cps(row), a: +row.dataset.start, b: +row.dataset.end };
      if (picked) { ed.a = ed.from + picked[0]; ed.b = ed.from + picked[1]; }
      el.querySelector(".etype").value = row.dataset.type;
      el.hidden = false;
      draw();
      if (row.getBoundingClientRect().bottom > el.getBoundingClientRect().top) row.scrollIntoView({ block: "center" });
      el.querySelector(".save").focus();
    }
    function useSelection() {
      if (!ed) return;
      const picked = selectionIn(ed.row.querySelector("td.ctx"));
      const inPreview = picked ? null : selectionIn(ed.el.querySelector(".preview"));
      const got = picked || inPreview;
      if (!got) { toast(M("Select the identifier inside this detection's context first"), true); return; }
      ed.a = ed.from + got[0]; ed.b = ed.from + got[1];
      draw();
    }
    function saveEditor() {
      if (!ed) return;
      const { row, a, b } = ed;
      const kind = ed.el.querySelector(".etype").value;
      closeEditor(true);
      save(async () => {
        const r = await api("PATCH", "/api/deid/detections/" + encodeURIComponent(row.dataset.id),
                            { start: a, end: b, type: kind });
        row.dataset.start = r.start; row.dataset.end = r.end; row.dataset.type = r.type;
        const ctx = row.querySelector("td.ctx");
        ctx.dataset.from = r.start - [...r.before].length;
        ctx.children[0].textContent = r.before; ctx.children[1].textContent = r.text; ctx.children[2].textContent = r.after;
        row.querySelector("td.type").textContent = typeName(r.type);
        setStatus(row, r.status);
        for (const id of r.absorbed) {
          const other = table.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
          if (other) setStatus(other, "rejected");
        }
        toast(M("Edited") + ": " + r.text);
        signal("makna:deid-saved", { id: row.dataset.id, status: r.status });
      });
    }

    table.addEventListener("click", (ev) => {
      const row = ev.target.closest("tr[data-id]");
      const btn = ev.target.closest("button");
      if (row && btn && btn.classList.contains("decide")) { focusRow(row, false); decideRow(row, btn.dataset.status); return; }
      if (row && btn && btn.classList.contains("edit")) { openEditor(row); return; }
      if (row && !ev.target.closest("a") && window.getSelection().isCollapsed) focusRow(row, false);
    });
    if (panel) {
      panel.addEventListener("click", (ev) => {
        const btn = ev.target.closest("button");
        if (!btn || !ed) return;
        if (btn.dataset.move) moveEdge(btn.dataset.move, +btn.dataset.by);
        else if (btn.classList.contains("use-selection")) useSelection();
        else if (btn.classList.contains("save")) saveEditor();
        else if (btn.classList.contains("cancel")) closeEditor(true);
      });
    }

    document.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const tag = document.activeElement ? document.activeElement.tagName : "";
      const inField = /^(INPUT|TEXTAREA|SELECT)$/.test(tag);
      if (ed) {
        if (ev.key === "Escape") { ev.preventDefault(); closeEditor(true); return; }
        if (inField) { if (ev.key === "Enter") { ev.preventDefault(); saveEditor(); } return; }
        if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
          ev.preventDefault();
          moveEdge(ev.shiftKey ? "end" : "start", ev.key === "ArrowLeft" ? -1 : 1);
        } else if (ev.key === "Enter" && !(document.activeElement && document.activeElement.closest(".span-editor button:not(.save)"))) {
          ev.preventDefault(); saveEditor();
        } else if (ev.key === "s") { ev.preventDefault(); useSelection(); }
        return;
      }
      if (inField || (document.activeElement && document.activeElement.closest("#apply, #add-detection"))) return;
      const key = ev.key;
      // a decision or an edit acts on the row that has the focus: the first key only shows which one
      const sel = window.getSelection();
      const anchor = sel && !sel.isCollapsed && sel.anchorNode ? sel.anchorNode.parentElement : null;
      const selRow = anchor ? anchor.closest("#detections tr[data-id]") : null;
      if (key === "e" && selRow) { ev.preventDefault(); openEditor(selRow); return; }  // words chosen with the mouse
      const onRow = current && document.activeElement === current;
      if (!onRow && ["a", "r", "e"].includes(key)) { ev.preventDefault(); focusRow(current, true); return; }
      // the arrows move between rows once a row has the focus (elsewhere they scroll the page)
      if (key === "j" || (key === "ArrowDown" && onRow)) { ev.preventDefault(); onRow ? step(1) : focusRow(current, true); }
      else if (key === "k" || (key === "ArrowUp" && onRow)) { ev.preventDefault(); onRow ? step(-1) : focusRow(current, true); }
      else if (key === "a") { ev.preventDefault(); decideRow(current, "accepted"); }
      else if (key === "r") { ev.preventDefault(); decideRow(current, "rejected"); }
      else if (key === "e" || (key === "Enter" && onRow)) { ev.preventDefault(); openEditor(current); }
      else if (key === "u") { ev.preventDefault(); undoLast(); }
    });
  }

  // undo (u, or Ctrl+Z outside a text field): the project's undo of this coder's latest step
  async function undoLast() {
    await queue;
    try {
      const r = await api("POST", "/api/undo", {});
      sessionStorage.setItem("makna-deid-undone", r.steps.map((s) => s.label).join(", "));
      location.reload();
    } catch (err) { toast(M("Nothing to undo") + ": " + err.message, true); }
  }
  document.addEventListener("keydown", (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && ev.key.toLowerCase() === "z" &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      undoLast();
    }
  });
  const undone = sessionStorage.getItem("makna-deid-undone");
  if (undone !== null) { sessionStorage.removeItem("makna-deid-undone"); toast(M("Undone") + ": " + undone); }
  const left = sessionStorage.getItem("makna-deid-left");  // "reject all" leaves what was found again (trial16)
  if (left !== null) {
    sessionStorage.removeItem("makna-deid-left");
    toast(left + " " + M("identifiers you accepted elsewhere, found again, were left pending: accept them"), true);
  }

  for (const [id, status, question] of [["accept-all", "accepted", "Accept every pending detection?"],
                                        ["reject-all", "rejected", "Reject every pending detection?"]]) {
    const btn = byId(id);
    btn.addEventListener("click", () => {
      const least = parseFloat(byId("min-confidence").value || "0") || 0;
      const ask = least > 0 ? M(status === "accepted" ? "Accept every pending detection with a confidence of at least"
                                                      : "Reject every pending detection with a confidence of at least")
        + " " + least.toLocaleString(document.documentElement.lang || undefined) + "?" : M(question);
      if (!confirm(ask)) return;
      run(() => whileBusy(async () => {
        const body = { status, min_confidence: least };
        if (btn.dataset.source) body.source = btn.dataset.source;
        await queue;
        const done = await api("POST", "/api/deid/decide-all", body);
        if (done && done.left_confirmed) {
          sessionStorage.setItem("makna-deid-left", String(done.left_confirmed));
        }
        location.reload();
      }));
    });
  }

  // ------------------------------------------------------------ trust a checked claim (trust23)
  // A detection on a surrogate that an unverified claim names carries a button: after checking the source's
  // text, a manager accepts its claim (POST /api/deid/trust), and the source counts as de-identified.
  for (const btn of document.querySelectorAll("#detections button.trust")) {
    btn.addEventListener("click", (ev) => {
      ev.stopPropagation();
      if (!confirm(btn.dataset.confirm)) return;
      run(() => whileBusy(async () => {
        await queue;
        await api("POST", "/api/deid/trust", { source: btn.dataset.source });
        location.reload();
      }));
    });
  }

  // ------------------------------------------------------------ coders' copies (trustweb24)
  // A manager withdraws (or gives back) the right to seal of one copy or of every copy of a member.
  for (const btn of document.querySelectorAll("#deid-copies button[data-confirm]")) {
    btn.addEventListener("click", () => {
      if (!confirm(btn.dataset.confirm)) return;
      const body = btn.dataset.copy ? { copy_id: btn.dataset.copy } : { member: btn.dataset.member };
      body.restore = btn.classList.contains("copy-restore") || btn.classList.contains("member-restore");
      run(() => whileBusy(async () => {
        await queue;
        await api("POST", "/api/deid/copies/withdraw", body);
        location.reload();
      }));
    });
  }

  // A manager of a project file makes a coder's copy for a member (teamtrust25), as 'makna copy NEW --coder NAME'.
  const made = sessionStorage.getItem("makna-copy-made");
  if (made !== null) { sessionStorage.removeItem("makna-copy-made"); toast(M("Coder's copy made") + ": " + made); }
  const makeForm = byId("copy-make");
  if (makeForm) {
    makeForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const f = new FormData(makeForm);
      const body = { member: f.get("member") };
      if (f.get("file")) body.file = f.get("file");
      if (f.get("passphrase")) body.passphrase = f.get("passphrase");
      if (f.get("blind")) body.blind = true;
      run(() => whileBusy(async () => {
        await queue;
        const done = await api("POST", "/api/deid/copies/make", body);
        sessionStorage.setItem("makna-copy-made", done.path);
        location.reload();
      }));
    });
  }

  // ------------------------------------------------------------ mark a missed identifier
  // in a transcript (#deid-text) or in a free-text field value (#field-text): select it, choose the type
  const added = sessionStorage.getItem("makna-deid-added");
  if (added !== null) { sessionStorage.removeItem("makna-deid-added"); toast(M("Saved") + ": " + added); }
  function markable(text, form, info, missing, post) {
    if (!text || !form) return;
    let picked = null;
    function offsetOf(node, offset) {
      // a leaf <span data-s> holds one text node; offsets are counted in code points
      const leaf = node.nodeType === Node.TEXT_NODE ? node.parentElement : node.childNodes[offset] || node;
      const span = leaf.closest ? leaf.closest("[data-s]") : null;
      if (!span || !text.contains(span)) return null;
      const before = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, offset) : "";
      return +span.dataset.s + [...before].length;
    }
    document.addEventListener("selectionchange", () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !text.contains(sel.anchorNode) || !text.contains(sel.focusNode)) return;
      const r = sel.getRangeAt(0);
      const a = offsetOf(r.startContainer, r.startOffset);
      const b = offsetOf(r.endContainer, r.endOffset);
      if (a === null || b === null || b <= a) return;
      picked = { start: a, end: b, text: sel.toString() };
      info.textContent = a + ":" + b + " «" + picked.text.slice(0, 60) + "»";
    });
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!picked) { toast(M(missing), true); return; }
      run(async () => {
        sessionStorage.setItem("makna-deid-added", await post(picked, ev.target.elements));
        location.reload();
      });
    });
  }
  const text = byId("deid-text");
  markable(text, byId("add-detection"), byId("selection-info"), "Select the missed identifier in the text first",
    async (picked, f) => {
      const r = await api("POST", "/api/deid/detections", {
        source: text.dataset.source, start: picked.start, end: picked.end, type: f.type.value, also: f.also.value,
      });
      let line = (1 + r.others.length) + " " + M("marked");
      if (r.skipped) line += " · " + r.skipped + " " + M("left: they overlap a detection under review");
      location.hash = "d" + picked.start;
      return line;
    });
  const value = byId("field-text");
  markable(value, byId("add-field-detection"), byId("field-selection-info"),
    "Select the missed identifier in the value first", async (picked, f) => {
      await api("POST", "/api/deid/field-detections", {
        field: value.dataset.field, start: picked.start, end: picked.end, type: f.type.value,
      });
      location.hash = "field";
      return "1 " + M("marked");
    });

  // ------------------------------------------------------------ apply
  const form = byId("apply");
  const out = byId("apply-result");
  const done = sessionStorage.getItem("makna-deid-applied");
  if (done) {
    sessionStorage.removeItem("makna-deid-applied");
    const r = JSON.parse(done);
    const p = document.createElement("p");
    p.textContent = M("De-identified") + ": " + r.sources.join(", ") + " · " + r.replaced + " " + M("replacements")
      + " · " + r.key_path + " (" + r.key_id + ")";
    out.appendChild(p);
    if ((r.left_out || []).length) {
      const q = document.createElement("p"); q.className = "warn"; q.id = "apply-left-out";
      q.textContent = M("Left out (coded, as imported)") + ": " + r.left_out.join(", ");
      out.appendChild(q);
    }
    for (const w of r.warnings) {
      const q = document.createElement("p"); q.className = "warn"; q.textContent = w; out.appendChild(q);
    }
    // the transcripts as imported, earlier reports, exports and copies keep the names (found ones named)
    const left = document.createElement("p");
    left.className = "warn"; left.id = "apply-outside";
    left.textContent = M("Outside the project nothing changed: the files you imported, and reports, exports and "
      + "copies of the project written before this apply, still hold the original text. Delete them, or keep "
      + "them as safely as the key") + ((r.outside || []).length ? " (" + M("here") + ": " + r.outside.join(", ")
      + ")." : ".");
    out.appendChild(left);
    out.className = "result-box done";
    out.scrollIntoView({ block: "center" });
  }
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    out.replaceChildren();
    out.className = "result-box";
    if (f.passphrase_repeat.value && f.passphrase_repeat.value !== f.passphrase.value) {
      toast(M("The passphrases differ"), true);
      return;
    }
    const body = { passphrase: f.passphrase.value, mode: f.mode.value,
                   include_pending: f.include_pending.checked, force: f.force.checked };
    if (f.skip_coded && f.skip_coded.checked) body.skip_coded = true; // else their codings move with the text
    if (f.key_path) body.key_path = f.key_path.value; // the local workbench; a team server keeps its own folder
    if (f.passphrase_repeat.value) body.passphrase_repeat = f.passphrase_repeat.value;
    if (f.surrogate_region && f.surrogate_region.value) body.surrogate_region = f.surrogate_region.value;
    if (f.tradition && f.tradition.value) body.tradition = f.tradition.value;
    if (f.coarse_places && f.coarse_places.value) body.coarse_places = f.coarse_places.value;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    toast(M("De-identifying…"));
    window.makna = window.makna || {};
    window.makna.deidApplying = true; // live.js: no reload on this apply's own event (this page reloads after it)
    try {
      const r = await api("POST", "/api/deid/apply", body);
      // reload, so that no original text stays on screen; the summary (no secret in it) is shown after
      sessionStorage.setItem("makna-deid-applied", JSON.stringify({
        sources: r.sources, replaced: r.replaced, key_path: r.key_path, key_id: r.key_id,
        warnings: r.warnings.concat(r.unscanned.length ? [r.unscanned.join(", ")] : []), outside: r.outside,
        left_out: Object.keys(r.left_out || {}),
      }));
      location.reload();
      return;
    } catch (err) {
      const p = document.createElement("p");
      p.className = "card error";
      p.textContent = M("Could not de-identify") + ": " + err.message;
      out.appendChild(p);
      out.className = "result-box failed";
      toast(M("Could not de-identify"), true);
    } finally {
      f.passphrase.value = "";
      f.passphrase_repeat.value = "";
      button.disabled = false;
      window.makna.deidApplying = false;
    }
  });
  document.body.dataset.ready = "1";
})();
