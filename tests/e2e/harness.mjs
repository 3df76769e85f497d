// Shared set-up of the end-to-end suite: serve the release build on 127.0.0.1, drive Debian's
// Chromium with playwright-core, record every request and console error, and run axe-core.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A copy of the release build in a temporary folder, to add or change files for one test. */
export async function copyOfDist(extraFiles = {}) {
  const { cp, mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const folder = await mkdtemp(join(tmpdir(), 'hrdd-dist-'));
  await cp(join(repositoryRoot, 'dist'), folder, { recursive: true });
  for (const [name, content] of Object.entries(extraFiles)) await writeFile(join(folder, name), content);
  return folder;
}

/**
 * Start the project's static server on a free port; resolves with its base URL, a stop(), and
 * the requests it answered ({ status, path }, in order) when `log` is on. `validators` makes it
 * send ETags and answer revalidations with 304.
 */
export async function startServer(directory = join(repositoryRoot, 'dist'), { csp = true, log = false, validators = false } = {}) {
  const child = spawn(process.execPath, [join(repositoryRoot, 'scripts', 'static-server.mjs'), directory, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      STATIC_SERVER_CSP: csp ? 'on' : 'off',
      STATIC_SERVER_LOG: log ? 'on' : 'off',
      STATIC_SERVER_VALIDATORS: validators ? 'on' : 'off',
    },
  });
  const served = [];
  let pending = '';
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const started = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
        if (started) resolve(started[1]);
        const request = /^REQUEST (\d+) (.*)$/.exec(line);
        if (request) served.push({ status: Number(request[1]), path: request[2] });
      }
    });
  });
  return { url, stop: () => child.kill(), served };
}

/**
 * For a test file: start the server on the release build and the browser before its tests,
 * and stop both after them. The returned object's `server` and `browser` are set by then.
 */
export function withServerAndBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.stop();
  });
  return shared;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Open a fresh page that records every request and every console error or page error.
 * `requests` holds full URLs with their post data; `errors` holds messages.
 */
export async function openPage(browser, url, { beforeLoad, locale = 'en-US' } = {}) {
  // en-US by default: the keyboard helpers type dates in its month/day/year order.
  const context = await browser.newContext({ acceptDownloads: true, locale });
  // A script to run in the page before its own (for example a device clock set to another date).
  if (beforeLoad) await context.addInitScript(beforeLoad);
  const page = await context.newPage();
  const { requests, errors } = record(page);
  await page.goto(url);
  await page.waitForSelector('#outcome');
  return { page, context, requests, errors };
}

/** Record every request of a page, and every console error or page error. */
function record(page) {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  page.on('console', (message) => {
    // The optional organisation settings file is absent in most tests: the browser reports
    // its 404 on the console, which is expected and harmless.
    const optionalFileMissing = /settings\.json$/.test(message.location().url ?? '') && /Failed to load resource/.test(message.text());
    if (message.type() === 'error' && !optionalFileMissing) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { requests, errors };
}

/**
 * Open another tab in the same browser context (so it shares local storage with the first),
 * recording its requests and errors like `openPage`.
 */
export async function openAnotherPage(context, url, { beforeLoad } = {}) {
  const page = await context.newPage();
  if (beforeLoad) await page.addInitScript(beforeLoad);
  const { requests, errors } = record(page);
  await page.goto(url);
  await page.waitForSelector('#outcome');
  return { page, requests, errors };
}

/** Requests to anything but the local server (data: and blob: URLs never leave the page). */
export function foreignRequests(requests) {
  return requests.filter(({ url }) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1';
  });
}

/** Run axe-core with the WCAG 2.x A and AA rules; resolves with the violations. */
export async function accessibilityViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; injecting a
  // <script> would (rightly) be refused by the page's own policy.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  if (result.passes.length === 0) throw new Error('axe-core checked nothing: is the page empty?');
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * The quick-screen answers of a clean deal (question id, option key), in the order of the page:
 * a private customer that said what the product is for, ordinary civilian goods, every party
 * screened, no embargo, nothing pointing to torture or atrocities, safeguards verified.
 */
export const CLEAN_QUICK_SCREEN = [
  ['profile.customer_type', 'private_company'],
  ['profile.channel', 'direct'],
  ['profile.ongoing_relationship', 'continuing'],
  ['profile.destination_embargo', 'none_checked'],
  ['end_use.purpose_disclosed', 'in_writing'],
  ['end_use.inherently_harmful', 'no'],
  ['end_use.fits_business', 'yes'],
  ['end_use.customisation', 'none'],
  ['end_use.product_family', 'civilian'],
  ['end_use.torture_goods', 'none'],
  ['end_use.torture_reason_to_believe', 'no'],
  ['customer.end_user_known', 'buyer_itself'],
  ['customer.record_of_harm', 'none'],
  ['customer.misuse_against_groups', 'no'],
  ['customer.unconstitutional_change', 'no'],
  ['customer.security_control', 'no'],
  ['customer.listed_parties', 'none_screened'],
  ['customer.atrocity_risk', 'no'],
  ['mitigations.evidence', 'verified'],
];

/**
 * The checklist boxes of the clean deal, in the order of the page: no capability to act on people,
 * no warning sign in the transaction, no group at heightened risk, no right recorded as
 * strengthened, contract clauses in place and nothing more planned.
 */
/** The day of the clean deal's sanctions screening, and the field it goes in. */
export const CLEAN_SCREENING_DATE = '2026-11-20';
export const SCREENING_DATE_INPUT = 'customer.screening_date-date';

export const CLEAN_QUICK_SCREEN_TICKS = [
  'end_use.capabilities-none',
  'customer.transaction_red_flags-none',
  'customer.screening_lists-un',
  'customer.screening_lists-eu',
  'impacts.groups-none',
  'impacts.positive_rights-none',
  'mitigations.in_place-contract_clauses',
  'mitigations.planned-none',
];

/** Answer a quick screen with the mouse: the clean answers and ticks, and the destination. */
export async function answerQuickScreen(page, country = 'NO') {
  for (const [question, option] of CLEAN_QUICK_SCREEN) {
    await page.locator(`[id="${question}-${option}"]`).click();
  }
  for (const id of CLEAN_QUICK_SCREEN_TICKS) await page.locator(`[id="${id}"]`).click();
  await page.fill(`[id="${SCREENING_DATE_INPUT}"]`, CLEAN_SCREENING_DATE);
  await page.fill('#country-search', country);
  await page.selectOption('[id="profile.destination"]', country);
}

/**
 * The text of a PDF (pdf.js), page by page. Chromium sets some letter pairs as one ligature
 * glyph ("ff", "fi"), which pdf.js reads with a space around; compare with `squeezed` text.
 */
export async function pdfPages(buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join(''));
  }
  await document.destroy();
  return pages;
}

/** Text without any white space, for matching across line breaks and split ligatures. */
export const squeezed = (text) => text.replace(/\s+/g, '');
