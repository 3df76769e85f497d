// The benchmark command's browser and size part (scripts/bench.sh runs it after building the
// release bundle and the native benchmarks). Prints a table and writes docs/PERFORMANCE.md.
// Usage: node scripts/bench.mjs NATIVE_RESULTS.json
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, repositoryRoot, startServer } from '../tests/e2e/harness.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 21);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);
// The resident memory of a process, in bytes (Linux /proc); 0 once it has ended.
function residentMemory(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
  } catch {
    return 0;
  }
}

// The browser's renderer processes, with the processor time each has used (DevTools protocol).
async function rendererProcesses(session) {
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer');
}

const native = JSON.parse(readFileSync(process.argv[2] ?? '/dev/null', 'utf8') || '{}');
const dist = join(repositoryRoot, 'dist');
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => x.toFixed(1);

// ------------------------------------------------------------------ size
function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
// The pipeline screen's worker: fetched only when a pipeline export is chosen.
const onDemand = [
  ['JS', 'pipeline-worker.js'],
  ['JS', 'hrdd-pipeline-worker.js'],
  ['wasm', 'hrdd-pipeline-worker_bg.wasm'],
];
const firstRender = [
  ['wasm', 'hrdd-calculator_bg.wasm'], ['JS', 'hrdd-calculator.js'], ['JS', 'boot.js'],
  ['CSS', 'style.css'], ['HTML', 'index.html'], ['icon', 'icon.svg'], ['manifest', 'manifest.webmanifest'],
  // The words: the shown language's catalogue (English here; French and Spanish are a few KB more).
  ['catalogue', 'i18n/en.ftl'],
];
const sizeRows = firstRender.map(([kind, file]) => ({ kind, file, ...sizes(join(dist, file)) }));
const total = sizeRows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const embeddedData = sizes(join(repositoryRoot, 'core/data/countries.tsv'));
const onDemandRows = onDemand.map(([kind, file]) => ({ kind, file, ...sizes(join(dist, file)) }));

// The wasm by crate: twiggy on wasm-bindgen's output (before wasm-opt, which strips names).
let byCrate = [];
const named = join(repositoryRoot, 'target/wasm-bindgen/release/hrdd-calculator_bg.wasm');
try {
  const csv = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'csv', named], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const totals = new Map();
  for (const line of csv.trim().split('\n').slice(1)) {
    const match = /^"?(.*?)"?,(\d+),/.exec(line);
    if (!match) continue;
    const [, name, size] = match;
    let crate;
    if (name.includes('function names') || name.startsWith('"')) crate = '(names section, stripped by wasm-opt)';
    else if (name.startsWith('data')) crate = '(data: country and measures tables, keys, ids)';
    else if (/CompStateInner<COMP>/.test(name)) crate = 'hrdd_calculator (component views, monomorphised in yew)';
    else crate = (/^<?([A-Za-z_][A-Za-z0-9_]*)/.exec(name)?.[1]) ?? '(other)';
    totals.set(crate, (totals.get(crate) ?? 0) + Number(size));
  }
  byCrate = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 14);
} catch (error) {
  byCrate = [[`twiggy unavailable: ${error.message.split('\n')[0]}`, 0]];
}

// ------------------------------------------------------------------ start-up and re-scoring
const server = await startServer();
const browser = await launchBrowser();
const browserVersion = browser.version();
const QUESTION = '[id="profile.customer_type-private_company"]';
const loads = [];
try {
  for (let i = 0; i < LOADS; i += 1) {
    // A new context has an empty cache: every load is cold.
    const context = await browser.newContext();
    const page = await context.newPage();
    let requests = 0;
    page.on('request', () => { requests += 1; });
    await page.addInitScript((selector) => {
      new MutationObserver((_, observer) => {
        const input = document.querySelector(selector);
        if (input && !input.disabled) { window.__usableAt = performance.now(); observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, QUESTION);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__usableAt !== undefined && typeof window.hrddWasmMemoryBytes === 'function');
    const timing = await page.evaluate(() => ({
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      usable: window.__usableAt,
      wasmMemory: window.hrddWasmMemoryBytes(),
    }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    loads.push({ ...timing, jsHeap: heap.usedSize, requests });
    await context.close();
  }

  var page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.hrddBenchmarkScore === 'function');
  var wasmScoreMicros = await page.evaluate(() => { window.hrddBenchmarkScore(200); return window.hrddBenchmarkScore(2000); });
  // Answer to result: click an option, then wait until every microtask (Yew renders in one)
  // has run and the browser yields a macrotask: the result is drawn by then.
  await page.locator('#mode-full_assessment').click();
  var answerToResult = await page.evaluate(async (changes) => {
    const radios = [...document.querySelectorAll('.questions input[type=radio]')].filter((r) => !r.name.startsWith('mode'));
    const yieldToMacrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const times = [];
    for (let i = 0; i < changes; i += 1) {
      const radio = radios[(i * 7) % radios.length];
      const t0 = performance.now();
      radio.click();
      await yieldToMacrotask();
      times.push(performance.now() - t0);
    }
    return times;
  }, CHANGES);

  // ---------------------------------------------------------------- pipeline (browser)
  // 50,000 rows chosen on the pipeline screen: from the file chosen to the first page of
  // results drawn (the worker loaded, the file read, every row screened, the table rendered),
  // median of 3 cold runs; and, while the worker runs, the time from a click on the page to the
  // next frame (a page that stays responsive keeps it under 50 ms).
  var browserPipeline = [];
  const browserSession = await browser.newBrowserCDPSession();
  for (const kind of ['typical', 'distinct']) {
    const file = join(repositoryRoot, 'target', `pipeline-${kind}.csv`);
    execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'make-pipeline.mjs'), kind, '50000', file]);
    const times = [];
    let frames = [];
    let memoryGrowth = 0;
    for (let run = 0; run < 3; run += 1) {
      const context = await browser.newContext();
      const pipelinePage = await context.newPage();
      await pipelinePage.goto(server.url);
      await pipelinePage.getByRole('button', { name: 'Pipeline', exact: true }).click();
      await pipelinePage.waitForSelector('#batch-file');
      // Input to next frame, sampled every 50 ms until the results are drawn.
      await pipelinePage.evaluate(() => {
        window.__frames = [];
        window.__sampling = setInterval(() => {
          const t0 = performance.now();
          document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          requestAnimationFrame(() => window.__frames.push(performance.now() - t0));
        }, 50);
      });
      // Memory: the growth of the resident memory of the renderer process that runs the page and
      // its worker (the renderer that used the processor during the run; the browser's own
      // interface has renderers too), sampled every 20 ms from the file chosen to the results.
      const renderersBefore = await rendererProcesses(browserSession);
      const baseline = Object.fromEntries(renderersBefore.map((p) => [p.id, residentMemory(p.id)]));
      const peak = { ...baseline };
      const sampler = setInterval(() => {
        for (const p of renderersBefore) peak[p.id] = Math.max(peak[p.id], residentMemory(p.id));
      }, 20);
      const t0 = Date.now();
      await pipelinePage.setInputFiles('#batch-file', file);
      await pipelinePage.waitForSelector('#batch-table tbody tr', { timeout: 120000 });
      times.push(Date.now() - t0);
      clearInterval(sampler);
      const busiest = (await rendererProcesses(browserSession))
        .map((p) => ({ id: p.id, cpu: p.cpuTime - (renderersBefore.find((b) => b.id === p.id)?.cpuTime ?? 0) }))
        .filter((p) => p.id in baseline)
        .sort((a, b) => b.cpu - a.cpu)[0];
      if (busiest) memoryGrowth = Math.max(memoryGrowth, peak[busiest.id] - baseline[busiest.id]);
      frames = frames.concat(await pipelinePage.evaluate(() => { clearInterval(window.__sampling); return window.__frames; }));
      await context.close();
    }
    browserPipeline.push({ kind, ms: median(times), frameP95: percentile(frames, 0.95), frameMax: Math.max(...frames), memoryGrowth });
  }
} finally {
  await browser.close();
  server.stop();
}

// ------------------------------------------------------------------ links
let linkLine = '';
try {
  linkLine = execFileSync('cargo', ['test', '-q', '-p', 'hrdd-core', '--test', 'links', '--', '--nocapture', 'link_lengths'], { cwd: repositoryRoot, encoding: 'utf8' })
    .split('\n').find((l) => l.startsWith('link lengths')) ?? '';
} catch (error) {
  linkLine = `could not measure: ${error.message.split('\n')[0]}`;
}
const links = Object.fromEntries([...linkLine.matchAll(/(minimal|typical full|maximal) (\d+) \(protected (\d+)\)/g)].map((m) => [m[1], { plain: Number(m[2]), protected: Number(m[3]) }]));

// ------------------------------------------------------------------ pipeline (native)
// 50,000 rows of a pipeline export through `hrdd-score --csv`, end to end (read, screen, write
// the results), median of 5 runs; peak memory from /usr/bin/time when it is there.
const pipeline = [];
try {
  execFileSync('cargo', ['build', '-q', '--release', '-p', 'hrdd-cli'], { cwd: repositoryRoot });
  const binary = join(repositoryRoot, 'target', 'release', 'hrdd-score');
  for (const kind of ['typical', 'distinct']) {
    const file = join(repositoryRoot, 'target', `pipeline-${kind}.csv`);
    execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'make-pipeline.mjs'), kind, '50000', file]);
    const times = [];
    for (let run = 0; run < 5; run += 1) {
      const start = process.hrtime.bigint();
      execFileSync(binary, ['--csv', file], { maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    // GNU time writes its report on standard error, after the program's own.
    const timed = spawnSync('/usr/bin/time', ['-v', binary, '--csv', file], { maxBuffer: 256 << 20, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timed.stderr ?? '')?.[1];
    pipeline.push({ kind, ms: median(times), peakMb: kb ? (Number(kb) / 1024).toFixed(1) : 'not measured' });
  }
} catch (error) {
  pipeline.push({ kind: `could not measure: ${error.message.split('\n')[0]}`, ms: NaN, peakMb: '' });
}

// ------------------------------------------------------------------ report
const worstBrowser = browserPipeline.find((p) => p.kind === 'distinct');
const worstNative = pipeline.find((p) => p.kind === 'distinct');
const pipelineFrames = Math.max(...browserPipeline.map((p) => p.frameMax));
const pipelineMemory = Math.max(...browserPipeline.map((p) => p.memoryGrowth / 1048576), ...pipeline.map((p) => parseFloat(p.peakMb)).filter(Number.isFinite));
const startup = (key) => loads.map((l) => l[key]);
const memory = loads.map((l) => l.jsHeap + l.wasmMemory);
const budgets = [
  ['First render, brotli', `${kb(total.brotli)} KB`, '≤ 100 KB (aim ≤ 72 KB)', total.brotli <= 100 * 1024],
  ['Usable, median of cold loads', `${ms(median(startup('usable')))} ms`, '≤ 150 ms', median(startup('usable')) <= 150],
  ['JS heap + wasm memory, median', `${(median(memory) / 1048576).toFixed(2)} MB`, '≤ 6 MB', median(memory) <= 6 * 1048576],
  ['Full re-score, native', native['score/full_assessment'] ? `${native['score/full_assessment'].toFixed(2)} µs` : 'not measured', '≤ 50 µs', (native['score/full_assessment'] ?? Infinity) <= 50],
  ['Answer to result, p95', `${ms(percentile(answerToResult, 0.95))} ms`, '≤ 16 ms', percentile(answerToResult, 0.95) <= 16],
  ['50,000 distinct deals screened, browser (file to results)', worstBrowser ? `${ms(worstBrowser.ms)} ms` : 'not measured', '≤ 3000 ms', (worstBrowser?.ms ?? Infinity) <= 3000],
  ['50,000 distinct deals screened, native', worstNative ? `${ms(worstNative.ms)} ms` : 'not measured', '≤ 1000 ms', (worstNative?.ms ?? Infinity) <= 1000],
  ['Pipeline peak memory (browser growth, native peak)', `${pipelineMemory.toFixed(1)} MB`, '≤ 100 MB', pipelineMemory <= 100],
  ['Input to next frame while screening, worst', `${ms(pipelineFrames)} ms`, '≤ 50 ms', pipelineFrames <= 50],
  ['Typical full-assessment link', links['typical full'] ? `${links['typical full'].plain} characters` : 'not measured', '≤ 200 characters', (links['typical full']?.plain ?? Infinity) <= 200],
];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push('# Performance', '');
lines.push(`Measured by \`bash scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium ${browserVersion}; pages served from 127.0.0.1 by \`scripts/static-server.mjs\`. Timings are benchmark output, never test assertions.`, '');
lines.push('## Budgets', '', '| measure | result | budget | met |', '|---|---|---|---|');
for (const [name, value, budget, met] of budgets) lines.push(`| ${name} | ${value} | ${budget} | ${met ? 'yes' : '**no**'} |`);
lines.push('', '## Size of the first render', '', '| kind | file | raw | gzip -9 | brotli -q 11 |', '|---|---|---|---|---|');
for (const r of sizeRows) lines.push(`| ${r.kind} | \`${r.file}\` | ${kb(r.raw)} KB | ${kb(r.gzip)} KB | ${kb(r.brotli)} KB |`);
lines.push(`| **total** | | **${kb(total.raw)} KB** | **${kb(total.gzip)} KB** | **${kb(total.brotli)} KB** |`);
lines.push(`| data (inside the wasm) | \`core/data/countries.tsv\` | ${kb(embeddedData.raw)} KB | ${kb(embeddedData.gzip)} KB | ${kb(embeddedData.brotli)} KB |`);
lines.push('', 'Fetched only when a pipeline export is chosen (not part of the first render):', '', '| kind | file | raw | gzip -9 | brotli -q 11 |', '|---|---|---|---|---|');
for (const r of onDemandRows) lines.push(`| ${r.kind} | \`${r.file}\` | ${kb(r.raw)} KB | ${kb(r.gzip)} KB | ${kb(r.brotli)} KB |`);
lines.push('', '### The wasm by crate', '', 'Shallow sizes from `twiggy` on wasm-bindgen\'s output, before `wasm-opt -Oz` (which strips the names section and shrinks code a little).', '', '| crate or part | bytes |', '|---|---|');
for (const [crate, size] of byCrate) lines.push(`| ${crate} | ${kb(size)} KB |`);
lines.push('', `## Start-up (${LOADS} cold loads)`, '', '| measure | median | min | max |', '|---|---|---|---|');
for (const [name, key] of [['DOMContentLoaded (ms)', 'domContentLoaded'], ['First question answerable (ms)', 'usable']]) {
  const xs = startup(key);
  lines.push(`| ${name} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} |`);
}
lines.push(`| JS heap + wasm memory after ready (MB) | ${(median(memory) / 1048576).toFixed(2)} | ${(Math.min(...memory) / 1048576).toFixed(2)} | ${(Math.max(...memory) / 1048576).toFixed(2)} |`);
lines.push(`| Requests | ${median(startup('requests'))} | ${Math.min(...startup('requests'))} | ${Math.max(...startup('requests'))} |`);
lines.push('', '## Re-scoring', '', '| measure | result |', '|---|---|');
for (const [name, value] of Object.entries(native)) lines.push(`| native \`${name}\` (criterion, mean) | ${value.toFixed(2)} µs |`);
lines.push(`| \`score\` in the browser (release wasm, full assessment) | ${wasmScoreMicros.toFixed(2)} µs |`);
lines.push(`| answer to updated result in the page, median (${CHANGES} changes) | ${ms(median(answerToResult))} ms |`);
lines.push(`| answer to updated result in the page, p95 | ${ms(percentile(answerToResult, 0.95))} ms |`);
lines.push('', '## Screening a pipeline (50,000 rows, natively)', '', '| export | time, median of 5 | peak memory |', '|---|---|---|');
for (const p of pipeline) lines.push(`| ${p.kind === 'typical' ? 'typical (countries, products and customer types repeat)' : p.kind === 'distinct' ? 'every row different (worst case)' : p.kind} | ${ms(p.ms)} ms | ${p.peakMb} MB |`);
lines.push('', '## Screening a pipeline (50,000 rows, in the browser)', '', 'From the file chosen to the first page of results drawn, median of 3 cold runs; input to next frame sampled every 50 ms meanwhile; memory: the largest growth over a run of the resident memory of the renderer process that runs the page and its worker, sampled every 20 ms.', '', '| export | time to results | input to next frame, p95 | worst | memory growth |', '|---|---|---|---|---|');
for (const p of browserPipeline) lines.push(`| ${p.kind === 'typical' ? 'typical' : 'every row different (worst case)'} | ${ms(p.ms)} ms | ${ms(p.frameP95)} ms | ${ms(p.frameMax)} ms | ${(p.memoryGrowth / 1048576).toFixed(1)} MB |`);
lines.push('', '## Share links', '', '| assessment | plain | protected by a passphrase |', '|---|---|---|');
for (const [name, value] of Object.entries(links)) lines.push(`| ${name} | ${value.plain} characters | ${value.protected} characters |`);
lines.push('', 'Fragment only, without names and notes; the whole link adds the page address.');
const table = lines.join('\n');
console.log(table);

const path = join(repositoryRoot, 'docs/PERFORMANCE.md');
const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
writeFileSync(path, `${table}\n\n${notes}`);
console.log(`\nwrote docs/PERFORMANCE.md`);
