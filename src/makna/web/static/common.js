/* makna workbench: what every page shares (API calls with the CSRF header, messages, language). */
"use strict";
(function () {
  const meta = document.querySelector('meta[name="makna-csrf"]');
  const csrf = meta ? meta.content : "";

  async function api(method, url, body) {
    const opts = { method, credentials: "same-origin", headers: { "X-Makna-CSRF": csrf } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(url, opts);
    } catch (err) { // no answer: the request may not have arrived, or its answer was lost after the server
      // saved it; trying again is safe (a coding sent again is the one made already, not a second one)
      const el = document.getElementById("toast");
      throw new Error((el && el.dataset.offline) || "no connection to the server");
    }
    if (!res.ok) {
      let msg = res.statusText;
      try { msg = (await res.json()).error || msg; } catch (e) { /* not JSON */ }
      const failed = new Error(msg);
      failed.status = res.status; // a page may answer a 409 (changed since read) by showing the change
      throw failed;
    }
    return res.status === 204 ? null : res.json();
  }

  let timer = null;
  function toast(message, bad) {
    const el = document.getElementById("toast");
    if (!el) return;
    // a refusal stays readable: a plain notice (a live "Changed by ...") does not replace it while it shows
    if (!bad && el.classList.contains("show") && el.classList.contains("bad")) return;
    el.textContent = message;
    el.className = bad ? "show bad" : "show";
    clearTimeout(timer);
    timer = setTimeout(() => { el.className = ""; }, bad ? 6000 : 2200);
  }

  let parsed = null; // read once: on a long source it is half a megabyte, and each script asks for it
  function pageData() {
    if (parsed === null) {
      const el = document.getElementById("page-data");
      parsed = el ? JSON.parse(el.textContent) : {};
    }
    return parsed;
  }

  document.addEventListener("click", (ev) => {
    const btn = ev.target.closest("button.lang");
    if (!btn) return;
    document.cookie = "makna_lang=" + encodeURIComponent(btn.dataset.lang) + "; path=/; SameSite=Strict; max-age=31536000";
    location.reload();
  });

  // The header's "More" menu closes with Escape (focus back on it), on a choice, and on a click elsewhere.
  const more = document.getElementById("nav-more");
  if (more) {
    more.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && more.open) { more.open = false; more.querySelector("summary").focus(); ev.stopPropagation(); }
    });
    document.addEventListener("click", (ev) => { if (more.open && !more.contains(ev.target)) more.open = false; });
    more.addEventListener("focusout", (ev) => { if (more.open && ev.relatedTarget && !more.contains(ev.relatedTarget)) more.open = false; });
  }

  // Work that can wait until the page is on screen (side panels, margins): after the next frame, in an
  // idle moment (at most `wait` ms later), so that opening a page does not wait for it.
  function later(fn, wait) {
    const idle = window.requestIdleCallback ? (f) => requestIdleCallback(f, { timeout: wait || 500 }) : (f) => setTimeout(f, 1);
    requestAnimationFrame(() => setTimeout(() => idle(fn), 0));
  }

  // A string that changes when any code in a codebook list (as the pages' data and "makna:segments"
  // carry it) is added, removed, renamed, moved or recoloured: listeners redo their code lists only then.
  function codesSignature(codes) {
    return codes.map((c) => [c.id, c.name, c.path || "", c.i, c.depth || 0].join("\u0001")).join("\u0002");
  }

  // A coder's name as the page shows it: the consensus coders in the page's language (the names on <body>).
  function coderLabel(name) {
    const b = document.body.dataset;
    if (name === "consensus") return b.consensusLabel || name;
    if (name && name.startsWith("consensus.")) {
      return (b.consensusRoundLabel || "consensus (round %(name)s)").replace("%(name)s", name.slice(10));
    }
    return name;
  }
  window.makna = { api, toast, pageData, later, codesSignature, coderLabel };
})();
