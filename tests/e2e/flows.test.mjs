// End-to-end user flows of the calculator in the release build (issue: the calculator in the
// suite.browser). Each test uses a fresh browser context, so local storage starts empty.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEAN_QUICK_SCREEN, CLEAN_QUICK_SCREEN_TICKS, CLEAN_SCREENING_DATE, SCREENING_DATE_INPUT, accessibilityViolations, answerQuickScreen, foreignRequests, openPage, withServerAndBrowser } from './harness.mjs';
import { chooseByKeyboard, countryByKeyboard, dateByKeyboard, focusTop, tabTo, tickByKeyboard } from './keyboard.mjs';

const suite = withServerAndBrowser();

const outcome = (page) => page.locator('#outcome').innerText();

describe('quick screen by keyboard only', () => {
  test('reaches every outcome without a mouse, and switches to the full assessment', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    assert.equal(await outcome(page), 'Assessment incomplete');

    await focusTop(page);
    for (const [question, option] of CLEAN_QUICK_SCREEN) await chooseByKeyboard(page, question, option);
    for (const id of CLEAN_QUICK_SCREEN_TICKS) await tickByKeyboard(page, id);
    await dateByKeyboard(page, SCREENING_DATE_INPUT, CLEAN_SCREENING_DATE);
    await focusTop(page);
    await countryByKeyboard(page, 'Norw', 'NO');
    assert.equal(await outcome(page), 'Proceed');

    // A hidden end user is a red flag: escalate, never "proceed".
    await focusTop(page);
    await chooseByKeyboard(page, 'customer.end_user_known', 'hidden');
    assert.equal(await outcome(page), 'Escalate');
    await focusTop(page);
    await chooseByKeyboard(page, 'customer.end_user_known', 'buyer_itself');
    assert.equal(await outcome(page), 'Proceed');

    // A surveillance product: its sector pack asks two more questions, and an unknown answer
    // to them is a possible red flag, not a clean result.
    await focusTop(page);
    await page.keyboard.press('Tab');
    const sector = page.locator('#sector');
    while (!(await sector.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.press('End'); // last option: security equipment
    await page.keyboard.press('Home'); // first: general
    await page.keyboard.press('ArrowDown'); // surveillance
    assert.notEqual(await outcome(page), 'Proceed');
    assert.match(await page.locator('#possible-red-flags').innerText(), /covert surveillance tool/);
    await focusTop(page);
    await chooseByKeyboard(page, 'surveillance.covert', 'no');
    await chooseByKeyboard(page, 'surveillance.independent_authorisation', 'yes');
    assert.equal(await outcome(page), 'Proceed');

    await focusTop(page);
    await chooseByKeyboard(page, 'customer.listed_parties', 'listed');
    assert.equal(await outcome(page), 'Do not proceed');
    await focusTop(page);
    await chooseByKeyboard(page, 'customer.listed_parties', 'none_screened');
    assert.equal(await outcome(page), 'Proceed');

    // A product that tracks people: a quick screen cannot clear it, and says why.
    await focusTop(page);
    await tickByKeyboard(page, 'end_use.capabilities-track');
    assert.equal(await outcome(page), 'Assessment incomplete');
    assert.match(await page.locator('#full-assessment-needed').innerText(), /A full assessment is needed before relying on this result, because:\s+the product can act on people/);
    await focusTop(page);
    await tabTo(page, 'the switch to the full assessment', `document.activeElement?.id === 'switch-to-full'`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'mode-full_assessment');
    assert.ok(await page.locator('#mode-full_assessment').isChecked());
    assert.equal(await page.locator('#full-assessment-needed').count(), 0);
    assert.ok(await page.locator('[id="connection.type-cause"]').count() > 0, 'the full assessment asks more');
    assert.ok(await page.locator('[id="surveillance.covert-no"]').isChecked(), 'the answers are kept');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('full assessment with the mouse', () => {
  test('all four elements, a rated right, benefits, the connection and a country override', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('#mode-full_assessment').click();
    await page.selectOption('#sector', 'artificial_intelligence');
    await answerQuickScreen(page, 'DE');
    for (const [question, option] of [
      ['end_use.misuse_potential', 'hard'], ['end_use.unintended_harm', 'possible'], ['end_use.scale', 'organisation'],
      ['end_use.state_data_access', 'no'], ['end_use.disallowed_uses', 'in_contract'],
      ['customer.final_destination', 'user_site'], ['customer.human_rights_commitment', 'with_processes'],
      ['customer.policy_versus_practice', 'matches'], ['customer.modify_or_reexport', 'no'], ['customer.enabling_laws', 'no'],
      ['customer.corruption', 'no'], ['impacts.remedy', 'yes'], ['impacts.cumulative', 'no'], ['impacts.not_proceeding', 'little'],
      ['connection.type', 'linked'], ['connection.contract_terms', 'yes'], ['connection.traceability', 'yes'], ['connection.relationship', 'new'],
      ['ai.sensitive_inference', 'no'], ['ai.human_review_and_bias_testing', 'one'],
    ]) await page.locator(`[id="${question}-${option}"]`).click();
    for (const id of ['customer.refusals-none', 'connection.facilitating_acts-none', 'end_use.capabilities-profile', 'end_use.capabilities-none']) {
      await page.locator(`[id="${id}"]`).click();
    }
    // "None of these" then a capability: profiling stays ticked.
    await page.locator('[id="end_use.capabilities-profile"]').click();
    assert.ok(await page.locator('[id="end_use.capabilities-profile"]').isChecked());
    assert.match(await page.locator('#progress label').innerText(), /^Progress: (\d+) of \1 questions answered$/);
    assert.equal(await outcome(page), 'Proceed with conditions');
    assert.equal(await page.locator('#blockers').count(), 0, 'nothing decisive is unknown');

    // The connection as declared, its leverage and what it calls for; acts that facilitate the
    // harm make it "contributing" whatever was declared.
    assert.match(await page.locator('#connection-established').innerText(), /directly linked to harm/);
    assert.equal(await page.locator('#connection-leverage').innerText(), 'high');
    assert.match(await page.locator('#connection-response').innerText(), /build and use leverage/);
    assert.match(await page.locator('.outcome-next').innerText(), /Agree the listed conditions[\s\S]*build and use leverage/);
    await page.locator('[id="connection.facilitating_acts-customise_for_risky_use"]').click();
    assert.match(await page.locator('#connection-established').innerText(), /contributing to harm[\s\S]*You declared directly linked/);
    assert.match(await page.locator('#connection-response').innerText(), /stop the acts that facilitate/);
    await page.locator('[id="connection.facilitating_acts-none"]').click();

    // An unknown scale: what would lower the outcome is a fact to verify, never "answer no".
    await page.locator('[id="end_use.scale-dont-know"]').click();
    assert.equal(await outcome(page), 'Escalate');
    const change = await page.locator('#what-would-change').innerText();
    assert.match(change, /Only if verified:\s+Establish with evidence "How many people could the deployment reach\?"/);
    assert.doesNotMatch(change, /answer "?no/i);
    await page.locator('[id="end_use.scale-organisation"]').click();
    assert.equal(await outcome(page), 'Proceed with conditions');

    // Rate non-discrimination as grave and very likely: a critical risk, "do not proceed".
    await page.selectOption('#right-non_discrimination-status', 'rated');
    for (const [dimension, value] of [['scale', '4'], ['scope', '4'], ['irremediability', '3'], ['likelihood', '4']]) {
      await page.selectOption(`#right-non_discrimination-${dimension}`, value);
    }
    assert.equal(await outcome(page), 'Do not proceed');
    // A product that also strengthens a right: shown beside the risks, never subtracted, and the
    // grave risk goes to a senior decision instead of a refusal by arithmetic.
    await page.locator('[id="impacts.positive_rights-health"]').click();
    assert.equal(await outcome(page), 'Escalate');
    assert.match(await page.locator('#rights-in-tension').innerText(), /documented senior decision/);
    assert.match(await page.locator('.risks-and-benefits #benefits').innerText(), /Rights the product could strengthen\s+Shown beside the risks, never subtracted from them\.\s+Health/);
    assert.match(await page.locator('#not-proceeding').innerText(), /If you refuse or withdraw: Little/);
    await page.locator('[id="impacts.positive_rights-health"]').click();
    assert.equal(await outcome(page), 'Do not proceed');
    // Judged not at risk: the presumption is removed, and the report shows that choice.
    await page.selectOption('#right-non_discrimination-status', 'not_at_risk');
    assert.equal(await outcome(page), 'Proceed');
    await page.selectOption('#right-non_discrimination-status', 'unrated');
    assert.equal(await outcome(page), 'Proceed with conditions');

    // Override the country context: needs a reason before it applies.
    await page.locator('#override-toggle').click();
    await page.selectOption('#override-level', 'very_high');
    assert.match(await page.locator('#override-reason-note').innerText(), /Add a reason/);
    await page.fill('#override-reason', 'Field reports of new surveillance law');
    assert.match(await page.locator('#override-reason-note').innerText(), /Applied/);
    // The destination now sets a floor by itself.
    assert.match(await page.locator('#floors').innerText(), /The customer and destination set a floor[\s\S]*high risk/);
    await page.locator('#explanation summary').click();
    // The explanation is built when it is opened.
    await page.waitForFunction(() => /set by the assessor/.test(document.querySelector('#explanation').innerText));
    assert.match(await page.locator('#explanation').innerText(), /Germany: very high risk context set by the assessor/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('report, files and drafts', () => {
  test('export then import gives the same report; a bad file changes nothing', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page, 'KE');
    await page.locator('[id="profile.customer_type-law_enforcement"]').click();
    await page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
    await page.fill('#text-title', 'Tender 42');
    const before = { outcome: await outcome(page), results: await page.locator('.results').innerText() };

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const folder = await mkdtemp(join(tmpdir(), 'hrdd-e2e-'));
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.format, 'hrdd-assessment');
    assert.equal(exported.answers['profile.customer_type'], 'law_enforcement');
    assert.equal(exported.text, undefined, 'names and notes stay out unless asked for');

    await page.setInputFiles('#import-json', file);
    await page.locator('#notice').waitFor();
    assert.match(await page.locator('#notice').innerText(), /Imported/);
    assert.equal(await outcome(page), before.outcome);
    assert.equal(await page.locator('.results').innerText(), before.results);

    // A bad file: a clear message, and the open draft is unchanged.
    const broken = join(folder, 'broken.json');
    await writeFile(broken, JSON.stringify({ ...exported, answers: { 'customer.sanctions': 'perhaps' } }));
    await page.setInputFiles('#import-json', broken);
    await page.locator('#notice.notice-error').waitFor();
    assert.match(await page.locator('#notice').innerText(), /"perhaps" is not one of the options.*Nothing was changed/);
    assert.equal(await page.locator('.results').innerText(), before.results);
    const notJson = join(folder, 'not.json');
    await writeFile(notJson, '{ not json');
    await page.setInputFiles('#import-json', notJson);
    await page.waitForFunction(() => /not valid JSON/.test(document.querySelector('#notice')?.innerText ?? ''));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a reload keeps the draft; deleting local data empties storage', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page);
    await page.locator('[id="customer.end_user_known-hidden"]').click();
    assert.equal(await outcome(page), 'Escalate');
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.equal(await outcome(page), 'Escalate');
    assert.ok(await page.locator('[id="customer.end_user_known-hidden"]').isChecked());
    assert.ok(await page.evaluate(() => localStorage.length) > 0);

    await page.getByRole('button', { name: 'Drafts' }).click();
    assert.match(await page.locator('.drafts').innerText(), /stored only in this browser/);
    await page.locator('#delete-local-data').click();
    await page.locator('#delete-local-data').click(); // confirm
    await page.locator('#notice').waitFor();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing comes back after a reload');
    assert.equal(await outcome(page), 'Assessment incomplete');
    await context.close();
  });

  test('named drafts can be listed, renamed, opened and deleted', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page);
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    await page.locator('[id="customer.listed_parties-listed"]').click();
    await page.getByRole('button', { name: 'Drafts' }).click();
    const rows = page.locator('.drafts-table tbody tr');
    assert.equal(await rows.count(), 2);
    await page.getByRole('button', { name: 'Rename Assessment 1' }).click();
    await page.locator('.rename input').fill('Customer A');
    await page.getByRole('button', { name: 'Save name' }).click();
    assert.match(await rows.first().innerText(), /Customer A[\s\S]*Proceed/);
    assert.match(await rows.nth(1).innerText(), /Do not proceed/);
    await page.getByRole('button', { name: 'Delete Assessment 2' }).click();
    await page.getByRole('button', { name: 'Confirm delete Assessment 2' }).click();
    assert.equal(await rows.count(), 1);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.getByRole('button', { name: 'Open Customer A' }).click();
    assert.equal(await outcome(page), 'Proceed');
    await page.reload();
    await page.getByRole('button', { name: 'Drafts' }).click();
    assert.match(await page.locator('.drafts-table').innerText(), /Customer A/);
    await context.close();
  });

  test('compare shows the difference between two assessments', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page);
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    await answerQuickScreen(page);
    await page.locator('[id="customer.end_user_known-hidden"]').click();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.selectOption('#compare-left', { label: 'Assessment 1' });
    await page.selectOption('#compare-right', { label: 'Assessment 2' });
    const outcomeRow = page.locator('#compare-table tr', { hasText: 'Outcome' });
    assert.match(await outcomeRow.innerText(), /Proceed\s+Escalate/);
    assert.ok(await outcomeRow.evaluate((row) => row.classList.contains('differs')));
    assert.match(await page.locator('#compare-answers').innerText(), /Do you know who will actually use the product\?\s+\(differs\)\s+Yes, the buyer itself\s+No, it is hidden/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });

  test('the report exports as a Markdown memo, names and notes only when included', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page, 'KE');
    await page.locator('#text-customer').evaluate((el) => { el.closest('details').open = true; });
    await page.fill('#text-customer', 'Secret Customer Ltd');
    const read = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-markdown').click()]);
      assert.match(download.suggestedFilename(), /\.md$/);
      return readFile(await download.path(), 'utf8');
    };
    const memo = await read();
    assert.match(memo, /^# Report: /);
    assert.match(memo, new RegExp(`## Outcome\\n\\n\\*\\*${await outcome(page)}\\.\\*\\*`));
    for (const heading of ['## What would change the outcome', '## Answers', '## How every score was reached']) {
      assert.ok(memo.includes(heading), heading);
    }
    assert.match(memo, /\| In which country will the product be used\? \| Kenya \|/);
    assert.ok(!memo.includes('Secret Customer'), 'names stay out unless included');
    await page.locator('#export-include-text').check();
    assert.ok((await read()).includes('| Customer | Secret Customer Ltd |'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('print emulation renders the report with every answer and the attribution', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page, 'KE');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.print-report .print-head').isVisible());
    assert.ok(await page.locator('.print-report .print-appendix').isVisible());
    assert.ok(!(await page.locator('.questions').isVisible()), 'the form is not printed');
    const report = await page.locator('.print-report').innerText();
    assert.match(report, /Method version\s+2/);
    assert.match(report, /Date\s+\d{4}-\d{2}-\d{2}/);
    assert.match(report, /Has the buyer said clearly what the product is for and who will use it\?\s+Yes, in writing/);
    assert.match(report, /In which country will the product be used\?\s+Kenya/);
    assert.match(report, /World Bank, Worldwide Governance Indicators/);
    assert.ok(await page.locator('.results #outcome').isVisible());
    // No screen control reaches the paper: no button, field, list, switcher, sharing or
    // embedding panel is visible in print.
    const controls = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary, nav, .share, .embed-dialog, .language-switcher')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`));
    assert.deepEqual(controls, [], 'screen controls in print');
    // A4 and Letter both give a real PDF (the page numbers come from the page's @page rules).
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      assert.ok(pdf.length > 10_000, `a real ${format} PDF is produced`);
      assert.ok(/\/Type\s*\/Page[^s]/.test(pdf.toString('latin1')), `${format}: at least one page`);
    }
    await context.close();
  });
});

describe('accessibility and privacy across screens', () => {
  test('axe-core finds no violations on any screen, at phone and desktop widths', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('button', { name: 'Assessment', exact: true }).click();
      assert.deepEqual(await accessibilityViolations(page), [], `assessment at ${width}px`);
      await page.locator('#mode-full_assessment').click();
      await page.fill('#country-search', 'mya');
      await page.selectOption('[id="profile.destination"]', 'MM');
      await page.locator('#override-toggle').click();
      await page.locator('#explanation summary').click();
      assert.deepEqual(await accessibilityViolations(page), [], `full assessment at ${width}px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `no sideways scrolling at ${width}px`);
      await page.getByRole('button', { name: 'Drafts' }).click();
      assert.deepEqual(await accessibilityViolations(page), [], `drafts at ${width}px`);
      await page.getByRole('button', { name: 'Compare' }).click();
      assert.deepEqual(await accessibilityViolations(page), [], `compare at ${width}px`);
      await page.locator('#override-toggle').count();
      await page.getByRole('button', { name: 'Assessment', exact: true }).click();
      await page.locator('#mode-quick_screen').click();
      await page.locator('#override-toggle').click();
    }
    await context.close();
  });

  test('a whole session sends nothing to another host', async () => {
    const { page, context, requests } = await openPage(suite.browser, suite.server.url);
    await answerQuickScreen(page, 'KE');
    await page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
    await page.fill('#text-customer', 'Secret Customer Ltd');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    await download.path();
    await page.getByRole('button', { name: 'Drafts' }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.deepEqual(foreignRequests(requests), []);
    for (const { url, body } of requests) {
      assert.ok(!url.includes('Secret') && !body.includes('Secret'), `free text left in ${url}`);
    }
    await context.close();
  });
});
