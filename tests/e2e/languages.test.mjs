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
import {
  accessibilityViolations, answerQuickScreen, CLEAN_QUICK_SCREEN, CLEAN_QUICK_SCREEN_TICKS, CLEAN_SCREENING_DATE,
  copyOfDist, foreignRequests, openPage, repositoryRoot, SCREENING_DATE_INPUT, startServer, withServerAndBrowser,
} from './harness.mjs';
import { chooseByKeyboard, countryByKeyboard, dateByKeyboard, focusTop, tickByKeyboard } from './keyboard.mjs';

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
    assert.match(await indicators.innerText(), /rang centile \d+,\d+/);
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

    // Service workers blocked: a request a service worker makes is not routed by the page's
    // `route`, and this test is about the page's own loading (offline use is tested elsewhere).
    const broken = await suite.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
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

describe('a quick screen by keyboard in French and in Spanish', () => {
  for (const [locale, code, search] of [['fr-FR', 'fr', 'Norv'], ['es-ES', 'es', 'Noru']]) {
    test(`${code}: answered by keyboard to "proceed", no axe violation, printed in ${code}`, async () => {
      const { page, context, errors } = await openPage(suite.browser, suite.server.url, { locale });
      await page.waitForFunction((c) => document.documentElement.lang === c, code);
      await focusTop(page);
      for (const [question, option] of CLEAN_QUICK_SCREEN) await chooseByKeyboard(page, question, option);
      for (const id of CLEAN_QUICK_SCREEN_TICKS) await tickByKeyboard(page, id);
      // Headless Chromium orders a date field by its own interface language (en-US here), not
      // by the page's: month first.
      await dateByKeyboard(page, SCREENING_DATE_INPUT, CLEAN_SCREENING_DATE);
      await focusTop(page);
      await countryByKeyboard(page, search, 'NO');
      assert.equal(await outcome(page), catalogueText(code, 'outcome-proceed'));
      assert.deepEqual(await accessibilityViolations(page), [], `${code} quick screen`);

      await page.emulateMedia({ media: 'print' });
      const report = await page.locator('.print-report').innerText();
      assert.ok(report.includes(catalogueText(code, 'question-end_use-purpose_disclosed')), 'the questions in the reader\'s language');
      assert.ok(report.includes(catalogueText(code, 'country-NO')), 'the country too');
      assert.ok(!report.includes('Has the buyer said clearly'), 'no English question');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a link made in English opens in Spanish, with the same outcome and every answer', async () => {
    const sender = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(sender.page, 'KE');
    const english = await outcome(sender.page);
    const key = ['proceed', 'proceed_with_conditions', 'assessment_incomplete', 'escalate', 'do_not_proceed']
      .find((k) => catalogueText('en', `outcome-${k}`) === english);
    assert.ok(key, english);
    await sender.page.locator('#share summary').click();
    await sender.page.locator('#create-link').click();
    await sender.page.waitForFunction(() => document.querySelector('#share-link')?.value.includes('#'));
    const link = await sender.page.locator('#share-link').inputValue();
    assert.ok(!/[a-z]{4,} [a-z]{4,}/i.test(new URL(link).hash), 'the link carries no words');
    await sender.context.close();

    const receiver = await openPage(suite.browser, link, { locale: 'es-ES' });
    await receiver.page.locator('#shared-title').waitFor();
    assert.equal(await htmlLang(receiver.page), 'es');
    assert.equal(await receiver.page.locator('#shared-title').innerText(), catalogueText('es', 'ui-shared-shared-assessment-read-only'));
    assert.equal(await outcome(receiver.page), catalogueText('es', `outcome-${key}`));
    assert.deepEqual(receiver.errors, []);
    await receiver.context.close();
  });
});
