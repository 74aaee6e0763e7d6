/* makna workbench: import in the browser. Upload files (one multipart request, the same importers and
   limits as `makna import`), then scan the new sources for identifiers and go to their review. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const byId = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="makna-csrf"]').content;
  let imported = [];
  const DUPLICATE_HINT = "To import it as a second source of its own, tick the box above and import it again.";

  function cell(row, text, cls) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    if (text instanceof Node) td.append(text); else td.textContent = text;
    row.append(td);
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href; a.textContent = text;
    return a;
  }

  function show(report) {
    const table = byId("upload-result");
    const body = table.tBodies[0];
    for (const s of report.imported) {
      const tr = document.createElement("tr"); tr.className = "ok";
      cell(tr, link("/sources/" + encodeURIComponent(s.id), s.name));
      cell(tr, M("Imported"));
      cell(tr, s.length.toLocaleString(document.documentElement.lang || undefined), "num");  // as the page writes numbers
      body.append(tr);
      for (const note of s.notes || []) { // what the reader left out or assumed (a .docx page header...)
        const nr = document.createElement("tr"); nr.className = "note";
        cell(nr, ""); cell(nr, note); cell(nr, "", "num");
        body.append(nr);
      }
    }
    for (const f of report.duplicates.concat(report.failed)) {
      const tr = document.createElement("tr"); tr.className = "bad";
      cell(tr, f.file); cell(tr, f.error); cell(tr, "", "num");
      body.append(tr);
      if (f.same_content && !byId("upload-allow-duplicate").checked) { // the server says so: no reading of its words
        const nr = document.createElement("tr"); nr.className = "note";
        cell(nr, ""); cell(nr, M(DUPLICATE_HINT)); cell(nr, "", "num");
        body.append(nr);
      }
    }
    table.hidden = false;
  }

  // a survey (.csv, .xlsx) chosen: the person may name its id and open answers' columns (teamtrust25)
  byId("upload-files").addEventListener("change", () => {
    const names = [...byId("upload-files").files].map((f) => f.name.toLowerCase());
    byId("survey-columns").hidden = !names.some((n) => n.endsWith(".csv") || n.endsWith(".xlsx"));
  });

  byId("upload-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const files = byId("upload-files").files;
    if (!files.length) { toast(M("Choose files first"), true); return; }
    let size = 0;
    for (const f of files) size += f.size;
    if (size > data.limit) { toast(M("The upload is too large"), true); return; }
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    form.append("language", byId("upload-language").value);
    if (byId("upload-allow-duplicate").checked) form.append("allow_duplicate", "1");
    if (!byId("survey-columns").hidden) {  // the survey's columns the person chose (empty: makna chooses)
      const sid = byId("survey-id").value.trim(), answers = byId("survey-answers").value.trim();
      if (sid) form.append("survey_id", sid);
      if (answers) form.append("survey_answers", answers);
    }
    byId("upload-go").disabled = true;
    toast(M("Importing…"));
    try {
      const res = await fetch("/api/import", { method: "POST", body: form, credentials: "same-origin",
                                               headers: { "X-Makna-CSRF": csrf } });
      const got = await res.json();
      if (!res.ok) throw new Error(got.error || res.statusText);
      show(got);
      imported = imported.concat(got.imported);
      if (imported.length) {
        byId("scan-card").hidden = false;
        byId("skip-to-coding").href = "/sources/" + encodeURIComponent(imported[0].id);
        byId("step-upload").classList.remove("on"); byId("step-scan").classList.add("on");
      }
      toast(M("Imported") + ": " + got.imported.length);
    } catch (err) {
      toast(M("Could not import") + ": " + err.message, true);
    } finally {
      byId("upload-go").disabled = false;
      byId("upload-files").value = "";
    }
  });

  byId("scan-new").addEventListener("click", async () => {
    const out = byId("scan-result");
    byId("scan-new").disabled = true;
    toast(M("Scanning…"));
    try {
      await api("POST", "/api/deid/scan", { sources: imported.map((s) => s.id) });
      const status = await api("GET", "/api/deid/status");
      out.replaceChildren();
      for (const s of imported) {
        const row = status.find((r) => r.source_id === s.id) || { pending: 0 };
        const li = document.createElement("li");
        const name = document.createElement("b"); name.textContent = s.name;
        li.append(name, " · ");
        if (row.pending) {
          li.append(String(row.pending) + " " + M("detections to review") + " · ",
                    link("/deid?source=" + encodeURIComponent(s.id) + "&status=all#review", M("Review the detections")));
        } else {
          li.append(M("No identifiers found") + " · ", link("/sources/" + encodeURIComponent(s.id), M("Start coding")));
        }
        out.append(li);
      }
      byId("step-scan").classList.remove("on"); byId("step-review").classList.add("on");
      toast(M("Scan finished"));
    } catch (err) {
      toast(M("Could not save") + ": " + err.message, true);
    } finally {
      byId("scan-new").disabled = false;
    }
  });
})();
