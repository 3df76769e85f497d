// The table of UN and EU restrictive measures in the page: a deal team picks a destination and,
// without asking, sees the measures that bear on their product with legal basis and dates; the
// outcome follows them; the user can confirm the table's answer, or depart from it only with a
// reason, which is kept with the assessment.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_QUICK_SCREEN, CLEAN_QUICK_SCREEN_TICKS, CLEAN_SCREENING_DATE, SCREENING_DATE_INPUT, accessibilityViolations, answerQuickScreen, openPage, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();
const outcome = (page) => page.locator('#outcome').innerText();
const panel = (page) => page.locator('#restrictive-measures');

describe('restrictive measures on the destination', () => {
  test('the table pre-answers the embargo question, names the measures and decides with them', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    // The clean quick screen, except the embargo question, which the table answers.
    for (const [question, option] of CLEAN_QUICK_SCREEN) {
      if (question !== 'profile.destination_embargo') await page.locator(`[id="${question}-${option}"]`).click();
    }
    for (const id of CLEAN_QUICK_SCREEN_TICKS) await page.locator(`[id="${id}"]`).click();
    await page.fill(`[id="${SCREENING_DATE_INPUT}"]`, CLEAN_SCREENING_DATE);
    assert.match(await page.locator('#restrictive-measures').innerText(), /Choose the destination/);
    await page.fill('#country-search', 'Norw');
    await page.selectOption('[id="profile.destination"]', 'NO');
    assert.equal(await outcome(page), 'Proceed', 'no measure on Norway: the question is answered by the table');
    assert.match(await panel(page).innerText(), /Pre-answered from the table: "No: checked against the UN and EU lists"[\s\S]*Table as of 2026-11-23/);

    // Riot-control equipment for the police of an arms-embargoed destination: refused, with the
    // legal basis on screen.
    await page.fill('#country-search', 'Venez');
    await page.selectOption('[id="profile.destination"]', 'VE');
    await page.locator('[id="end_use.product_family-military_or_security"]').click();
    await page.locator('[id="profile.customer_type-law_enforcement"]').click();
    assert.equal(await outcome(page), 'Do not proceed');
    const text = await panel(page).innerText();
    assert.match(text, /EU arms embargo/);
    assert.match(text, /Council Decision \(CFSP\) 2017\/2074/);
    assert.match(text, /Applies to this destination and end user/);
    assert.match(await page.locator('.red-flags').innerText(), /Military, security or surveillance goods to a destination under an arms embargo/);
    // The country card says what the destination's record means for this product.
    assert.match(await page.locator('#specific-indicators').innerText(), /Freedom from torture[\s\S]*Among the worst: raises the likelihood of harm to/);

    // Medicines for a hospital there: not refused; the embargo is named with what it covers.
    await page.locator('[id="end_use.product_family-humanitarian"]').click();
    await page.locator('[id="profile.customer_type-public_body"]').click();
    assert.notEqual(await outcome(page), 'Do not proceed');
    assert.match(await panel(page).innerText(), /Civilian and humanitarian goods are not covered/);

    // Confirm the table's answer with the keyboard.
    await page.locator('#confirm-embargo').focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('[id="profile.destination_embargo-arms_embargo"]').isChecked());
    await page.waitForFunction(() => document.activeElement?.id === 'profile.destination_embargo-arms_embargo');
    assert.match(await panel(page).innerText(), /Your answer matches the table/);

    // Answering "no measure" does not make the table say less...
    await page.locator('[id="end_use.product_family-military_or_security"]').click();
    await page.locator('[id="profile.customer_type-law_enforcement"]').click();
    await page.locator('[id="profile.destination_embargo-none_checked"]').click();
    assert.match(await panel(page).innerText(), /Your answer differs from the table/);
    assert.equal(await outcome(page), 'Do not proceed');
    // ...until a reason sets it aside: then both are shown, the reason prominently.
    // Typed key by key, as a user types it: spaces between words must survive each re-render.
    await page.locator('#embargo-reason').pressSequentially('Counsel confirmed on 2026-11-30 that these goods are outside the annex');
    assert.equal(await page.locator('#embargo-reason').inputValue(), 'Counsel confirmed on 2026-11-30 that these goods are outside the annex');
    assert.match(await panel(page).innerText(), /You set the table aside/);
    assert.doesNotMatch(await page.locator('.results').innerText(), /goods to a destination under an arms embargo/);
    assert.match(await page.locator('#restrictive-measures-result').innerText(), /Reason given: Counsel confirmed/);
    assert.deepEqual(await accessibilityViolations(page), []);

    // The reason is kept with the draft.
    await page.reload();
    assert.equal(await page.locator('#embargo-reason').inputValue(), 'Counsel confirmed on 2026-11-30 that these goods are outside the annex');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('evidence behind an answer that could raise a prohibited red flag is kept and printed', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page, 'NO');
    // Only questions that can raise a prohibited red flag offer the field, once answered.
    assert.equal(await page.locator('[id="profile.channel-evidence"]').count(), 0);
    await page.locator('[id="q-customer.listed_parties"] details.evidence summary').click();
    const evidence = 'Screened all parties in our screening tool on 2026-11-20, no match';
    await page.locator('[id="customer.listed_parties-evidence"]').pressSequentially(evidence);
    assert.equal(await page.locator('[id="customer.listed_parties-evidence"]').inputValue(), evidence);
    assert.equal(await outcome(page), 'Proceed', 'evidence is recorded, never scored');
    await page.reload();
    assert.equal(await page.locator('[id="customer.listed_parties-evidence"]').inputValue(), evidence);
    assert.ok(await page.locator('[id="q-customer.listed_parties"] details.evidence').evaluate((d) => d.open), 'open when it holds evidence');
    await page.emulateMedia({ media: 'print' });
    assert.match(await page.locator('.print-report').innerText(), /sanctions list that applies to you\?\s+No: every party screened, with a dated record\s+Evidence: Screened all parties/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an old table is flagged on the device date', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url, {
      // A device whose clock says the table is more than six months old.
      beforeLoad: () => {
        const RealDate = Date;
        const later = new RealDate('2027-07-01T12:00:00Z').getTime();
        // eslint-disable-next-line no-global-assign
        Date = class extends RealDate { constructor(...args) { super(...(args.length ? args : [later])); } static now() { return later; } };
      },
    });
    await page.fill('#country-search', 'Norw');
    await page.selectOption('[id="profile.destination"]', 'NO');
    assert.match(await panel(page).innerText(), /more than 6 months old on this device's date \(2027-07-01\)/);
    await context.close();
  });
});
