// The pipeline screen's worker (a module worker, started by the page only when a pipeline is
// screened): decodes the export's bytes, then runs the core's screening (the wasm module
// hrdd-pipeline-worker) a slice at a time, posting its progress. It receives the file from the
// page and posts results back to the page; it makes no request but for its own two files.
//
// Messages in:  { kind: 'screen', bytes, mapping, requiredLists }  (mapping: [header, field, …])
//               { kind: 'csv', today }
// Messages out: { kind: 'read', rows, headers, columns }  { kind: 'progress', done, total }
//               { kind: 'done', results, problems }  { kind: 'failed', problem, headers, columns }
//               { kind: 'csv', text }
// ---- the worker's body starts here (the one-file build replaces what is above with the inlined module) ----
import init, { Batch, guessedColumns, headers } from './hrdd-pipeline-worker.js';

const ready = init({ module_or_path: new URL('./hrdd-pipeline-worker_bg.wasm', import.meta.url) });
// ---- end of what the one-file build replaces ----

// Rows screened between two progress messages: small enough for a smooth bar, large enough that
// messages cost nothing next to the screening.
const SLICE = 500;
let batch = null;
let text = '';

// UTF-8 (a byte-order mark is dropped), else Windows-1252: what spreadsheets on Windows save.
function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function headersOrNothing() {
  try { return headers(text); } catch { return []; }
}

self.onmessage = async ({ data }) => {
  await ready;
  if (data.kind === 'screen') {
    text = decode(new Uint8Array(data.bytes));
    if (batch) { batch.free(); batch = null; }
    try {
      batch = new Batch(text, data.mapping ?? [], data.requiredLists ?? []);
    } catch (problem) {
      self.postMessage({ kind: 'failed', problem, headers: headersOrNothing(), columns: guessedColumns(text, data.mapping ?? []) });
      return;
    }
    const total = batch.rows();
    self.postMessage({ kind: 'read', rows: total, headers: batch.headers(), columns: batch.columns() });
    let done = 0;
    do {
      done = batch.screen(SLICE);
      self.postMessage({ kind: 'progress', done, total });
    } while (done < total);
    self.postMessage({ kind: 'done', results: batch.results(), problems: batch.problems() });
  } else if (data.kind === 'csv' && batch) {
    self.postMessage({ kind: 'csv', text: batch.csv(data.today) });
  }
};
