// Live pages: the story list and a story page update themselves when a
// story changes (Server-Sent Events from /events). Without JavaScript, or
// without EventSource, the pages are the same, updated on reload.
"use strict";
(function () {
  if (!window.EventSource || !window.fetch || !window.DOMParser) return;
  var path = window.location.pathname;
  var storyMatch = path.match(/^\/stories\/([^\/]+)$/);
  var onList = path === "/";
  if (!onList && !storyMatch) return;
  var storyID = storyMatch ? decodeURIComponent(storyMatch[1]) : null;
  var pending = false, busy = false;

  // Don't swap the page under someone typing in a form.
  function editing() {
    var a = document.activeElement;
    return a && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName);
  }

  function refresh() {
    if (busy || editing()) { pending = true; return; }
    busy = true; pending = false;
    window.fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var cur = document.querySelector("main");
        if (next && cur) {
          var y = window.scrollY;
          cur.replaceWith(next);
          window.scrollTo(0, y);
          next.setAttribute("data-live-updated", new Date().toISOString());
          document.dispatchEvent(new CustomEvent("crosscheck:updated"));
        }
      })
      .catch(function () { /* the next event tries again */ })
      .finally(function () { busy = false; if (pending) setTimeout(refresh, 500); });
  }

  document.addEventListener("focusout", function () { if (pending) setTimeout(refresh, 300); });

  // One stream while the page is shown. Browsers allow about six
  // connections per server across all tabs: a page left, kept in the
  // back-forward cache or in a background tab lets go of its stream, and
  // catches up when it is shown again.
  var es = null;
  function connect() {
    if (es) return;
    es = new EventSource("/events");
    es.addEventListener("stories", function (ev) {
      var data;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      var stories = data.stories || [];
      if (onList && stories.length) refresh();
      if (storyID && stories.some(function (s) { return s.id === storyID; })) refresh();
    });
  }
  function disconnect() {
    if (es) { es.close(); es = null; }
  }
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", function (e) { connect(); if (e.persisted) refresh(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { disconnect(); return; }
    if (!es) { connect(); refresh(); }
  });
  if (document.visibilityState !== "hidden") connect();
})();
