// Offline support. After a first visit the calculator's own files are cached, so it opens with
// the network off. Requests go to the network first, so a new version is picked up as soon as
// the network is back; the cache answers only when the network does not. Only same-origin GET
// requests for the app's files pass through here: the app never sends user data anywhere.
const CACHE = 'hrdd-calculator-v3';
const FILES = ['./', 'index.html', 'boot.js', 'hrdd-calculator.js', 'hrdd-calculator_bg.wasm', 'style.css', 'icon.svg', 'manifest.webmanifest'];

// The words live in one catalogue per language (i18n/<code>.ftl). Kept for offline use: English
// and the browser's own languages that the calculator has (a missing one is skipped, so this
// needs no list of languages); any other language is kept once it has been shown online, as
// every file the page fetches is.
function catalogues() {
  const codes = ['en', ...(self.navigator.languages || []).map((tag) => tag.split('-')[0].toLowerCase())];
  return [...new Set(codes)].filter((code) => /^[a-z]{2,3}$/.test(code)).map((code) => `i18n/${code}.ftl`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES).then(() => Promise.all(catalogues().map((url) => cache.add(url).catch(() => {})))))
      .then(() => self.skipWaiting()),
  );
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
