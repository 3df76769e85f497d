// The calculator in English, French and Spanish (issue 12): a first visit opens in the browser's
// language, the switcher changes it for every screen and is remembered, `?lang=` and the
// organisation's settings choose it for embedding, `<html lang>` follows, and the one-file build
// speaks every language with no request at all. Expected texts are read from the catalogues, so
// these tests check the wiring, not the translators' wording.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessibilityViolations, copyOfDist, foreignRequests, openPage, repositoryRoot, startServer, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

/** The text of a key (`message` or `message.attribute`) in a catalogue file. */
function catalogueText(code, key) {
  const text = readFileSync(join(repositoryRoot, 'core', 'i18n', `${code}.ftl`), 'utf8');
  const [message, attribute] = key.split('.');
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${message} = `) || line === `${message} =`);
  assert.ok(at >= 0, `${key} in ${code}.ftl`);
  if (!attribute) return lines[at].slice(message.length + 3);
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('    ')) break;
    const match = /^    \.([\w-]+) = (.*)$/.exec(line);
    if (match && match[1] === attribute) return match[2];
  }
  throw new Error(`${key} not in ${code}.ftl`);
}

const outcome = (page) => page.locator('#outcome').innerText();
const legend = (page, question) => page.locator(`[id="q-${question}"] legend`).innerText();
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

describe('languages', () => {
  test('a first visit opens in the browser\'s language; the switcher changes every screen and is remembered', async () => {
    const { page, context, errors, requests } = await openPage(suite.browser, suite.server.url, { locale: 'fr-FR' });
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await outcome(page), catalogueText('fr', 'outcome-assessment_incomplete'));
    assert.equal(await legend(page, 'profile.channel'), catalogueText('fr', 'question-profile-channel'));
    assert.equal(await page.locator('label[for="language"]').innerText(), catalogueText('fr', 'ui-app-language'));
    // Answers work the same in every language.
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await outcome(page), catalogueText('fr', 'outcome-do_not_proceed'));
    assert.deepEqual(await accessibilityViolations(page), [], 'French page');

    // By keyboard: the switcher is a labelled list.
    await page.locator('#language').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await outcome(page), catalogueText('es', 'outcome-do_not_proceed'));
    assert.equal(await legend(page, 'profile.channel'), catalogueText('es', 'question-profile-channel'));
    await page.getByRole('button', { name: catalogueText('es', 'ui-app-nav-drafts'), exact: true }).click();
    assert.match(await page.locator('#drafts-title').innerText(), new RegExp(catalogueText('es', 'ui-drafts-drafts-in-this-browser')));
    assert.deepEqual(await accessibilityViolations(page), [], 'Spanish drafts screen');

    // Remembered in this browser, whatever the browser's own language.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await outcome(page), catalogueText('es', 'outcome-do_not_proceed'), 'the answer is kept too');
    // English is one choice away.
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await outcome(page), 'Do not proceed');

    // Only the calculator's own files were fetched, the catalogues among them.
    assert.deepEqual(foreignRequests(requests), []);
    assert.ok(requests.some(({ url }) => url.endsWith('/i18n/fr.ftl')));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('?lang= chooses the language for an embedding page, over the remembered choice', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}?lang=es`);
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await outcome(page), catalogueText('es', 'outcome-assessment_incomplete'));
    assert.equal(await page.locator('#language').inputValue(), 'es');
    await page.evaluate(() => localStorage.setItem('hrdd-calculator.language', 'fr'));
    await page.goto(`${suite.server.url}?lang=en`);
    await page.waitForSelector('#outcome');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await outcome(page), 'Assessment incomplete');
    await page.goto(suite.server.url);
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an organisation\'s default language replaces the browser\'s, not the reader\'s own choice', async () => {
    const settings = JSON.stringify({ format: 'hrdd-settings', format_version: 1, default_language: 'fr' });
    const server = await startServer(await copyOfDist({ 'settings.json': settings }));
    try {
      const { page, context, errors } = await openPage(suite.browser, server.url, { locale: 'es-ES' });
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal(await outcome(page), catalogueText('fr', 'outcome-assessment_incomplete'));
      await page.selectOption('#language', 'es');
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      await page.reload();
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      assert.equal(await outcome(page), catalogueText('es', 'outcome-assessment_incomplete'));
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      server.stop();
    }
  });

  test('the one-file build speaks French from disk with no request at all', async () => {
    const file = pathToFileURL(join(repositoryRoot, 'dist-single', 'hrdd-calculator.html')).href;
    const { page, context, errors, requests } = await openPage(suite.browser, file, { locale: 'fr-CA' });
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await outcome(page), catalogueText('fr', 'outcome-assessment_incomplete'));
    assert.deepEqual(requests.map((r) => r.url).filter((url) => url !== file && !url.startsWith('data:')), [], 'only the file itself');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('every word from the catalogues', () => {
  test('in French the explanation, its numbers and what would change are French, with no English left', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url, { locale: 'fr-FR' });
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    // A capability makes the method presume impacts on rights: each gets its explanation.
    await page.locator('[id="end_use.capabilities-identify"]').click();
    await page.locator('#explanation summary').click();
    const presumed = catalogueText('fr', 'explain-presumed').split('{')[0].trim();
    await page.waitForFunction((words) => document.querySelector('#explanation')?.innerText.includes(words), presumed);
    const explanation = await page.locator('#explanation').innerText();
    assert.ok(explanation.includes(catalogueText('fr', 'presumption-identify_people')), explanation);
    for (const english of ['Presumed by the method', 'from the answers', 'Don\'t know (counted', 'Not answered yet', 'give a base severity']) {
      assert.ok(!explanation.includes(english), `"${english}" in the French explanation`);
    }
    // The destination's indicators are written the French way (a decimal comma).
    await page.fill('#country-search', 'KE');
    await page.selectOption('[id="profile.destination"]', 'KE');
    const indicators = page.locator('table.indicators:not(#specific-indicators)');
    await indicators.waitFor();
    assert.match(await indicators.innerText(), /\d+,\d+e centile/);
    assert.deepEqual(await accessibilityViolations(page), [], 'French explanation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('English is loaded like any language, and without any catalogue the page says so plainly', async () => {
    const { page, context, errors, requests } = await openPage(suite.browser, suite.server.url);
    assert.ok(requests.some(({ url }) => url.endsWith('/i18n/en.ftl')), 'the English catalogue is fetched');
    assert.ok(!requests.some(({ url }) => /\/i18n\/(fr|es)\.ftl$/.test(url)), 'and no other');
    assert.deepEqual(errors, []);
    await context.close();

    const broken = await suite.browser.newContext({ locale: 'en-US' });
    const tab = await broken.newPage();
    await tab.route('**/i18n/en.ftl', (route) => route.fulfill({ status: 404, body: '' }));
    await tab.goto(suite.server.url);
    const alert = tab.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded \(status-404\)/);
    assert.match(await alert.innerText(), /Rechargez la page/);
    await broken.close();
  });
});
