// The column's service worker: stories a reader has opened stay readable offline.
// The build (scripts/site/offline.py) writes it to the site's root as sw.js, with VERSION,
// PRECACHE and OFFLINE set on top. No framework: the whole policy is below.
//
// - Pages and photos: network first, so a reader online always gets the current page (a story
//   withdrawn since is gone); every page opened is kept for later. Offline, the kept copy, or
//   the offline page when there is none. Pagefind's index is left to the network.
// - The theme's files (CSS, fonts, scripts, icons): cache first. Their cache is named after a
//   hash of their content (VERSION), so a new build installs a new cache and drops the old.

const ASSETS = `dien-hinh-tai-nguyen-${VERSION}`;
const PAGES = "dien-hinh-trang-da-doc";
const KEPT_PAGES = 150;
const scope = new URL(self.registration.scope);
const themeRoot = new URL(THEME, scope).pathname;
const searchRoot = new URL("pagefind/", scope).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(ASSETS)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("dien-hinh-") && name !== ASSETS && name !== PAGES)
          .map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return;
  }
  if (url.pathname.startsWith(searchRoot)) {
    return; // the search index needs the network anyway; its many small files would crowd out stories
  }
  if (url.pathname.startsWith(themeRoot)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(ASSETS);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  let response;
  try {
    // Revalidated with the server, not taken from the browser's HTTP cache: a story withdrawn
    // minutes ago must not come back from there either.
    response = await fetch(request, { cache: "no-cache" });
  } catch {
    const kept = await caches.match(request); // a page read before, or the precached home page
    if (kept) return kept;
    if (request.mode === "navigate") {
      const offline = await caches.match(new URL(OFFLINE, scope), { cacheName: ASSETS });
      if (offline) return offline;
    }
    return Response.error();
  }
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    trim(cache);
  } else if (response.status === 404 || response.status === 410) {
    await cache.delete(request); // withdrawn from the column: not kept on the reader's phone either
  }
  return response;
}

async function trim(cache) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - KEPT_PAGES)).map((key) => cache.delete(key)));
}
