/* makna workbench: a source held for de-identification (makna.holds): a manager releases it with a reason. */
"use strict";
(function () {
  const form = document.getElementById("release-form");
  if (!form) return;
  const { api, toast } = window.makna;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await api("POST", form.dataset.url, { reason: form.elements.reason.value });
      window.location.reload();
    } catch (err) { toast(err.message, true); }
  });
})();
