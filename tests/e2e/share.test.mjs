// End-to-end: share links that keep deals confidential (issue: share links), in the release
// build. Links carry the state in the fragment only; opening one never overwrites a draft;
// bad links get a clear message; free text is always rendered as text; nothing leaves.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessibilityViolations, foreignRequests, openPage, repositoryRoot, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

const outcome = (page) => page.locator('#outcome').innerText();
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"\'&';

async function answerDeal(page) {
  for (const [question, option] of [
    ['profile.customer_type', 'law_enforcement'], ['profile.channel', 'direct'], ['profile.ongoing_relationship', 'limited'],
    ['profile.destination_embargo', 'none_checked'], ['end_use.purpose_disclosed', 'in_writing'], ['end_use.inherently_harmful', 'no'],
    ['end_use.fits_business', 'yes'], ['end_use.customisation', 'none'], ['end_use.product_family', 'civilian'],
    ['end_use.torture_goods', 'none'], ['end_use.torture_reason_to_believe', 'no'], ['customer.end_user_known', 'hidden'],
    ['customer.record_of_harm', 'none'], ['customer.misuse_against_groups', 'no'], ['customer.unconstitutional_change', 'no'],
    ['customer.security_control', 'no'], ['customer.listed_parties', 'none_screened'], ['customer.atrocity_risk', 'no'],
    ['mitigations.evidence', 'declared'],
  ]) await page.locator(`[id="${question}-${option}"]`).click();
  await page.locator('[id="end_use.capabilities-track"]').click();
  // Tracking brings in the surveillance pack's questions.
  await page.locator('[id="surveillance.covert-no"]').click();
  await page.locator('[id="surveillance.independent_authorisation-on_paper"]').click();
  for (const id of ['impacts.groups-none', 'impacts.positive_rights-health', 'mitigations.in_place-contract_clauses', 'mitigations.planned-end_use_certificate']) {
    await page.locator(`[id="${id}"]`).click();
  }
  await page.fill('#country-search', 'Kenya');
  await page.selectOption('[id="profile.destination"]', 'KE');
  await page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
  await page.fill('#text-title', `Tender ${XSS}`);
  await page.fill('#text-customer', `Secret Customer ${XSS}`);
  await page.fill('#text-notes', `Notes ${XSS}`);
  await page.fill('#text-benefit', `Benefit ${XSS}`);
  await page.locator('#override-toggle').click();
  await page.fill('#override-reason', `Reason ${XSS}`);
}

async function openSharePanel(page) {
  if (!(await page.locator('#share').evaluate((el) => el.open))) await page.locator('#share summary').click();
}

async function createLink(page, { includeText = false, passphrase = '' } = {}) {
  await openSharePanel(page);
  const previous = (await page.locator('#share-link').count()) ? await page.locator('#share-link').inputValue() : null;
  if (includeText !== await page.locator('#share-include-text').isChecked()) await page.locator('#share-include-text').click();
  await page.fill('#share-passphrase', passphrase);
  await page.locator('#create-link').click();
  // Protected links are made asynchronously: wait for a new link.
  await page.waitForFunction((old) => {
    const field = document.querySelector('#share-link');
    return field && field.value !== old;
  }, previous);
  return page.locator('#share-link').inputValue();
}

async function assertNotInjected(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length), 0);
}

describe('share links', () => {
  test('a plain link opens read-only elsewhere, leaves free text out, and never overwrites a draft', async () => {
    const sender = await openPage(suite.browser, suite.server.url);
    await answerDeal(sender.page);
    const expected = await outcome(sender.page);
    const url = await createLink(sender.page);
    const fragment = new URL(url).hash;
    assert.match(fragment, /^#hrdd1\./);
    assert.equal(new URL(url).search, '', 'nothing in the query');
    assert.ok(fragment.length < 200, `a quick-screen link is ${fragment.length} characters`);
    assert.ok(!decodeURIComponent(url).includes('Secret'));
    assert.equal(await sender.page.locator('#share-qr path').count(), 1, 'a QR code is drawn');

    // The receiver has a draft of their own.
    const receiver = await openPage(suite.browser, suite.server.url);
    await receiver.page.locator('[id="customer.listed_parties-listed"]').click();
    await receiver.page.goto(url);
    await receiver.page.locator('#shared-title').waitFor();
    assert.match(await receiver.page.locator('.shared-banner').innerText(), /read only[\s\S]*left names and notes out/);
    assert.equal(await receiver.page.locator('.shared #outcome').innerText(), expected);
    assert.ok(!(await receiver.page.locator('.shared').innerText()).includes('Secret'));
    assert.equal(await receiver.page.locator('.shared input[type=radio]').count(), 0, 'read only');
    assert.deepEqual(await accessibilityViolations(receiver.page), []);
    // Close: back to their own draft, unchanged, and the link leaves the address bar.
    await receiver.page.locator('#close-shared').click();
    assert.equal(await outcome(receiver.page), 'Do not proceed');
    assert.equal(new URL(receiver.page.url()).hash, '');
    // Edit a copy: a new draft; the old one is still there.
    await receiver.page.goto(url);
    await receiver.page.locator('#edit-copy').click();
    assert.equal(await outcome(receiver.page), expected);
    await receiver.page.getByRole('button', { name: 'Drafts' }).click();
    assert.equal(await receiver.page.locator('.drafts-table tbody tr').count(), 2);
    await sender.context.close();
    await receiver.context.close();
  });

  test('names and notes travel only when included, and are always shown as text', async () => {
    const sender = await openPage(suite.browser, suite.server.url);
    await answerDeal(sender.page);
    const url = await createLink(sender.page, { includeText: true });
    const receiver = await openPage(suite.browser, suite.server.url);
    await receiver.page.goto(url);
    await receiver.page.locator('#shared-title').waitFor();
    const text = await receiver.page.locator('.shared').innerText();
    assert.ok(text.includes(`Secret Customer ${XSS}`), 'the payload is shown literally');
    assert.ok(text.includes(`Benefit ${XSS}`) && text.includes(`Reason ${XSS}`), 'every free-text field arrives as text');
    await assertNotInjected(receiver.page);
    await receiver.page.locator('#edit-copy').click();
    // The draft name is free text too.
    await receiver.page.getByRole('button', { name: 'Drafts' }).click();
    await receiver.page.locator('.drafts-table button', { hasText: 'Rename' }).last().click();
    await receiver.page.locator('.rename input').fill(`Draft ${XSS}`);
    await receiver.page.getByRole('button', { name: 'Save name' }).click();
    assert.ok((await receiver.page.locator('.drafts-table').innerText()).includes(`Draft ${XSS}`));
    await assertNotInjected(receiver.page);
    await receiver.page.getByRole('button', { name: 'Assessment', exact: true }).click();
    await receiver.page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
    assert.equal(await receiver.page.locator('#text-customer').inputValue(), `Secret Customer ${XSS}`);
    await assertNotInjected(receiver.page);
    await assertNotInjected(sender.page);
    await sender.context.close();
    await receiver.context.close();
  });

  test('a passphrase protects the link; a wrong one is said plainly', async () => {
    const sender = await openPage(suite.browser, suite.server.url);
    await answerDeal(sender.page);
    const expected = await outcome(sender.page);
    await openSharePanel(sender.page);
    await sender.page.fill('#share-passphrase', 'short');
    await sender.page.locator('#create-link').click();
    assert.match(await sender.page.locator('#share-status').innerText(), /at least 10 characters/);
    const url = await createLink(sender.page, { includeText: true, passphrase: 'a long shared secret' });
    assert.match(new URL(url).hash, /^#hrdd1e\./);
    const again = await createLink(sender.page, { includeText: true, passphrase: 'a long shared secret' });
    assert.notEqual(again, url, 'fresh salt and nonce for every link');

    const receiver = await openPage(suite.browser, suite.server.url);
    await receiver.page.goto(url);
    await receiver.page.locator('#unlock-passphrase').waitFor();
    await receiver.page.fill('#unlock-passphrase', 'a wrong guess here');
    await receiver.page.locator('#unlock').click();
    await receiver.page.waitForFunction(() => /does not open the link/.test(document.querySelector('#unlock-error')?.innerText ?? ''));
    assert.deepEqual(await accessibilityViolations(receiver.page), []);
    await receiver.page.fill('#unlock-passphrase', 'a long shared secret');
    await receiver.page.locator('#unlock').click();
    await receiver.page.locator('.shared-banner').waitFor();
    assert.equal(await receiver.page.locator('.shared #outcome').innerText(), expected);
    assert.ok((await receiver.page.locator('.shared').innerText()).includes('Secret Customer'));
    await assertNotInjected(receiver.page);
    await sender.context.close();
    await receiver.context.close();
  });

  test('the copy button copies the link and confirms it', async () => {
    const context = await suite.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.waitForSelector('#outcome');
    await page.locator('[id="customer.listed_parties-listed"]').click();
    const url = await createLink(page);
    await page.locator('#copy-link').click();
    await page.waitForFunction(() => /copied/.test(document.querySelector('#share-status')?.innerText ?? ''));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await context.close();
  });

  test('a link made under method 1 shows what method 1 concluded beside the current result', async () => {
    const fixtures = JSON.parse(await readFile(join(repositoryRoot, 'tests', 'fixtures', 'links-v1.json'), 'utf8'));
    const golden = fixtures.find((entry) => entry.name === '13-reseller-hidden-end-user.json');
    const labels = { proceed: 'Proceed', proceed_with_conditions: 'Proceed with conditions', assessment_incomplete: 'Assessment incomplete', escalate: 'Escalate', do_not_proceed: 'Do not proceed' };
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}#${golden.link}`);
    await page.locator('#shared-title').waitFor();
    assert.match(await page.locator('.shared-banner').innerText(), /Made with method version 1; its answers were carried over to method version 2/);
    const current = await page.locator('.shared #outcome').innerText();
    const comparison = await page.locator('.shared #method1-comparison').innerText();
    assert.ok(comparison.startsWith(`Under method 1 this assessment was: "${labels[golden.expected.outcome]}". Method 2 gives "${current}"`), comparison);
    // Method 1 asked one question where method 2 asks two: the report says how it read the answer.
    assert.match(await page.locator('.shared #method-notes').innerText(), /How answers given under method 1 were read:[\s\S]*"no" to torture or executions/i);
    const report = await page.locator('.shared .print-report').innerText();
    assert.match(report, /Method version\s+1 \(answers carried over; scored with method 2\)/);
    assert.match(report, /Answers to questions of method 1[\s\S]*Could the product be used in executions, torture or other cruel treatment\?\s+No/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad links get a clear message on screen and the app stays usable', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await answerDeal(page);
    const good = new URL(await createLink(page, { includeText: true })).hash.slice(1);
    const body = good.slice('hrdd1.'.length);
    const bomb = 'hrdd1.' + Buffer.concat([Buffer.from([1]), deflateRawSync(Buffer.alloc(1_000_000), { level: 9 })]).toString('base64url');
    const cases = [
      [`hrdd1.${body.slice(0, Math.floor(body.length / 2))}`, /incomplete|damaged/],
      [`hrdd1.${body.slice(0, 10)}Z${body.slice(11)}`, /damaged|incomplete|valid assessment/],
      [`hrdd7.${body}`, /format \("hrdd7"\)/],
      ['hrdd1.' + Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256)).toString('base64url'), /damaged|incomplete|valid assessment/],
      [`hrdd1.${'A'.repeat(17000)}`, /too long/],
      [bomb, /unpacks to more than/],
      ['hrdd1.%%%%', /characters a shared assessment never has/],
    ];
    const before = await outcome(page);
    for (const [fragment, message] of cases) {
      await page.goto(`${suite.server.url}#${fragment}`);
      await page.waitForSelector('#outcome');
      await page.locator('#notice.notice-error').waitFor();
      assert.match(await page.locator('#notice').innerText(), message, fragment.slice(0, 30));
      assert.match(await page.locator('#notice').innerText(), /Your own drafts are unchanged/);
      assert.equal(await outcome(page), before, 'the draft is intact and the app works');
    }
    // Still usable: answering changes the result.
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await outcome(page), 'Do not proceed');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
    await context.close();
  });
});

describe('zero egress', () => {
  test('the page forbids inline code and foreign hosts in its policy', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'"]) {
      assert.ok(policy.includes(directive), `${directive} in ${policy}`);
    }
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('http'), policy);
    const response = await page.goto(suite.server.url);
    assert.equal(response.headers()['content-security-policy'], policy, 'the server sends the same policy as a header');
    const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)));
    assert.deepEqual(handlers, [], 'no inline event handlers');
    // An injected inline script is refused by the policy.
    const blocked = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      setTimeout(() => resolve(window.__inline === 1 ? 'ran' : 'silent'), 500);
    }));
    assert.match(blocked, /script-src/);
    await context.close();
  });

  test('a whole session sends no request elsewhere, and no request carries an answer', async () => {
    const { page, context, requests } = await openPage(suite.browser, suite.server.url);
    await answerDeal(page);
    const plain = await createLink(page, { includeText: true });
    const protectedUrl = await createLink(page, { includeText: true, passphrase: 'another long secret' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const folder = await mkdtemp(join(tmpdir(), 'hrdd-egress-'));
    const file = join(folder, 'export.json');
    await download.saveAs(file);
    await page.setInputFiles('#import-json', file);
    await page.locator('#notice').waitFor();
    const evil = join(folder, 'evil.json');
    await writeFile(evil, JSON.stringify({ format: 'hrdd-assessment', format_version: 1, method_version: 1, mode: 'quick_screen', perspective: 'our_deal', sector: 'general', answers: {}, text: { title: XSS, notes: XSS } }));
    await page.setInputFiles('#import-json', evil);
    await page.waitForFunction(() => /Imported "evil.json"/.test(document.querySelector('#notice')?.innerText ?? ''));
    await page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
    assert.equal(await page.locator('#text-title').inputValue(), XSS);
    await assertNotInjected(page);
    await page.goto(plain);
    await page.locator('#shared-title').waitFor();
    await page.goto(protectedUrl);
    await page.fill('#unlock-passphrase', 'not the secret at all');
    await page.locator('#unlock').click();
    await page.waitForFunction(() => /does not open/.test(document.querySelector('#unlock-error')?.innerText ?? ''));
    await page.fill('#unlock-passphrase', 'another long secret');
    await page.locator('#unlock').click();
    await page.locator('.shared-banner').waitFor();

    assert.deepEqual(foreignRequests(requests), []);
    const secrets = ['Secret', 'Tender', 'hrdd1', 'law_enforcement', 'Kenya', 'another long secret', new URL(plain).hash.slice(1, 30)];
    for (const { url, body } of requests) {
      for (const secret of secrets) {
        assert.ok(!url.includes(secret) && !body.includes(secret), `"${secret}" left in a request to ${url}`);
      }
    }
    await context.close();
  });
});
