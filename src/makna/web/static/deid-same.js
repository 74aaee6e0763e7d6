/* makna workbench: on the de-identification review, accept or reject a detection and every other
   pending detection of the same text in the project at once ("Accept everywhere", "Reject everywhere"),
   after a confirmation that says how many would change, in how many sources, and how many already
   decided ones stay as they are. */
"use strict";
(function () {
  const msg = document.getElementById("same-text-msg");
  if (!msg) return;
  const fill = (t, plan) => t.replace("{n}", plan.changed).replace("{s}", plan.sources).replace("{l}", plan.left);
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
        const key = status === "accepted" ? "confirmAccepted" : "confirmRejected";
        if (!window.confirm(fill(msg.dataset[key], done))) return;
        done = await window.makna.api("POST", "/api/deid/decide-same", { id: row.dataset.id, status });
      }
      const ids = new Set(done.ids);
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
