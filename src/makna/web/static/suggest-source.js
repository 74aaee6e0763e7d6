/* makna workbench: pending suggestions for the open source, in the side panel; focus one and press
   a to accept it or r to reject it (s skips). Kept apart from source.js. */
"use strict";
(function () {
  const { api, toast } = window.makna;
  const textEl = document.getElementById("text");
  const side = document.querySelector("aside.side");
  if (!textEl || !side) return;
  let msg = {};
  const t = (m) => msg[m] || m;
  // the page's decimal mark, as web/render.py decimal() writes it: 0,85 on an Indonesian page
  const decimal = (x) => (document.documentElement.lang === "id" ? x.toFixed(2).replace(".", ",") : x.toFixed(2));
  const label = { title: "Suggestions for this source", keys: "a accept · r reject · s skip", ok: "Accepted",
                  no: "Rejected", bad: "Could not save" };
  Promise.all([api("GET", "/api/suggestions/messages"),
               api("GET", "/api/suggestions?source=" + encodeURIComponent(textEl.dataset.source))]).then(([m, rows]) => {
    msg = m;
    for (const k of Object.keys(label)) label[k] = t(label[k]);
    if (!rows.length) return;
    const box = document.createElement("section");
    box.id = "sg-panel";
    const h = document.createElement("h2");
    h.textContent = label.title + " (" + rows.length + ")";
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = label.keys;
    const ul = document.createElement("ul");
    ul.className = "codelist";
    for (const s of rows) {
      const li = document.createElement("li");
      li.tabIndex = 0;
      li.dataset.id = s.id;
      li.title = s.text;
      li.textContent = s.code_name + " · " + s.start + "–" + s.end + " · " + decimal(s.confidence);
      ul.appendChild(li);
    }
    box.append(h, hint, ul);
    side.appendChild(box);
    ul.addEventListener("keydown", async (ev) => {
      const li = ev.target.closest("li");
      const key = ev.key.toLowerCase();
      if (!li || !["a", "r", "s"].includes(key) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      ev.preventDefault();
      ev.stopPropagation();
      const next = li.nextElementSibling || li.previousElementSibling;
      if (key !== "s") {
        try {
          await api("POST", "/api/suggestions/" + encodeURIComponent(li.dataset.id), { decision: key === "a" ? "accept" : "reject" });
          toast(key === "a" ? label.ok : label.no);
          li.remove();
        } catch (e) { toast(label.bad + ": " + e.message, true); return; }
      }
      if (next && next.isConnected) next.focus();
    });
  }).catch(() => {});
})();
