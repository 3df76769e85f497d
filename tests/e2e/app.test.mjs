// End-to-end: the release build served on 127.0.0.1, driven in Debian's Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, foreignRequests, openPage, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

describe('application shell', () => {
  test('loads with the title, the first questions and a live result', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    assert.equal(await page.title(), 'Downstream human rights due diligence calculator');
    assert.match(await page.locator('h1').innerText(), /human rights due diligence/i);
    assert.ok(await page.getByRole('group', { name: 'What kind of organisation is the customer?' }).isVisible());
    // Nothing answered yet: the method must not call it safe, and says what to establish.
    assert.equal(await page.locator('#outcome').innerText(), 'Assessment incomplete');
    assert.match(await page.locator('#blockers').innerText(), /Before any decision, establish:[\s\S]*What kind of organisation is the customer\?/);
    assert.match(await page.locator('#possible-red-flags').innerText(), /Possible red flags \(\d+\)\s+An unknown answer could raise these/);
    // Checks a deal team cannot make are routed to compliance by name, first, and said so in
    // the outcome card; the rest stay with the deal team.
    assert.match(await page.locator('#compliance-route').innerText(), /^\d+ of the open questions are checks for your compliance or export-control team/);
    const forCompliance = page.locator('#open-for-compliance + p + ul.open-questions li');
    assert.ok(await forCompliance.count() > 0);
    assert.match(await forCompliance.allInnerTexts().then((t) => t.join('\n')), /sanctions/i);
    assert.equal(await page.locator('#open-for-deal-team').count(), 1);
    assert.equal(Number(/^(\d+)/.exec(await page.locator('#compliance-route').innerText())[1]), await forCompliance.count());
    // Questions that method 2 retired are kept in the data, never shown.
    assert.equal(await page.locator('[id="customer.sanctions-yes"], [id="end_use.torture_or_executions-yes"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the result follows answers given with the mouse and the keyboard', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    // A prohibited red flag, by mouse.
    await page.locator('[id="customer.listed_parties-listed"]').click();
    assert.equal(await page.locator('#outcome').innerText(), 'Do not proceed');
    assert.match(await page.locator('.red-flags').innerText(), /on a sanctions list[^\n]*\s+Prohibited: do not proceed/);
    // Back to "no, screened" by keyboard: focus the checked radio and move with the arrow key.
    await page.locator('[id="customer.listed_parties-listed"]').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.ok(await page.locator('[id="customer.listed_parties-none_screened"]').isChecked());
    assert.notEqual(await page.locator('#outcome').innerText(), 'Do not proceed');
    assert.equal(await page.locator('.red-flags').count(), 0, 'nothing is raised any more');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('axe-core finds no accessibility violations, before and after answering', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.locator('[id="customer.listed_parties-listed"]').click();
    await page.locator('#mode-full_assessment').click();
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });

  test('no request leaves for another host', async () => {
    const { page, context, requests } = await openPage(suite.browser, suite.server.url);
    await page.locator('[id="profile.customer_type-intelligence"]').click();
    await page.selectOption('[id="profile.destination"]', 'KE');
    await page.locator('#mode-full_assessment').click();
    assert.ok(requests.length > 0, 'the recorder saw the page load');
    assert.deepEqual(foreignRequests(requests), []);
    await context.close();
  });
});
