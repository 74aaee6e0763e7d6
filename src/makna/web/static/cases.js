/* makna workbench: the cases table. Values save when a field is left; sources link and unlink. */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const sheet = document.getElementById("sheet");

  function caseOf(el) { return el.closest("tr[data-case]").dataset.case; }

  sheet.addEventListener("focusin", (ev) => {
    if (ev.target.classList.contains("val")) ev.target.dataset.before = ev.target.value;
  });
  sheet.addEventListener("change", async (ev) => {
    const el = ev.target;
    if (el.classList.contains("val")) {
      const values = {}; values[el.dataset.attr] = el.value;
      try {
        const row = el.closest("tr[data-case]"); // the version shown: a case changed since gets 409
        const got = await api("PUT", "/api/cases/" + encodeURIComponent(caseOf(el)) + "/values",
          { values, version: +row.dataset.version || null });
        row.dataset.version = String(got.version);
        el.classList.remove("bad"); el.dataset.before = el.value;
        toast(M("Saved"));
      } catch (err) {
        el.classList.add("bad");
        toast(M("Could not save") + ": " + err.message, true);
      }
    } else if (el.classList.contains("link-source") && el.value) {
      try {
        await api("POST", "/api/cases/" + encodeURIComponent(caseOf(el)) + "/links", { source: el.value });
        location.reload();
      } catch (err) { toast(M("Could not save") + ": " + err.message, true); el.value = ""; }
    }
  });
  sheet.addEventListener("click", async (ev) => {
    const btn = ev.target.closest("button.unlink");
    if (!btn || !confirm(M("Unlink this source?"))) return;
    try {
      await api("DELETE", "/api/cases/" + encodeURIComponent(caseOf(btn)) + "/links/" + encodeURIComponent(btn.dataset.source));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.getElementById("add-case").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    try {
      await api("POST", "/api/cases", { name: f.name.value, description: f.description.value });
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.getElementById("add-attribute").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    try {
      await api("POST", "/api/attributes", { name: f.name.value, type: f.type.value });
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.getElementById("withdraw").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    if (!confirm(M("Remove every turn of this participant, with the codings inside them, for good? It cannot be undone."))) return;
    const sources = Array.from(f.sources.selectedOptions).map((o) => o.value);
    const status = ev.target.querySelector(".withdraw-status");
    try {
      const body = { speaker: f.speaker.value, sources, confirm: f.confirm.value };
      if (f.passphrase && f.passphrase.value) body.passphrase = f.passphrase.value; // sent once, never kept
      const got = await api("POST", "/api/participants/withdraw", body);
      if (f.passphrase) f.passphrase.value = "";
      const lines = [M("Withdrawn for good") + ": " + got.turns + " " + M("turn(s)") + ", " + got.codings_deleted + " " +
        M("coding(s) deleted") + ", " + got.cases.length + " " + M("case(s) removed")];
      if (got.key_originals) lines.push(got.key_originals + " " + M("original(s) of hers left the key file"));
      (got.recordings || []).forEach((name) => lines.push(name + ": " + M("its recording still holds her voice (makna edits no audio or video): cut or delete it")));
      if (got.quotes.length) lines.push(got.quotes.length + " " + M("texts quote her: review them"));
      got.quotes.forEach((q) => lines.push(q.where + " " + q.label + ": " + q.command));
      status.textContent = lines.join("\n"); status.style.whiteSpace = "pre-line"; status.hidden = false;
      toast(lines[0]);
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.body.dataset.ready = "1";
})();
