/* makna workbench: live updates. Other coders' codings, memos and code changes appear in the open
 * page as they are saved, through server-sent events (/api/events/stream). The stream starts after
 * the last event the page was drawn with (body data-live-after); after a lost connection the browser
 * reconnects with Last-Event-ID and the server replays everything since from the project's log.
 * Drawing goes through the page's small API (window.makna.drawSegment, removeSegment, updateMemo,
 * updateCode: source.js); a page without it shows a notice instead. */
"use strict";
(function () {
  if (!window.EventSource) return;
  const body = document.body;
  const me = body.dataset.liveCoder || "";
  const msgEl = document.getElementById("live-msg");
  const msg = msgEl ? JSON.parse(msgEl.textContent) : {};
  const M = (s) => msg[s] || s;
  let queue = Promise.resolve(); // changes are applied one after another, in log order

  function notice(text) { if (window.makna && window.makna.toast) window.makna.toast(text); }

  function apply(c) {
    const mk = window.makna || {};
    const own = c.actor === me;
    body.dataset.liveLast = String(c.id);
    if (own) return null; // this coder's own changes are drawn by the page that made them
    switch (c.kind) {
      case "segments.add":
        if (mk.drawSegment) return Promise.all(c.data.segments.map((s) => mk.drawSegment(s)));
        break;
      case "segments.remove":
        if (mk.removeSegment) return Promise.all(c.data.ids.map((id) => mk.removeSegment(id)));
        break;
      case "segment.memo":
        if (mk.updateMemo) { mk.updateMemo(c.data.id, c.data.memo); return null; }
        break;
      case "code":
        if (c.data.reload) { notice(M("Codebook changed by") + " " + c.actor + ": " + M("reload to see it")); return null; }
        if (c.data.code && mk.updateCode) { mk.updateCode(c.data.code, c.actor); return null; }
        break;
      case "round":
        if (mk.keepSelection) mk.keepSelection(); // a selection not coded yet is found again after the reload
        location.reload(); // a round opened or closed: what this coder may see changed
        return null;
      case "text":
        // the page that applies reloads itself once its answer (the summary) is in: reloading it before would
        // lose the summary, and the page could reload while the request is still on its way
        if (mk.deidApplying) return null;
        if (mk.keepSelection) mk.keepSelection(); // found again by its words, or the coder is told it was cleared
        location.reload(); // de-identified: the page shows the originals, and its offsets no longer hold
        return null;
      default:
        if (!c.data.reload) return null;
    }
    if (c.kind !== "other" || c.data.reload) notice(M("Changed by") + " " + c.actor);
    return null;
  }

  // The connection: EventSource reconnects by itself (sending Last-Event-ID); a connection that
  // failed for good, or went silent (a laptop that slept: the server pings every 15 s), is replaced
  // by a new one that resumes after the last change applied.
  let last = body.dataset.liveAfter || "";
  let source = null;
  let heard = Date.now();
  function connect() {
    if (source) source.close();
    source = new EventSource("/api/events/stream" + (last ? "?after=" + encodeURIComponent(last) : ""));
    heard = Date.now();
    source.addEventListener("hello", () => { heard = Date.now(); body.dataset.live = "on"; });
    source.addEventListener("ping", () => { heard = Date.now(); });
    source.addEventListener("change", (ev) => {
      heard = Date.now();
      let c;
      try { c = JSON.parse(ev.data); } catch (e) { return; }
      last = String(c.id);
      queue = queue.then(() => apply(c)).catch(() => { /* a failed redraw: the next change or a reload mends it */ })
        .then(() => { body.dataset.liveApplied = String(c.id); });
    });
    source.addEventListener("error", () => {
      body.dataset.live = "off";
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    });
  }
  connect();
  setInterval(() => { if (Date.now() - heard > 45000) connect(); }, 5000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && Date.now() - heard > 20000) connect();
  });
  window.addEventListener("pagehide", () => source.close());
})();
