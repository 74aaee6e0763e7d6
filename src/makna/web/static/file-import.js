/* makna workbench: a codebook or cases file imported from the codebook and cases pages (a manager's). */
"use strict";
(function () {
  function base64(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }
  document.querySelectorAll("form[data-import-url]").forEach((form) => {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const input = form.querySelector("input[type=file]");
      const file = input && input.files[0];
      if (!file) return;
      const button = form.querySelector("button");
      button.disabled = true;
      try {
        const content = base64(await file.arrayBuffer());
        const done = await window.makna.api("POST", form.dataset.importUrl, { filename: file.name, content });
        const status = form.querySelector(".import-status");
        status.textContent = `${done.file}: ${done.added} ${form.dataset.added}, ${done.updated} ${form.dataset.updated}`;
        status.hidden = false;
        window.makna.toast(status.textContent);
        setTimeout(() => location.reload(), 1500);
      } catch (e) {
        window.makna.toast(e.message, true);
        button.disabled = false;
      }
    });
  });
})();
