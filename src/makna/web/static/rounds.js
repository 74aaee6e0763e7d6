/* makna workbench: the rounds page (open, close, build a round's consensus). */
"use strict";
(function () {
  const data = window.makna.pageData();
  const { api, toast } = window.makna;
  const M = (s) => (data.msg && data.msg[s]) || s;
  const form = document.getElementById("open-round");
  if (form) form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const sources = [...document.getElementById("round-sources").selectedOptions].map((o) => o.value);
    try {
      await api("POST", "/api/rounds", { name: document.getElementById("round-name").value,
        blind: document.getElementById("round-blind").checked, sources });
      toast(M("Round opened"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  const join = document.getElementById("join-round");
  if (join) join.addEventListener("click", async () => {
    try {
      await api("POST", "/api/rounds/" + encodeURIComponent(join.dataset.round) + "/join");
      toast(M("You code blind in this round"));
      location.reload();
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
  document.getElementById("rounds").addEventListener("click", async (ev) => {
    const row = ev.target.closest("tr[data-round]");
    if (!row) return;
    const name = encodeURIComponent(row.dataset.round);
    try {
      if (ev.target.closest(".close-round")) {
        await api("POST", "/api/rounds/" + name + "/close");
        toast(M("Round closed"));
        location.reload();
      } else if (ev.target.closest(".consensus")) {
        const got = await api("POST", "/api/rounds/" + name + "/consensus", { rule: "agreed" });
        toast(M("Consensus codings recorded") + ": " + got.created);
      }
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });
})();
