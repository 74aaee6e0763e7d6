/* makna workbench: a source held for de-identification (makna.holds): a manager holds one by hand, or releases a
   held one, with a reason. A refusal shows as one line under the form (the server's, translated). */
"use strict";
(function () {
  const { api } = window.makna;
  for (const form of document.querySelectorAll("form.hold-form")) {
    const error = form.querySelector(".error");
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        await api("POST", form.dataset.url, { reason: form.elements.reason.value });
        window.location.reload();
      } catch (err) {
        error.textContent = err.message;  // text, never HTML: the refusal may name the source
        error.hidden = false;
        button.disabled = false;
      }
    });
  }
})();
