/* makna workbench: the recording of a source. Plays the file served from the project folder (/media/ID,
 * with range requests so that seeking works), highlights the turn being heard, seeks when a turn's time
 * is clicked, and sets a turn's start to the player's time (◷). Turn times come from .vtt/.srt imports
 * or are set by hand. */
"use strict";
(function () {
  const extras = document.getElementById("extras-data");
  const root = document.getElementById("text");
  const holder = document.getElementById("media-player");
  if (!extras || !root || !holder) return;
  const X = JSON.parse(extras.textContent);
  const M = (s) => (X.msg && X.msg[s]) || s;
  const { api, toast } = window.makna;
  const byId = (id) => document.getElementById(id);
  const base = "/api/sources/" + encodeURIComponent(X.source);
  let info = null;
  let player = null;
  let starts = []; // [[seconds, turn number, end seconds or null]] sorted
  let playing = null;

  function clock(sec) {
    const s = Math.max(0, sec);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mmss = String(m).padStart(2, "0") + ":" + r.toFixed(1).padStart(4, "0");
    return h ? h + ":" + mmss : mmss;
  }
  function stamp(sec) { // HH:MM:SS.mmm for the API
    const ms = Math.round(sec * 1000);
    const h = Math.floor(ms / 3600000), m = Math.floor((ms % 3600000) / 60000), s = (ms % 60000) / 1000;
    return String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0") + ":" + s.toFixed(3).padStart(6, "0");
  }

  function decorate(row) {
    if (!row.classList.contains("turn")) return;
    let when = row.querySelector(":scope > .when");
    if (!info || (!info.linked && !starts.length)) { if (when) when.remove(); return; }
    if (!when) { when = document.createElement("div"); when.className = "when"; row.prepend(when); }
    when.replaceChildren();
    const n = +row.dataset.n;
    const t = starts.find((x) => x[1] === n);
    if (t) {
      const seek = document.createElement("button");
      seek.type = "button"; seek.className = "seek"; seek.dataset.t = String(t[0]);
      seek.dataset.label = "▶ " + clock(t[0]);
      seek.setAttribute("aria-label", M("Play from here") + " " + clock(t[0]));
      seek.title = M("Play from here");
      when.append(seek);
    }
    if (info.linked) {
      const set = document.createElement("button");
      set.type = "button"; set.className = "settime"; set.dataset.label = "◷";
      set.title = M("Set this turn's start to the player's time");
      set.setAttribute("aria-label", set.title);
      when.append(set);
    }
  }

  function decorateAll() {
    root.classList.toggle("timed", !!info && (info.linked || starts.length > 0));
    for (const row of root.querySelectorAll(":scope > .row.turn")) decorate(row);
  }

  function current(sec) {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid][0] <= sec + 0.001) lo = mid + 1; else hi = mid; }
    const hit = lo > 0 ? starts[lo - 1] : null;
    return hit && (hit[2] === null || sec < hit[2] + 0.05) ? hit[1] : null;
  }

  function highlight() {
    const n = player ? current(player.currentTime) : null;
    if (n === playing) return;
    const old = playing !== null ? byId("turn-" + playing) : null;
    if (old) { old.classList.remove("playing"); old.removeAttribute("aria-current"); }
    playing = n;
    const row = n !== null ? byId("turn-" + n) : null;
    if (row) {
      row.classList.add("playing"); row.setAttribute("aria-current", "true");
      const r = row.getBoundingClientRect();
      if (player && !player.paused && (r.bottom < 0 || r.top > window.innerHeight)) row.scrollIntoView({ block: "center" });
    }
  }

  function showPlayer() {
    holder.replaceChildren();
    player = null;
    byId("media-none").hidden = info.linked;
    byId("media-link").hidden = info.linked;
    byId("media-hint").hidden = !info.linked;
    if (!info.linked) return;
    player = document.createElement(info.kind === "video" ? "video" : "audio");
    player.id = "media-element";
    player.controls = true; player.preload = "metadata"; player.src = info.url;
    player.textContent = M("Your browser cannot play this recording.");
    for (const ev of ["timeupdate", "seeked", "play"]) player.addEventListener(ev, highlight);
    const line = document.createElement("div"); line.className = "media-line";
    const name = document.createElement("code"); name.textContent = info.path;
    const unlink = document.createElement("button");
    unlink.type = "button"; unlink.className = "small"; unlink.textContent = M("Unlink");
    unlink.addEventListener("click", async () => {
      try { take(await api("DELETE", base + "/media")); } catch (err) { toast(err.message, true); }
    });
    line.append(name, unlink);
    holder.append(player, line);
  }

  function take(got) {
    info = got;
    starts = got.turns.map((t) => [t.start, t.n, t.end]).sort((a, b) => a[0] - b[0]);
    if (!player || player.getAttribute("src") !== got.url) showPlayer();
    decorateAll();
    highlight();
  }

  root.addEventListener("click", async (ev) => {
    const b = ev.target.closest(".when button");
    if (!b) return;
    ev.stopPropagation(); ev.preventDefault();
    if (b.classList.contains("seek")) {
      if (!player) return;
      player.currentTime = +b.dataset.t;
      player.play().catch(() => { /* playing needs a device; the seek and highlight stand */ });
      highlight();
    } else if (b.classList.contains("settime") && player) {
      const n = b.closest(".row").dataset.n;
      try {
        take(await api("PUT", base + "/turns/" + n + "/time", { start: stamp(player.currentTime) }));
        toast(M("Turn time set"));
      } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
    }
  }, true);

  byId("media-link").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      take(await api("PUT", base + "/media", { path: byId("media-path").value }));
      toast(M("Linked"));
    } catch (err) { toast(M("Could not save") + ": " + err.message, true); }
  });

  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains("row")) decorate(n);
  }).observe(root, { childList: true });

  api("GET", base + "/media").then(take).catch((err) => toast(err.message, true));
  window.makna.media = { seek: (sec) => { if (player) { player.currentTime = sec; highlight(); } } };
})();
