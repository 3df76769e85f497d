// Loads the WebAssembly application. Relative URLs keep the built folder working under any
// sub-path. Kept as an external file so that the Content-Security-Policy can forbid inline code.
import init, { hrddBenchmarkScore } from './hrdd-calculator.js';

// Where the calculator's own files are (its language catalogues live there too), even when it
// is mounted into another site's page.
globalThis.hrddAssetBase = new URL('./', import.meta.url).href;

// Said when no language's words could be loaded at all (the calculator's words live in its
// catalogues, i18n/<language>.ftl, not in the WebAssembly), in the three languages it speaks.
globalThis.hrddTextsFailed = (language, problem) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.lang = 'en';
  message.textContent = `The calculator's texts (i18n/${language}.ftl) could not be loaded (${problem}). Reload the page when the connection is back. ` +
    `Les textes du calculateur n'ont pas pu être chargés. Rechargez la page. ` +
    `No se pudieron cargar los textos de la calculadora. Vuelva a cargar la página.`;
  document.body.prepend(message);
};

// The words of the likely language, fetched while the WebAssembly downloads rather than after it
// starts: the address's ?lang=, else the reader's remembered choice, else the browser's language.
// The calculator decides the language itself and fetches another catalogue if this guess is not
// its choice (a request that carries no user data, like every request of the page).
function likelyLanguage() {
  let remembered = null;
  try {
    remembered = localStorage.getItem('hrdd-calculator.language');
  } catch {
    // Storage turned off: the browser's language decides.
  }
  const tag = new URLSearchParams(location.search).get('lang') || remembered || navigator.language || 'en';
  return tag.split(/[-_]/)[0].toLowerCase();
}
const early = likelyLanguage();
globalThis.hrddEarlyCatalogue = {
  code: early,
  text: /^[a-z]{2,3}$/.test(early)
    ? fetch(new URL(`./i18n/${early}.ftl`, import.meta.url)).then((response) => (response.ok ? response.text() : null), () => null)
    : Promise.resolve(null),
};

init({ module_or_path: new URL('./hrdd-calculator_bg.wasm', import.meta.url) })
  .then((wasm) => {
    // Read by the benchmark command (scripts/bench.mjs) only; neither holds user data.
    globalThis.hrddWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
    globalThis.hrddBenchmarkScore = hrddBenchmarkScore;
  })
  .catch((error) => {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = 'The calculator could not start in this browser: ' + error +
      '. It needs a current browser with WebAssembly enabled.';
    document.body.prepend(message);
  });

// Offline use: only on the calculator's own page served over HTTP(S), not when it is mounted
// into another page or opened from disk. Registered once the page has loaded and the browser is
// idle, so that caching the app's files never competes with its start-up.
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http') || document.getElementById('hrdd-calculator')) return;
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {
    // Without a service worker the calculator still works online.
  });
}
const whenIdle = (task) => ('requestIdleCallback' in window ? requestIdleCallback(task, { timeout: 3000 }) : setTimeout(task, 1000));
if (document.readyState === 'complete') whenIdle(registerServiceWorker);
else window.addEventListener('load', () => whenIdle(registerServiceWorker), { once: true });
