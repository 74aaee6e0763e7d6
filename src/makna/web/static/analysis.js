/* makna workbench: analysis. Write the findings report and offer its files for download. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const form = document.getElementById("write-report");
  if (form) {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      // the previous report's links go: clicked while this one is written, they gave the previous one
      const box = document.getElementById("report-files");
      box.replaceChildren();
      toast(M("Writing the report…"));
      try {
        const r = await api("POST", "/api/report", {
          lang: form.elements.lang.value, quotes: parseInt(form.elements.quotes.value || "2", 10),
          coder: (form.elements.coder && form.elements.coder.value) || null,
        });
        const label = box.dataset.download || "Download";
        for (const f of r.files) {  // each language's files: both languages' reports are kept
          const a = document.createElement("a");
          a.className = "button";
          a.href = f.url;
          a.hreflang = f.lang;
          a.setAttribute("download", "");
          a.textContent = label + " " + f.label;
          box.appendChild(a);
        }
        const where = document.getElementById("report-folder");
        if (where) where.textContent = r.folder;
        toast(M("Report written"));
      } catch (err) {
        toast(M("Could not write the report") + ": " + err.message, true);
      } finally {
        button.disabled = false;
      }
    });
  }
  document.body.dataset.ready = "1";
})();
