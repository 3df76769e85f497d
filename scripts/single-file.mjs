// Builds the one-file version of the calculator: a single self-contained HTML file with the
// wasm, JavaScript, CSS and data inlined, that works opened from disk (file://), attached to an
// e-mail or uploaded to a CMS that accepts one file. Run by scripts/single-file.sh after the
// release build; writes dist-single/hrdd-calculator.html.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = join(root, 'dist');
const read = (name) => readFileSync(join(dist, name));

const glue = read('hrdd-calculator.js').toString('utf8');
if (!/async function __wbg_init\(/.test(glue)) {
  throw new Error('unexpected wasm-bindgen output: the loader must export __wbg_init');
}
const wasm = read('hrdd-calculator_bg.wasm').toString('base64');
const css = read('style.css').toString('utf8');
const icon = `data:image/svg+xml;base64,${read('icon.svg').toString('base64')}`;
// Every language's catalogue (each file of i18n/: the wasm holds no words of its own) travels in
// the page as inert text (never run as script), so that the one-file build speaks every language
// with no request at all.
const codes = readdirSync(join(dist, 'i18n')).filter((name) => name.endsWith('.ftl')).map((name) => name.slice(0, -4)).sort();
if (!codes.includes('en')) throw new Error('dist/i18n/en.ftl is missing');
const catalogues = codes.map((code) => {
  const text = read(join('i18n', `${code}.ftl`)).toString('utf8');
  if (/<\/script/i.test(text)) throw new Error(`${code}.ftl must not contain "</script"`);
  return `<script type="text/plain" id="hrdd-catalogue-${code}">${text}</script>`;
}).join('\n');

// The loader and the start-up code in one inline module: the wasm comes from the page itself,
// so the page needs no network access at all.
const script = `${glue}
const wasmBytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
__wbg_init({ module_or_path: wasmBytes }).catch((error) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = 'The calculator could not start in this browser: ' + error + '. It needs a current browser with WebAssembly enabled.';
  document.body.prepend(message);
});
`;
// The pipeline screen's worker, in one script: its wasm-bindgen module, its wasm (base64) and the
// worker's own code from www/pipeline-worker.js (what follows its marker line), kept as inert
// text that the page starts as a worker from a blob: address (the page's policy allows blob:
// workers and nothing else). A page opened from disk has no origin, and Chromium does not start
// a module worker from such a page's blob: address: the module is made a classic script (its
// exports become plain declarations; it never loads its wasm by address, as it is given bytes).
const workerGlue = read('hrdd-pipeline-worker.js').toString('utf8')
  .replace(/^export (class|function|async function) /gm, '$1 ')
  .replace(/^export \{[^}]*\};?$/gm, '')
  .replaceAll('import.meta.url', 'self.location.href');
if (/^\s*(export|import)\b/m.test(workerGlue)) throw new Error('the pipeline worker glue has an export or import left');
const workerSource = read('pipeline-worker.js').toString('utf8');
const workerMarker = '// ---- end of what the one-file build replaces ----';
if (!workerSource.includes(workerMarker) || !/async function __wbg_init\(/.test(workerGlue)) {
  throw new Error('unexpected pipeline worker sources: the marker line and __wbg_init are needed');
}
const workerScript = `${workerGlue}
const ready = __wbg_init({ module_or_path: Uint8Array.from(atob(${JSON.stringify(read('hrdd-pipeline-worker_bg.wasm').toString('base64'))}), (c) => c.charCodeAt(0)) });
${workerSource.split(workerMarker)[1]}`;
if (/<\/script/i.test(workerScript)) throw new Error('the pipeline worker must not contain "</script"');
const worker = `<script type="text/plain" id="hrdd-pipeline-worker">${workerScript}</script>`;

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(css)}`,
  'img-src data:',
  "connect-src 'none'",
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="hrdd-single-file" content="1">
<title>Downstream human rights due diligence calculator</title>
<link rel="icon" href="${icon}">
<style>${css}</style>
<script type="module">${script}</script>
${catalogues}
${worker}
</head>
<body>
<noscript>This calculator needs JavaScript and WebAssembly. It runs entirely in your browser and sends nothing anywhere.</noscript>
</body>
</html>
`;
mkdirSync(join(root, 'dist-single'), { recursive: true });
const out = join(root, 'dist-single', 'hrdd-calculator.html');
writeFileSync(out, html);
console.log(`wrote dist-single/hrdd-calculator.html (${(html.length / 1024).toFixed(0)} KB)`);
