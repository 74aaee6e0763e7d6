/* makna workbench: on the de-identification review, accept or reject a detection and every other
   pending detection of the same text in the project at once ("Accept everywhere", "Reject everywhere"),
   after a confirmation that says how many would change, in how many sources, and how many already
   decided ones stay as they are (rejecting from an accepted row rejects the text's accepted ones too, and the
   confirmation says how many). */
"use strict";
(function () {
  const msg = document.getElementById("same-text-msg");
  if (!msg) return;
  // the counts of the page (each source's row, the line "In all sources and fields") follow the
  // decision, as deid.js draws them for one row; a detection not shown on this page was pending
  const BUCKET = { pending: "pending", accepted: "accepted", edited: "accepted", added: "accepted", rejected: "rejected" };
  function add(cell, by) { if (cell) cell.textContent = String(Math.max(0, (parseInt(cell.textContent, 10) || 0) + by)); }
  function count(ids, was, status) {
    for (const id of ids) {
      const from = BUCKET[was.get(id) || "pending"], to = BUCKET[status];
      if (from === to) continue;
      const number = id.startsWith("f") ? null : id.split(":")[0];
      const line = number === null ? null : document.querySelector('#deid-status tr[data-number="' + CSS.escape(number) + '"]');
      for (const [root, prefix] of [[line, ".c-"], [document.getElementById("review-counts"), ".t-"]]) {
        if (!root) continue;
        add(root.querySelector(prefix + from), -1);
        add(root.querySelector(prefix + to), 1);
      }
    }
  }
  const fill = (t, plan) => t.replace("{n}", plan.changed).replace("{s}", plan.sources).replace("{l}", plan.left)
    .replace("{a}", plan.accepted || 0);
  document.addEventListener("click", async (ev) => {
    const btn = ev.target.closest("button.same");
    const row = btn && btn.closest("tr[data-id]");
    if (!row) return;
    ev.stopPropagation();
    const status = btn.dataset.status;
    btn.disabled = true;
    try {
      const query = new URLSearchParams({ id: row.dataset.id, status });
      let done = await window.makna.api("GET", "/api/deid/decide-same?" + query);
      if (done.changed) {
        // rejecting from an accepted row takes the acceptance back: the accepted ones of the text are rejected too
        const key = status === "accepted" ? "confirmAccepted" : (done.accepted ? "confirmRetract" : "confirmRejected");
        if (!window.confirm(fill(msg.dataset[key], done))) return;
        done = await window.makna.api("POST", "/api/deid/decide-same", { id: row.dataset.id, status });
      }
      const ids = new Set(done.ids);
      const was = new Map();
      document.querySelectorAll("tr[data-id]").forEach((r) => { if (ids.has(r.dataset.id)) was.set(r.dataset.id, r.dataset.status); });
      count(done.ids, was, status);
      document.querySelectorAll("tr[data-id]").forEach((r) => {
        if (!ids.has(r.dataset.id)) return;
        r.dataset.status = status;
        r.classList.remove("pending", "accepted", "rejected");
        r.classList.add(status);
        const label = r.querySelector("span.status");
        if (label) { label.className = "status " + status; label.textContent = msg.dataset[status]; }
      });
      const notes = [];
      if (done.kept) notes.push(`${done.kept} ${msg.dataset.kept}`);
      if (done.left) notes.push(`${done.left} ${msg.dataset.left}`);
      let text = `${done.changed} ${msg.dataset.done}`;
      if (notes.length) text += ` (${notes.join("; ")})`;
      window.makna.toast(text);
    } catch (e) {
      window.makna.toast(e.message, true);
    } finally {
      btn.disabled = false;
    }
  }, true);
})();
