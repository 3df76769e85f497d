// End-to-end: embedding on intranet pages, organisation settings, offline use and the one-file
// build (issue: embed it anywhere).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessibilityViolations, answerQuickScreen, copyOfDist, foreignRequests, launchBrowser, openPage, repositoryRoot, startServer } from './harness.mjs';

let browser;
const servers = [];
const serve = async (folder, options) => { const s = await startServer(folder, options); servers.push(s); return s; };

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

const settings = (extra = {}) => JSON.stringify({
  format: 'hrdd-settings', format_version: 1,
  organisation: 'Example Corporation',
  escalation_contacts: [{ name: 'Human Rights Committee', role: 'decides escalated deals', email: 'hr@example.com' }],
  policy_links: [{ title: 'Human rights policy', url: 'https://intranet.example.com/policy' }],
  sector_packs: ['general', 'surveillance'],
  default_perspective: 'outside_review',
  theme: { accent: '#0b4f6c' },
  ...extra,
});

describe('organisation settings', () => {
  test('a settings file brings the name, contacts, policies, packs, perspective and theme', async () => {
    const server = await serve(await copyOfDist({ 'settings.json': settings() }));
    const { page, context, errors, requests } = await openPage(browser, server.url);
    await page.locator('.organisation').waitFor();
    assert.match(await page.locator('.organisation').innerText(), /Provided by Example Corporation/);
    assert.deepEqual(await page.locator('#sector option').evaluateAll((o) => o.map((x) => x.value)), ['general', 'surveillance']);
    assert.ok(await page.locator('#perspective-outside_review').isChecked(), 'default perspective applied');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--hrdd-accent').trim()), '#0b4f6c');
    assert.equal(await page.locator('#escalation-contacts').count(), 0, 'contacts only with escalate or do not proceed');
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.match(await page.locator('#escalation-contacts').innerText(), /Human Rights Committee[\s\S]*hr@example.com/);
    assert.match(await page.locator('#policy-links').innerText(), /Human rights policy/);
    assert.deepEqual(await accessibilityViolations(page), []);
    const settingsRequests = requests.filter((r) => r.url.includes('settings.json'));
    assert.equal(settingsRequests.length, 1);
    assert.ok(!settingsRequests[0].url.includes('?') && settingsRequests[0].body === '', 'loading settings sends no data');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the lists an organisation requires decide whether "no party is listed" counts', async () => {
    const server = await serve(await copyOfDist({ 'settings.json': settings({ required_screening_lists: ['un', 'eu', 'us_ofac'] }) }));
    const { page, context, errors } = await openPage(browser, server.url);
    await page.locator('.organisation').waitFor();
    await answerQuickScreen(page, 'NO');
    assert.match(await page.locator('#required-lists').innerText(), /requires screening against: UN Security Council consolidated list; EU consolidated list[^;]*; US Treasury \(OFAC\)/);
    assert.equal(await page.locator('#outcome').innerText(), 'Assessment incomplete');
    assert.match(await page.locator('#blockers').innerText(), /every list your organisation requires\. Missing: US Treasury \(OFAC\)/);
    await page.locator('[id="customer.screening_lists-us_ofac"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Proceed');
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a bad settings file gets a clear message and the defaults', async () => {
    const server = await serve(await copyOfDist({ 'settings.json': settings({ theme: { accent: 'url(https://evil.example/x)' } }) }));
    const { page, context } = await openPage(browser, server.url);
    await page.locator('#notice.notice-error').waitFor();
    assert.match(await page.locator('#notice').innerText(), /settings\.json\) could not be used: the theme value .* is not a plain colour.*defaults/);
    assert.equal(await page.locator('#sector option').count(), 8, 'all sector packs');
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Do not proceed');
    await context.close();
  });
});

describe('embedding', () => {
  test('the parent page on the configured origin receives the allowed summary; another origin does not', async () => {
    const parentFiles = await mkdtemp(join(tmpdir(), 'hrdd-parent-'));
    // Stand-ins for intranet pages on other origins (other ports), without the app's own policy.
    const parent = await serve(parentFiles, { csp: false });
    const stranger = await serve(parentFiles, { csp: false });
    const app = await serve(await copyOfDist({
      'settings.json': settings({ embed: { post_message: { target_origin: parent.url.replace(/\/$/, ''), fields: ['outcome', 'red_flag_count'] } } }),
    }));
    await writeFile(join(parentFiles, 'index.html'), `<!doctype html><html lang="en"><head><title>Intranet</title><script src="listen.js"></script></head>
      <body><iframe id="frame" title="calculator" src="${app.url}?embed=1" style="width:100%;height:900px"></iframe></body></html>`);
    await writeFile(join(parentFiles, 'listen.js'), `window.received = [];
      window.addEventListener('message', (e) => { if (e.data && e.data.type === 'hrdd-calculator/outcome') window.received.push({ origin: e.origin, data: e.data }); });`);

    for (const [host, allowed] of [[parent, true], [stranger, false]]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
      await page.goto(host.url);
      const frame = page.frameLocator('#frame');
      await frame.locator('#outcome').waitFor();
      assert.ok(await frame.locator('html.hrdd-embed').count(), 'compact embed mode');
      await frame.locator('[id="customer.listed_parties-listed"]').click();
      await page.waitForTimeout(300);
      const received = await page.evaluate(() => window.received);
      if (allowed) {
        assert.ok(received.length > 0, 'the configured parent receives the summary');
        const last = received.at(-1);
        assert.equal(last.origin, app.url.replace(/\/$/, ''));
        assert.deepEqual(Object.keys(last.data).sort(), ['method_version', 'outcome', 'red_flag_count', 'type']);
        assert.equal(last.data.outcome, 'do_not_proceed');
        assert.equal(last.data.red_flag_count, 1);
      } else {
        assert.deepEqual(received, [], 'a page on another origin receives nothing');
      }
      assert.deepEqual(foreignRequests(requests), []);
      await context.close();
    }
  });

  test('the example intranet page embeds it both ways, and the embed dialog writes the snippets', async () => {
    const server = await serve(await copyOfDist({ 'settings.json': settings({ embed: { post_message: { target_origin: 'http://127.0.0.1:1', fields: ['outcome'] } } }) }));
    const { page, context, errors } = await openPage(browser, server.url);
    await page.locator('#embed summary').click();
    assert.match(await page.locator('#embed-iframe').inputValue(), /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1"/);
    assert.match(await page.locator('#embed-mount').inputValue(), /<div id="hrdd-calculator"><\/div>[\s\S]*boot\.js/);
    await page.goto(`${server.url}intranet-example.html`);
    await page.locator('#hrdd-calculator #outcome').waitFor();
    await page.frameLocator('#calculator-frame').locator('#outcome').waitFor();
    await page.locator('#hrdd-calculator [id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#hrdd-calculator #outcome').innerText(), 'Do not proceed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('static hosting', () => {
  test('the built folder works under any sub-path', async () => {
    const { cp, mkdtemp: makeTemp } = await import('node:fs/promises');
    const site = await makeTemp(join(tmpdir(), 'hrdd-site-'));
    await cp(join(repositoryRoot, 'dist'), join(site, 'tools', 'human-rights'), { recursive: true });
    const server = await serve(site);
    const { page, context, errors, requests } = await openPage(browser, `${server.url}tools/human-rights/`);
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Do not proceed');
    const paths = requests.map((r) => new URL(r.url).pathname).filter((p) => !p.endsWith('settings.json'));
    assert.ok(paths.every((p) => p.startsWith('/tools/human-rights/')), paths.join(', '));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('offline use', () => {
  test('after a first visit it opens with the network off, and picks up a new version when online', async () => {
    const folder = await copyOfDist();
    const server = await serve(folder);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#outcome');
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#outcome');
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Do not proceed', 'works offline');

    await context.setOffline(false);
    const index = join(folder, 'index.html');
    const { readFile } = await import('node:fs/promises');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<title>', '<title>Version 2: '));
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.match(await page.title(), /^Version 2: /, 'a new version is picked up when online');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.match(await page.title(), /^Version 2: /, 'and kept for offline use');
    await context.close();
  });
});

describe('one-file build', () => {
  test('opened from disk (file://), it completes a quick screen with no request at all', async () => {
    const file = pathToFileURL(join(repositoryRoot, 'dist-single', 'hrdd-calculator.html')).href;
    const { page, context, errors, requests } = await openPage(browser, file);
    await answerQuickScreen(page, 'NO');
    assert.equal(await page.locator('#outcome').innerText(), 'Proceed');
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Do not proceed');
    assert.deepEqual(requests.map((r) => r.url).filter((url) => url !== file && !url.startsWith('data:')), [], 'only the file itself');
    assert.deepEqual(errors, []);
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });
});

describe('nothing downloaded twice', () => {
  for (const validators of [false, true]) {
    test(`a first visit with offline use fetches each file once (a host that sends ${validators ? 'validators' : 'no validators'})`, async () => {
      const server = await startServer(undefined, { log: true, validators });
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForSelector('#outcome');
        await page.evaluate(async () => { await navigator.serviceWorker.ready; });
        // The service worker has cached the calculator: offline, it opens.
        const fetched = server.served.filter((r) => r.status === 200).map((r) => r.path);
        const twice = fetched.filter((path, i) => fetched.indexOf(path) !== i);
        assert.deepEqual(twice, [], `fetched twice: ${twice.join(', ')} (all: ${fetched.join(', ')})`);
        for (const file of ['/hrdd-calculator_bg.wasm', '/hrdd-calculator.js', '/i18n/en.ftl']) {
          assert.ok(fetched.includes(file), `${file} fetched once`);
        }
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await context.setOffline(true);
        await page.reload();
        await page.waitForSelector('#outcome');
        assert.equal(await page.locator('#outcome').innerText(), 'Assessment incomplete', 'and it works offline');
        await context.close();
      } finally {
        server.stop();
      }
    });
  }
});
