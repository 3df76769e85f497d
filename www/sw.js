// Offline support. After a first visit the calculator's own files are cached, so it opens with
// the network off. Requests go to the network first, so a new version is picked up as soon as
// the network is back; the cache answers only when the network does not. Only same-origin GET
// requests for the app's files pass through here: the app never sends user data anywhere.
const CACHE = 'hrdd-calculator-v3';
// The page itself is kept under the address it was opened at (see `pages`), not under a second
// name, so that it is not fetched twice.
const FILES = ['boot.js', 'hrdd-calculator.js', 'hrdd-calculator_bg.wasm', 'style.css'];
// The icon and the manifest are not needed to work offline, and the browser fetches them when it
// likes (the icon often after the service worker has started): on a first install they are kept
// only if the browser already holds them, never asked of the network a second time. They are kept
// later as the page fetches them, and on every update.
const EXTRAS = ['icon.svg', 'manifest.webmanifest'];

// The words live in one catalogue per language (i18n/<code>.ftl). Kept for offline use: English
// and the browser's own languages that the calculator has (a missing one is skipped, so this
// needs no list of languages); any other language is kept once it has been shown online, as
// every file the page fetches is.
function catalogues() {
  const codes = ['en', ...(self.navigator.languages || []).map((tag) => tag.split('-')[0].toLowerCase())];
  return [...new Set(codes)].filter((code) => /^[a-z]{2,3}$/.test(code)).map((code) => `i18n/${code}.ftl`);
}

// Nothing is downloaded twice. On a first install the page has just fetched these files, so
// they are taken from the browser's HTTP cache as they are ('force-cache': no request at all,
// even from a host that sends no validators). When a new version replaces an older one, the
// HTTP cache may hold the older files: they are asked again with validation ('no-cache'), which
// a host that sends validators answers with "not modified" and no body.
function request(url, firstInstall) {
  return new Request(url, { cache: firstInstall ? 'force-cache' : 'no-cache' });
}

// 'only-if-cached': the browser's copy if it has one, else nothing (no request at all).
function requestIfHeld(url, firstInstall) {
  return firstInstall ? new Request(url, { cache: 'only-if-cached', mode: 'same-origin' }) : request(url, false);
}

// The addresses the calculator's pages were opened at (without the fragment, which holds a
// shared assessment and is never sent anywhere); the folder's own address when there is none.
async function pages() {
  const windows = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  const addresses = windows
    .map((client) => client.url.split('#')[0])
    .filter((address) => address.startsWith(self.registration.scope));
  return addresses.length > 0 ? [...new Set(addresses)] : ['./'];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const firstInstall = !(await caches.keys()).some((key) => key.startsWith('hrdd-calculator-'));
    const cache = await caches.open(CACHE);
    await cache.addAll([...(await pages()), ...FILES].map((url) => request(url, firstInstall)));
    await Promise.all(catalogues().map((url) => cache.add(request(url, firstInstall)).catch(() => {})));
    await Promise.all(EXTRAS.map((url) => cache.add(requestIfHeld(url, firstInstall)).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('hrdd-calculator-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
