/* makna workbench: search. Autocode every hit of the query with a chosen code. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const form = document.getElementById("autocode");
  if (form) {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      if (!f.code.value) { toast(M("Choose a code"), true); return; }
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const r = await api("POST", "/api/search/autocode", {
          query: f.query.value, code: f.code.value, scope: f.scope.value, stem: f.stem.value === "true",
        });
        let msg = M("Coded") + ": " + r.created + " " + M("codings made");
        if (r.skipped_duplicates) msg += ", " + r.skipped_duplicates + " " + M("already coded, skipped");
        toast(msg);
        form.dataset.done = String(r.created);
      } catch (err) {
        toast(M("Could not save") + ": " + err.message, true);
      } finally {
        button.disabled = false;
      }
    });
  }
  document.body.dataset.ready = "1";
})();
