// iduit's service worker: keeps the app shell (CSS, script, icon) and the pages a person has opened, so
// that a section opened before the connection dropped opens again without it, with its draft (app.js
// keeps drafts in localStorage). Pages are fetched from the network first and kept only as a fallback:
// what is shown online is always the server's. Nothing but same-origin GETs is touched.
'use strict';
var SHELL = 'iduit-shell-v1';
var PAGES = 'iduit-pages-v1';

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (ev) {
  ev.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== SHELL && n !== PAGES; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

// keepable is a response worth keeping: a whole page of this site, not an error or a redirect elsewhere.
function keepable(res) { return res && res.ok && res.type === 'basic' && !res.redirected; }

function keep(cacheName, req, res) {
  if (!keepable(res)) { return; }
  var copy = res.clone();
  caches.open(cacheName).then(function (c) { return c.put(req, copy); });
}

// A page asks (app.js) for its own address and its shell to be kept: the first page a person opens is
// loaded before this worker controls it, so its files never passed through the fetch handler.
self.addEventListener('message', function (ev) {
  var d = ev.data || {};
  if (d.type === 'keep') {
    caches.open(SHELL).then(function (c) { return c.addAll(d.shell || []); }).catch(function () {});
    if (d.page) {
      fetch(d.page, { credentials: 'same-origin' }).then(function (res) { keep(PAGES, d.page, res); }).catch(function () {});
    }
  } else if (d.type === 'forget') { // signing out: another person may use this device next
    caches.delete(PAGES);
  }
});

self.addEventListener('fetch', function (ev) {
  var req = ev.request;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) { return; }
  if (req.method === 'POST' && req.mode === 'navigate' && /^\/proposals\/[^/]+\/sections\/[^/]+$/.test(url.pathname)) {
    // Save pressed while the server cannot be reached: show the section again instead of the browser's
    // error page; its script puts the typed text back from the device and sends it when it can.
    ev.respondWith(fetch(req).catch(function (err) {
      return caches.match(url.pathname, { ignoreVary: true }).then(function (hit) {
        if (hit) { return hit; }
        throw err;
      });
    }));
    return;
  }
  if (req.method !== 'GET') { return; }
  if (url.pathname.indexOf('/static/') === 0) {
    // Static addresses carry a hash of their content, so a kept copy is never stale.
    ev.respondWith(caches.match(req).then(function (hit) {
      return hit || fetch(req).then(function (res) { keep(SHELL, req, res); return res; });
    }));
    return;
  }
  if (req.mode !== 'navigate') { return; }
  ev.respondWith(fetch(req).then(function (res) {
    keep(PAGES, url.pathname + url.search, res);
    return res;
  }, function (err) {
    return caches.match(url.pathname + url.search, { ignoreVary: true }).then(function (hit) {
      if (hit) { return hit; }
      throw err;
    });
  }));
});
