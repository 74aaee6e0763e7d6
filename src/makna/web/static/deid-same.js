/* makna workbench: on the de-identification review, accept or reject a detection and every other
   detection of the same text in the project at once ("Accept everywhere", "Reject everywhere"). */
"use strict";
(function () {
  const msg = document.getElementById("same-text-msg");
  if (!msg) return;
  document.addEventListener("click", async (ev) => {
    const btn = ev.target.closest("button.same");
    const row = btn && btn.closest("tr[data-id]");
    if (!row) return;
    ev.stopPropagation();
    const status = btn.dataset.status;
    btn.disabled = true;
    try {
      const done = await window.makna.api("POST", "/api/deid/decide-same", { id: row.dataset.id, status });
      const ids = new Set(done.ids);
      document.querySelectorAll("tr[data-id]").forEach((r) => {
        if (!ids.has(r.dataset.id)) return;
        r.dataset.status = status;
        r.classList.remove("pending", "accepted", "rejected");
        r.classList.add(status);
        const label = r.querySelector("span.status");
        if (label) { label.className = "status " + status; label.textContent = msg.dataset[status]; }
      });
      let text = `${done.changed} ${msg.dataset.done}`;
      if (done.kept) text += ` (${done.kept} ${msg.dataset.kept})`;
      window.makna.toast(text);
    } catch (e) {
      window.makna.toast(e.message, true);
    } finally {
      btn.disabled = false;
    }
  }, true);
})();
