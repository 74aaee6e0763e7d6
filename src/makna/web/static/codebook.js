/* makna workbench: the codebook. Drag to move, click to edit, merge, split, delete. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const byId = new Map(data.codes.map((c) => [c.id, c]));
  const tree = document.getElementById("tree");
  const editor = document.getElementById("editor");
  const form = document.getElementById("edit-form");
  let current = null;

  function descendants(id) {
    const out = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of data.codes) if (c.parent && out.has(c.parent) && !out.has(c.id)) { out.add(c.id); grew = true; }
    }
    return out;
  }

  function option(value, text) {
    const o = document.createElement("option");
    o.value = value; o.textContent = text;
    return o;
  }

  function select(id) {
    current = byId.get(id);
    if (!current) return;
    for (const li of tree.querySelectorAll("li.node")) li.classList.toggle("selected", li.dataset.id === id);
    editor.hidden = false;
    document.getElementById("ed-title").textContent = current.path;
    fill(current);
    document.getElementById("ed-retrieve").href = "/retrieve?code=" + encodeURIComponent(current.key);
    const own = descendants(id);
    const parent = document.getElementById("move-parent");
    parent.replaceChildren(option("", M("(top level)")));
    const into = document.getElementById("merge-into");
    into.replaceChildren();
    for (const c of data.codes) {
      const text = "\u2003".repeat(c.depth) + c.name;
      if (!own.has(c.id)) parent.append(option(c.id, text));
      if (!own.has(c.id)) into.append(option(c.id, text));
    }
    parent.value = current.parent || "";
  }

  // Another manager's change to the code open here: it arrives live (live.js -> updateCode) or as a save's 409.
  // A field not edited here takes theirs; a field edited here that they changed too is a clash the manager settles
  // (keep mine, take theirs) before saving: nothing is overwritten unseen, nothing typed is lost.
  const FIELDS = ["name", "key", "color", "definition", "inclusion", "exclusion", "example"];
  const same = (f, a, b) => (f === "color" ? String(a).toLowerCase() === String(b).toLowerCase() : a === b);
  let loaded = null; // the values the form was filled with: the version it edits
  let clash = [];
  // The code's name and definition in another language (the report in that language shows them).
  const otherLanguage = () => (document.documentElement.lang === "id" ? "en" : "id");
  function translationOf(code, lang) {
    const found = (code.translations || []).find((t) => t[0] === lang);
    return found ? { name: found[1], definition: found[2] } : { name: "", definition: "" };
  }
  let loadedTr = null;
  function fillTranslation(code, lang) {
    const tr = translationOf(code, lang);
    form.elements.tr_language.value = lang;
    form.elements.tr_name.value = tr.name;
    form.elements.tr_definition.value = tr.definition;
    loadedTr = { language: lang, ...tr };
  }
  function fill(code) {
    loaded = {};
    for (const f of FIELDS) { form.elements[f].value = code[f] || ""; loaded[f] = form.elements[f].value; }
    fillTranslation(code, ((code.translations || [])[0] || [otherLanguage()])[0]);
    note("", false);
  }
  form.elements.tr_language.addEventListener("change", () => {
    if (current) fillTranslation(current, form.elements.tr_language.value.trim());
  });
  function note(text, conflict) {
    const changed = document.getElementById("ed-changed");
    changed.textContent = conflict ? "" : text;
    changed.hidden = conflict || !text;
    document.getElementById("ed-conflict").hidden = !conflict;
    const save = form.querySelector("button[type=submit]");
    if (save) save.disabled = conflict; // settle the clash first
  }
  function showClash(who, message) {
    document.getElementById("ed-conflict-what").textContent = message || (M("Changed by") + " " + who + ":");
    const list = document.getElementById("ed-conflict-list");
    list.replaceChildren();
    for (const [f, mine, theirs] of clash) {
      const li = document.createElement("li");
      const label = form.elements[f].closest("label");
      li.append((label ? label.firstChild.textContent.trim() : f) + ": ");
      const t = document.createElement("b"); t.textContent = theirs || "\u2014";
      li.append(t, " \u00b7 " + M("yours") + ": ");
      const m = document.createElement("span"); m.textContent = mine || "\u2014";
      li.append(m);
      list.append(li);
    }
    note("", true);
  }
  function theirs(code, who, message) {
    const known = byId.get(code.id);
    if (known) {
      for (const f of FIELDS) if (code[f] !== undefined) known[f] = code[f] || "";
      known.version = code.version;
      const el = tree.querySelector('li.node[data-id="' + CSS.escape(code.id) + '"] .name');
      if (el && code.name) el.textContent = code.name;
    }
    if (!current || current.id !== code.id) return;
    const was = loaded;
    // a clash stands while the other's value is the one it showed: the same change heard again (live, then the
    // code read after a 409) keeps it, a newer change of that field is weighed again below
    clash = clash.filter(([f, , value]) => code[f] === undefined || same(f, code[f] || "", value));
    for (const f of FIELDS) {
      if (code[f] === undefined) continue;
      const value = code[f] || "";
      const mine = form.elements[f].value;
      if (same(f, value, was[f])) continue;
      if (same(f, mine, was[f]) || same(f, mine, value)) form.elements[f].value = value;
      else clash.push([f, mine, value]);
    }
    loaded = {};
    for (const f of FIELDS) loaded[f] = code[f] === undefined ? was[f] : (code[f] || "");
    current.version = code.version;
    if (clash.length) showClash(who, message);
    else note(message || (M("Changed by") + " " + who + ": " + M("the editor shows it")), false);
  }
  document.getElementById("ed-keep-mine").addEventListener("click", () => { clash = []; note("", false); });
  document.getElementById("ed-take-theirs").addEventListener("click", () => {
    for (const [f, , value] of clash) form.elements[f].value = value;
    clash = [];
    note("", false);
  });
  Object.assign(window.makna, { updateCode: (code, who) => theirs(code, who || "") });

  tree.addEventListener("click", (ev) => {
    const li = ev.target.closest("li.node");
    if (li) select(li.dataset.id);
  });
  tree.addEventListener("keydown", (ev) => {
    const li = ev.target.closest("li.node");
    if (li && (ev.key === "Enter" || ev.key === " ")) { select(li.dataset.id); ev.preventDefault(); }
  });

  async function move(id, parent) {
    try {
      const code = data.codes.find((c) => c.id === id); // the version shown: a stale move gets 409
      await api("POST", "/api/codes/" + encodeURIComponent(id) + "/move",
        { parent: parent || null, version: code ? code.version : null });
      toast(M("Moved"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  }

  // drag and drop: onto a code (becomes its child) or onto the top-level zone
  let dragged = null;
  tree.addEventListener("dragstart", (ev) => {
    const li = ev.target.closest("li.node");
    if (!li) return;
    dragged = li.dataset.id;
    ev.dataTransfer.setData("text/plain", dragged);
    ev.dataTransfer.effectAllowed = "move";
    li.classList.add("dragging");
  });
  tree.addEventListener("dragend", () => {
    for (const li of document.querySelectorAll(".dragging,.over")) li.classList.remove("dragging", "over");
  });
  function target(ev) { return ev.target.closest("li.node, #root-drop"); }
  for (const zone of [tree, document.getElementById("root-drop")]) {
    zone.addEventListener("dragover", (ev) => {
      const t = target(ev);
      if (!t || !dragged) return;
      if (t.dataset.id && descendants(dragged).has(t.dataset.id)) return;
      ev.preventDefault();
      for (const el of document.querySelectorAll(".over")) if (el !== t) el.classList.remove("over");
      t.classList.add("over");
    });
    zone.addEventListener("dragleave", (ev) => { const t = target(ev); if (t) t.classList.remove("over"); });
    zone.addEventListener("drop", (ev) => {
      const t = target(ev);
      if (!t) return;
      ev.preventDefault();
      const id = dragged || ev.dataTransfer.getData("text/plain");
      dragged = null;
      if (id) move(id, t.dataset.id || "");
    });
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!current || clash.length) return; // a clash with another's change is settled first (keep mine / take theirs)
    const body = {};
    for (const f of ["name", "key", "color", "definition", "inclusion", "exclusion", "example"]) body[f] = form.elements[f].value;
    body.version = current.version; // the version shown: if someone changed the code since, the server says 409
    const tr = { language: form.elements.tr_language.value.trim(), name: form.elements.tr_name.value.trim(),
      definition: form.elements.tr_definition.value.trim() };
    if (tr.language && (!loadedTr || tr.language !== loadedTr.language || tr.name !== loadedTr.name
        || tr.definition !== loadedTr.definition)) body.translation = tr;
    try {
      await api("PATCH", "/api/codes/" + encodeURIComponent(current.id), body);
      toast(M("Saved"));
      location.reload();
    } catch (err) {
      if (err.status === 409) { // changed since this page read it: show what changed, the manager chooses
        try {
          const now = await api("GET", "/api/codes/" + encodeURIComponent(current.id));
          theirs(now, "", err.message);
          return;
        } catch (e) { /* fall through to the message */ }
      }
      toast(M("Could not save") + ": " + err.message, true);
    }
  });
  document.getElementById("move-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (current) move(current.id, document.getElementById("move-parent").value);
  });
  document.getElementById("merge-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const into = document.getElementById("merge-into").value;
    if (!current || !into || !confirm(M("Merge this code into the chosen one?"))) return;
    try {
      await api("POST", "/api/codes/" + encodeURIComponent(current.id) + "/merge", { into });
      toast(M("Merged"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  // splitting: each coding of the code goes to a new code or stays (with its coder, memos and time); a search of the
  // coded text chooses many at once
  const sdialog = document.getElementById("split-dialog");
  const sform = document.getElementById("split-dialog-form");
  const srows = document.getElementById("sd-rows");
  const searchInto = document.getElementById("sd-search-into");
  let splitting = null;
  const fmt = (s, n) => M(s).replace("%(n)s", String(n));
  const nameInputs = () => [...sform.querySelectorAll("input[name=sd_name]")];
  function splitTargets() {
    const names = nameInputs().map((i, n) => i.value.trim() || fmt("New code %(n)s", n + 1));
    for (const sel of [searchInto, ...srows.querySelectorAll("select")]) {
      const was = sel.value;
      sel.replaceChildren(...(sel === searchInto ? [] : [option("", M("stays"))]),
        ...names.map((name, i) => option(String(i), name)));
      sel.value = was;
      if (sel.selectedIndex < 0) sel.selectedIndex = 0;
    }
    splitCount();
  }
  function splitCount() {
    const chosen = [...srows.querySelectorAll("select")].filter((sel) => sel.value !== "").length;
    document.getElementById("sd-count").textContent = fmt("%(n)s coding(s) chosen", chosen);
  }
  document.getElementById("split-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!current) return;
    let rows;
    try {
      rows = await api("GET", "/api/retrieve?descendants=false&limit=10000&code=" + encodeURIComponent(current.id));
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); return; }
    splitting = current;
    document.getElementById("sd-name").textContent = current.path;
    for (const i of sform.querySelectorAll("input:not([type=checkbox])")) i.value = "";
    for (const c of sform.querySelectorAll("input[type=checkbox]")) c.checked = false;
    srows.replaceChildren(...rows.map((r) => {
      const tr = document.createElement("tr");
      tr.dataset.id = r.id;
      Object.assign(tr.dataset, { source: r.source_id, coder: r.coder, start: r.start, end: r.end });
      for (const text of [r.text.length > 240 ? r.text.slice(0, 240) + "\u2026" : r.text, r.coder, r.source]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement("td");
      const sel = document.createElement("select");
      sel.setAttribute("aria-label", M("Split"));
      td.append(sel);
      tr.append(td);
      return tr;
    }));
    splitTargets();
    sdialog.showModal();
  });
  sform.addEventListener("input", (ev) => { if (ev.target.name === "sd_name") splitTargets(); });
  // other coders' codings: a coding chosen brings theirs of the same span along, or with "overlap" theirs that
  // overlap it by at least half of the shorter span (the server's rule: makna.codebook_split.overlaps_enough); the
  // rows brought are marked and sent as the server brings them, not as chosen (a brought one brings no more)
  const everyBox = document.getElementById("sd-every");
  const overlapBox = document.getElementById("sd-overlap");
  function together(a, b) {
    if (a.dataset.source !== b.dataset.source || a.dataset.coder === b.dataset.coder) return false;
    const [as, ae, bs, be] = [a.dataset.start, a.dataset.end, b.dataset.start, b.dataset.end].map(Number);
    if (!overlapBox.checked) return as === bs && ae === be;
    const shared = Math.min(ae, be) - Math.max(as, bs);
    return shared > 0 && 2 * shared >= Math.min(ae - as, be - bs);
  }
  function along(tr, on) {
    tr.classList.toggle("sd-along", on);
    tr.querySelector("select").title = on ? M("comes along with another coder's coding") : "";
  }
  function bring(tr) {
    const value = tr.querySelector("select").value;
    if (!everyBox.checked || value === "") return;
    for (const other of srows.querySelectorAll("tr")) {
      const sel = other.querySelector("select");
      if (other === tr || (sel.value !== "" && !other.classList.contains("sd-along")) || !together(tr, other)) continue;
      sel.value = value;
      along(other, true);
    }
  }
  function bringAll() {
    const rows = [...srows.querySelectorAll("tr")];
    for (const tr of rows.filter((r) => r.classList.contains("sd-along"))) {
      tr.querySelector("select").value = "";
      along(tr, false);
    }
    rows.filter((tr) => tr.querySelector("select").value !== "").forEach(bring);
    splitCount();
  }
  everyBox.addEventListener("change", () => { if (!everyBox.checked) overlapBox.checked = false; bringAll(); });
  overlapBox.addEventListener("change", () => { if (overlapBox.checked) everyBox.checked = true; bringAll(); });
  srows.addEventListener("change", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr) along(tr, false);
    bringAll();
  });
  document.getElementById("sd-choose").addEventListener("click", () => {
    const needle = document.getElementById("sd-search").value.trim().toLocaleLowerCase();
    if (!needle) return;
    for (const tr of srows.querySelectorAll("tr")) {
      if (tr.cells[0].textContent.toLocaleLowerCase().includes(needle)) {
        tr.querySelector("select").value = searchInto.value;
        along(tr, false);
      }
    }
    bringAll();
  });
  document.getElementById("sd-cancel").addEventListener("click", () => { splitting = null; sdialog.close(); });
  sform.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!splitting) return;
    const defs = [...sform.querySelectorAll("input[name=sd_definition]")];
    const under = document.getElementById("sd-under").checked ? splitting.id : null;
    const into = [];
    let incomplete = false;
    nameInputs().forEach((input, i) => {
      const segments = [...srows.querySelectorAll("tr")]
        .filter((tr) => tr.querySelector("select").value === String(i) && !tr.classList.contains("sd-along"))
        .map((tr) => tr.dataset.id);
      const name = input.value.trim();
      if (!name && !segments.length) return;
      if (!name || !segments.length) incomplete = true;
      into.push({ name, definition: defs[i].value, parent: under, segments });
    });
    if (incomplete || !into.length) { toast(M("Give each new code a name and choose its codings"), true); return; }
    try {
      await api("POST", "/api/codes/" + encodeURIComponent(splitting.id) + "/split",
        { into, remove: document.getElementById("sd-remove").checked, every_coder: everyBox.checked,
          overlapping: overlapBox.checked });
      sdialog.close();
      toast(M("Split"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  // deleting: a dialog shows what the code holds; codings need an explicit choice (move or delete)
  const dialog = document.getElementById("delete-dialog");
  const dform = document.getElementById("delete-dialog-form");
  const confirmBtn = document.getElementById("dd-confirm");
  const intoSel = document.getElementById("dd-into");
  let doomed = null; // {id, codings, children}
  function fate() { const r = dform.querySelector("input[name=fate]:checked"); return r ? r.value : null; }
  function ready() {
    if (!doomed) { confirmBtn.disabled = true; return; }
    const f = fate();
    confirmBtn.disabled = doomed.codings > 0 && !(f === "delete" || (f === "move" && intoSel.value));
  }
  document.getElementById("delete-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!current) return;
    let use;
    try {
      use = await api("GET", "/api/codes/" + encodeURIComponent(current.id) + "/use");
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); return; }
    doomed = { id: current.id, codings: use.codings, children: use.children };
    document.getElementById("dd-name").textContent = current.path;
    document.getElementById("dd-codings").textContent = String(use.codings);
    document.getElementById("dd-coders").textContent = String(use.coders);
    document.getElementById("dd-sources").textContent = String(use.sources);
    document.getElementById("dd-children").textContent = String(use.children);
    document.getElementById("dd-children-note").hidden = use.children === 0;
    document.getElementById("dd-choice").hidden = use.codings === 0;
    for (const r of dform.querySelectorAll("input[name=fate]")) r.checked = false;
    intoSel.replaceChildren(option("", "\u2014"));
    for (const c of data.codes) if (c.id !== current.id) intoSel.append(option(c.id, "\u2003".repeat(c.depth) + c.name));
    ready();
    dialog.showModal();
  });
  dform.addEventListener("change", (ev) => {
    if (ev.target === intoSel && intoSel.value) dform.querySelector("input[name=fate][value=move]").checked = true;
    ready();
  });
  document.getElementById("dd-cancel").addEventListener("click", () => { doomed = null; dialog.close(); });
  dform.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!doomed || confirmBtn.disabled) return;
    const f = fate();
    const query = doomed.codings === 0 ? "?force=true"
      : f === "move" ? "?into=" + encodeURIComponent(intoSel.value) : "?force=true";
    try {
      await api("DELETE", "/api/codes/" + encodeURIComponent(doomed.id) + query);
      dialog.close();
      toast(M("Deleted"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.getElementById("add-code").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const name = ev.target.elements.name.value.trim();
    if (!name) return;
    try {
      await api("POST", "/api/codes", { name });
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  const wanted = new URLSearchParams(location.search).get("code");
  if (wanted && byId.has(wanted)) select(wanted);
  document.body.dataset.ready = "1";
})();
