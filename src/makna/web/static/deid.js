/* makna workbench: de-identification. Scan, accept or reject detections, mark a missed identifier by
   selecting it, and apply (the passphrase goes only in the body of one POST and is cleared after). */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const byId = (id) => document.getElementById(id);

  async function run(fn) {
    try { await fn(); } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  }

  byId("scan").addEventListener("click", () => run(async () => {
    toast(M("Scanning…"));
    const r = await api("POST", "/api/deid/scan", {});
    // what the scan found is shown after the reload (a toast would go with the page)
    sessionStorage.setItem("makna-deid-scanned", JSON.stringify(r));
    location.reload();
  }));
  const scanned = sessionStorage.getItem("makna-deid-scanned");
  if (scanned) {
    sessionStorage.removeItem("makna-deid-scanned");
    const r = JSON.parse(scanned);
    const line = byId("scan-result");
    line.textContent = M("Scan finished") + ": " + r.detections + " " + M("detections") + " · " + r.new + " "
      + M("new") + " · " + r.propagated + " " + M("found again where an accepted identifier recurs");
    line.hidden = false;
  }

  const table = byId("detections");
  if (table) {
    table.addEventListener("click", (ev) => {
      const btn = ev.target.closest("button.decide");
      if (!btn) return;
      const row = btn.closest("tr[data-id]");
      run(async () => {
        await api("POST", "/api/deid/decide", { ids: [row.dataset.id], status: btn.dataset.status });
        row.className = btn.dataset.status;
        const badge = row.querySelector(".status");
        badge.className = "status " + btn.dataset.status;
        badge.textContent = M(btn.dataset.status);
        toast(M("Saved"));
      });
    });
  }

  for (const [id, status, question] of [["accept-all", "accepted", "Accept every pending detection?"],
                                        ["reject-all", "rejected", "Reject every pending detection?"]]) {
    const btn = byId(id);
    btn.addEventListener("click", () => {
      if (!confirm(M(question))) return;
      run(async () => {
        const body = { status, min_confidence: parseFloat(byId("min-confidence").value || "0") };
        if (btn.dataset.source) body.source = btn.dataset.source;
        await api("POST", "/api/deid/decide-all", body);
        location.reload();
      });
    });
  }

  // ------------------------------------------------------------ mark a missed identifier
  const text = byId("deid-text");
  let picked = null;
  function offsetOf(node, offset) {
    // a leaf <span data-s> holds one text node; offsets are counted in code points
    const leaf = node.nodeType === Node.TEXT_NODE ? node.parentElement : node.childNodes[offset] || node;
    const span = leaf.closest ? leaf.closest("[data-s]") : null;
    if (!span || !text.contains(span)) return null;
    const before = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, offset) : "";
    return +span.dataset.s + [...before].length;
  }
  if (text) {
    document.addEventListener("selectionchange", () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !text.contains(sel.anchorNode) || !text.contains(sel.focusNode)) return;
      const r = sel.getRangeAt(0);
      const a = offsetOf(r.startContainer, r.startOffset);
      const b = offsetOf(r.endContainer, r.endOffset);
      if (a === null || b === null || b <= a) return;
      picked = { start: a, end: b, text: sel.toString() };
      byId("selection-info").textContent = a + ":" + b + " «" + picked.text.slice(0, 60) + "»";
    });
    byId("add-detection").addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!picked) { toast(M("Select the missed identifier in the text first"), true); return; }
      run(async () => {
        await api("POST", "/api/deid/detections", {
          source: text.dataset.source, start: picked.start, end: picked.end, type: ev.target.elements.type.value,
        });
        toast(M("Saved"));
        location.reload();
      });
    });
  }

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
    for (const w of r.warnings) {
      const q = document.createElement("p"); q.className = "warn"; q.textContent = w; out.appendChild(q);
    }
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
    const body = { key_path: f.key_path.value, passphrase: f.passphrase.value, mode: f.mode.value,
                   include_pending: f.include_pending.checked };
    if (f.passphrase_repeat.value) body.passphrase_repeat = f.passphrase_repeat.value;
    if (f.surrogate_region && f.surrogate_region.value) body.surrogate_region = f.surrogate_region.value;
    if (f.tradition && f.tradition.value) body.tradition = f.tradition.value;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    toast(M("De-identifying…"));
    try {
      const r = await api("POST", "/api/deid/apply", body);
      // reload, so that no original text stays on screen; the summary (no secret in it) is shown after
      sessionStorage.setItem("makna-deid-applied", JSON.stringify({
        sources: r.sources, replaced: r.replaced, key_path: r.key_path, key_id: r.key_id,
        warnings: r.warnings.concat(r.unscanned.length ? [r.unscanned.join(", ")] : []),
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
    }
  });
  document.body.dataset.ready = "1";
})();
