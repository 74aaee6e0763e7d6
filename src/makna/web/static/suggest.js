/* makna workbench: review the suggestion queue by keyboard (a accept, r reject, s skip, j/k move). */
"use strict";
(function () {
  const { api, toast, pageData } = window.makna;
  const msg = pageData().msg || {};
  const t = (m) => msg[m] || m;
  const list = document.getElementById("squeue");

  function items() { return Array.from(list.querySelectorAll(".sitem:not(.done)")); }
  function current() {
    const el = document.activeElement;
    return el && el.classList && el.classList.contains("sitem") && !el.classList.contains("done") ? el : items()[0];
  }
  function focusNext(from) {
    const all = items();
    const next = all.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || all[0];
    if (next) next.focus(); else document.getElementById("s-empty").hidden = false;
  }
  async function decide(item, decision) {
    if (!item || item.dataset.busy) return;
    item.dataset.busy = "1";
    try {
      await api("POST", "/api/suggestions/" + encodeURIComponent(item.dataset.id), { decision });
      item.classList.add("done");
      item.dataset.state = decision;
      toast(t(decision === "accept" ? "Accepted" : "Rejected"));
      focusNext(item);
    } catch (e) {
      toast(t("Could not save") + ": " + e.message, true);
    } finally {
      delete item.dataset.busy;
    }
  }
  function move(item, step) {
    const all = items();
    const i = all.indexOf(item);
    const next = all[Math.min(all.length - 1, Math.max(0, i + step))];
    if (next) next.focus();
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("input, select, textarea")) return;
    const item = current();
    if (!item) return;
    const key = ev.key.toLowerCase();
    if (key === "a") decide(item, "accept");
    else if (key === "r") decide(item, "reject");
    else if (key === "s" || key === "j" || ev.key === "ArrowDown") { if (key === "s") toast(t("Skipped")); move(item, 1); }
    else if (key === "k" || ev.key === "ArrowUp") move(item, -1);
    else return;
    ev.preventDefault();
  });
  list.addEventListener("click", (ev) => {
    const item = ev.target.closest(".sitem");
    if (ev.target.closest("button.accept")) decide(item, "accept");
    else if (ev.target.closest("button.reject")) decide(item, "reject");
  });
  document.getElementById("s-run").addEventListener("click", async () => {
    toast(t("Suggesting…"));
    try {
      const r = await api("POST", "/api/suggestions/run", {
        unit: document.getElementById("s-unit").value,
        min_confidence: parseFloat(document.getElementById("s-min").value || "0.5"),
      });
      toast(r.created + " " + t("suggestions made"));
      location.reload();
    } catch (e) {
      toast(t("Could not save") + ": " + e.message, true);
    }
  });
  const first = items()[0];
  if (first) first.focus();
})();
