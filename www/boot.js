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
