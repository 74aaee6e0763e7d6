/* makna workbench: the memo panel beside a transcript. Lists the project's memos, this source's, the
 * codes' and those on its segments and codings; searches them (or every memo); writes, edits and
 * deletes memos. Every memo is put in the page as text (textContent), never as HTML. */
"use strict";
(function () {
  const extras = document.getElementById("extras-data");
  const list = document.getElementById("memo-list");
  if (!extras || !list) return;
  const X = JSON.parse(extras.textContent);
  const M = (s) => (X.msg && X.msg[s]) || s;
  const { api, toast } = window.makna;
  const page = window.makna.pageData();
  const byId = (id) => document.getElementById(id);
  const search = byId("memo-search"), everywhere = byId("memo-everywhere");
  const kind = byId("memo-kind"), codeSel = byId("memo-code"), text = byId("memo-text");
  const KINDS = { project: "Project", source: "Source", code: "Code", segment: "Segment", coding: "Coding", case: "Case" };
  let focused = null;
  let shown = []; // the memos listed
  let timer = null;

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function where(m) {
    if (m.start === null || m.source_id === null) return null;
    const hash = "#seg=" + m.start + "-" + m.end;
    return m.source_id === X.source ? hash : "/sources/" + encodeURIComponent(m.source_id) + hash;
  }

  async function load() {
    const q = search.value.trim();
    const url = everywhere.checked ? "/api/memos?q=" + encodeURIComponent(q)
      : "/api/memos?source=" + encodeURIComponent(X.source) + "&q=" + encodeURIComponent(q);
    try {
      const memos = await api("GET", url);
      shown = memos;
      draw(memos, q);
      if (!everywhere.checked && !q) {
        const ids = memos.filter((m) => m.kind === "segment" || m.kind === "coding").map((m) => m.target_id);
        document.dispatchEvent(new CustomEvent("makna:memos", { detail: { segments: ids } }));
      }
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  }

  function editor(m, li, body) {
    const area = el("textarea"); area.rows = 4; area.value = m.text;
    const save = el("button", "small primary", M("Save")); save.type = "button";
    const cancel = el("button", "small", M("Cancel")); cancel.type = "button";
    const box = el("div", "memo-edit"); box.append(area, save, cancel);
    body.replaceWith(box);
    area.focus();
    cancel.addEventListener("click", () => box.replaceWith(body));
    save.addEventListener("click", async () => {
      try {
        if (m.kind === "coding") await api("PATCH", "/api/segments/" + encodeURIComponent(m.id), { memo: area.value });
        else await api("PATCH", "/api/memos/" + encodeURIComponent(m.id), { text: area.value });
        toast(M("Saved"));
        load();
      } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
    });
  }

  function item(m) {
    const li = el("li", "memo k-" + m.kind);
    li.dataset.id = m.id; li.dataset.kind = m.kind;
    const head = el("div", "memo-head");
    head.append(el("span", "badge", M(KINDS[m.kind] || m.kind)));
    if (m.target) head.append(el("b", "target", m.target));
    const by = m.coder ? M("by") + " " + m.coder + " · " : "";  // an imported memo may have no author (QualCoder's)
    const who = el("span", "muted small", " " + by + (m.created_at || "").slice(0, 10));
    head.append(who);
    li.append(head);
    if (m.title) li.append(el("div", "memo-title", m.title));
    if (m.excerpt) li.append(el("q", "excerpt", m.excerpt));
    const body = el("p", "memo-text", m.text);
    li.append(body);
    const actions = el("div", "memo-actions");
    const at = where(m);
    if (at) {
      const go = el("a", "small", M("Show in the text")); go.href = at;
      actions.append(go);
    }
    if (m.coder === page.coder) {
      const edit = el("button", "small", M("Edit")); edit.type = "button";
      edit.addEventListener("click", () => editor(m, li, body));
      actions.append(edit);
      if (m.kind !== "coding") {
        const del = el("button", "small danger", M("Delete")); del.type = "button";
        del.addEventListener("click", async () => {
          if (!confirm(M("Delete this memo?"))) return;
          try { await api("DELETE", "/api/memos/" + encodeURIComponent(m.id)); toast(M("Deleted")); load(); }
          catch (err) { toast(M("Could not save") + ": " + err.message, true); }
        });
        actions.append(del);
      }
    }
    li.append(actions);
    return li;
  }

  function draw(memos, q) {
    list.replaceChildren();
    for (const m of memos) list.append(item(m));
    if (!memos.length) list.append(el("li", "empty", q ? M("No memo matches.") : M("No memos yet.")));
  }

  function fillCodes(codes) {
    const keep = codeSel.value;
    codeSel.replaceChildren();
    for (const c of codes.slice().sort((a, b) => a.i - b.i)) {
      const o = el("option", "", "\u00a0".repeat(2 * (c.depth || 0)) + c.name); o.value = c.id;
      codeSel.append(o);
    }
    if (keep) codeSel.value = keep;
  }

  kind.addEventListener("change", () => { codeSel.hidden = kind.value !== "code"; });
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(load, 200); });
  everywhere.addEventListener("change", load);
  byId("memo-new").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) return;
    const body = { kind: kind.value, text: text.value };
    if (kind.value === "source") body.target = X.source;
    else if (kind.value === "code") body.target = codeSel.value;
    else if (kind.value === "segment") { if (!focused) return; body.target = focused.id; }
    try {
      await api("POST", "/api/memos", body);
      text.value = "";
      toast(M("Saved"));
      load();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });

  document.addEventListener("makna:focus-segment", (ev) => {
    focused = ev.detail;
    const opt = kind.querySelector('option[value="segment"]');
    opt.disabled = false;
    kind.value = "segment";
    codeSel.hidden = true;
  });
  // after a coding is made or removed, read the memos again only when a listed coding went away
  // (its memos went with it): a new coding has none yet
  const signature = window.makna.codesSignature;
  let codesSeen = signature(page.codes);
  document.addEventListener("makna:segments", (ev) => {
    const sig = ev.detail.codes ? signature(ev.detail.codes) : codesSeen;
    if (sig !== codesSeen) { codesSeen = sig; fillCodes(ev.detail.codes); }
    const onSegs = shown.filter((m) => m.kind === "segment" || m.kind === "coding");
    if (!onSegs.length) return;
    const ids = new Set(ev.detail.segs.map((s) => s[0]));
    if (onSegs.some((m) => !ids.has(m.target_id))) load();
  });

  window.makna.later(() => { fillCodes(page.codes); load(); }); // the panel after the transcript
})();
