/* makna workbench: agreement. Resolve in bulk with the scope of the comparison shown. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const form = document.getElementById("resolve");
  if (form) {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const scope = new URLSearchParams(location.search);
      const f = form.elements;
      const threshold = scope.get("threshold");
      const body = {
        unit: scope.get("unit") || "sentence", coders: scope.getAll("coders"), codes: scope.getAll("codes"),
        descendants: scope.get("descendants") === "true", threshold: threshold ? parseFloat(threshold) : null,
        rule: f.rule.value, accept: f.rule.value === "coder" ? f.accept.value : null, dry_run: f.dry_run.checked,
      };
      if (!body.coders.length) body.coders = null;
      if (!body.codes.length) body.codes = null;
      const out = document.getElementById("resolve-result");
      out.replaceChildren();
      toast(M("Resolving…"));
      try {
        const r = await api("POST", "/api/agreement/resolve", body);
        const p = document.createElement("p");
        p.textContent = (r.dry_run ? r.segments + " " + M("would be recorded")
                                   : M("Consensus codings recorded") + ": " + r.created)
          + (r.skipped_duplicates ? " · " + r.skipped_duplicates + " " + M("already there, skipped") : "");
        out.appendChild(p);
        toast(r.dry_run ? p.textContent : M("Consensus codings recorded"));
      } catch (err) {
        const p = document.createElement("p");
        p.className = "card error";
        p.textContent = M("Could not resolve") + ": " + err.message;
        out.appendChild(p);
        toast(M("Could not resolve"), true);
      }
    });
  }
  document.body.dataset.ready = "1";
})();
