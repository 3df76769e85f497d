// End-to-end: the decision on record (issue 14) in the release build. A recommended action made
// a condition, its owner, due date and status (overdue shown, then verified); a decision that
// overrides the recommendation, with its reason; the review date; the record kept across a
// reload, printed as part of the memo without a screen control, carried by a share link with
// its texts withheld; no axe violation and no request to another host.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { accessibilityViolations, foreignRequests, openPage, pdfPages, squeezed, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

const problems = (page) => page.locator('#record-problems').innerText();

describe('decision on record', () => {
  test('conditions, an override with its reason and the review date are recorded, kept and printed', async () => {
    const { page, context, requests, errors } = await openPage(suite.browser, suite.server.url);
    const recommended = await page.locator('#outcome').innerText();
    assert.equal(recommended, 'Assessment incomplete');
    const section = page.locator('#decision-record');
    assert.match(await section.innerText(), /Recommended outcome: Assessment incomplete/);
    assert.match(await section.innerText(), /No condition recorded yet/);

    // Make the action chosen in the list a condition, by keyboard.
    const candidate = page.locator('#condition-candidate');
    await candidate.focus();
    await page.keyboard.press('ArrowDown');
    const chosen = await candidate.evaluate((el) => el.selectedOptions[0].textContent);
    await page.locator('#make-condition').focus();
    await page.keyboard.press('Enter');
    const row = page.locator('#conditions tbody tr');
    assert.equal(await row.count(), 1);
    assert.match(await row.first().innerText(), new RegExp(chosen.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await candidate.locator(`option:text-is("${chosen}")`).count(), 0, 'an action is a condition once');
    assert.match(await problems(page), /an owner for/);
    assert.match(await problems(page), /a due date for/);

    await page.locator('#condition-0-owner').fill('Regional sales lead');
    await page.locator('#condition-0-due').fill('2020-01-31');
    assert.equal(await page.locator('#conditions .overdue-badge').innerText(), 'Overdue');
    assert.match(await problems(page), /was due on 2020-01-31 and is not in place/);
    await page.locator('#condition-0-status').selectOption('verified');
    await page.locator('#condition-0-evidence').fill('Signed end-use statement on file');
    assert.equal(await page.locator('#conditions .overdue-badge').count(), 0, 'a verified condition is not overdue');

    // A decision more permissive than the recommendation is an override: said prominently,
    // and its reason is required.
    await page.locator('#decision-taken').selectOption('proceed');
    const departure = page.locator('#decision-departure.more-permissive');
    assert.match(await departure.innerText(), /overrides the method's recommendation/);
    assert.match(await page.locator('label[for="decision-reason"]').innerText(), /required/);
    assert.equal(await page.locator('#decision-reason').getAttribute('aria-required'), 'true');
    assert.match(await problems(page), /the reason for overriding the recommendation/);
    await page.locator('#decision-reason').fill('Export licence granted; the end user was verified on site');
    await page.locator('#decision-role').fill('Head of compliance');
    await page.locator('#decision-name').fill('R. Diaz');
    await page.locator('#decision-on').fill('2026-12-01');
    assert.equal(await page.locator('#record-problems').count(), 0, 'nothing is missing any more');

    // The default review date of an override: six months after the decision.
    await page.locator('#decision-review-default').click();
    assert.equal(await page.locator('#decision-review-on').inputValue(), '2027-06-01');
    assert.equal(await page.locator('#decision-review-default').count(), 0);
    assert.deepEqual(await accessibilityViolations(page), []);

    // Kept in this browser: a reload brings the record back as it was.
    await page.reload();
    await page.waitForSelector('#decision-record');
    assert.equal(await page.locator('#decision-taken').inputValue(), 'proceed');
    assert.equal(await page.locator('#condition-0-owner').inputValue(), 'Regional sales lead');
    assert.equal(await page.locator('#condition-0-status').inputValue(), 'verified');
    assert.equal(await page.locator('#decision-review-on').inputValue(), '2027-06-01');

    // Printed as part of the memo, without the form.
    await page.emulateMedia({ media: 'print' });
    assert.ok(!(await section.isVisible()), 'the form is not printed');
    const memo = await page.locator('.printed-decision').innerText();
    for (const part of [/What was decided\s+Proceed/, /overrides the method's recommendation/, /Name\s+R\. Diaz/, /Date of the decision\s+2026-12-01/, /Review on\s+2027-06-01/, /Regional sales lead\s+2020-01-31\s+Verified\s+Signed end-use statement on file/, /Sign-off/]) {
      assert.match(memo, part);
    }
    // (The facts still to establish are listed as links to their questions, printed as text.)
    const controls = await page.evaluate(() => [...document.querySelectorAll('button:not(.link-button), input, select, textarea, summary')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`));
    assert.deepEqual(controls, [], 'screen controls in print');
    await page.emulateMedia({ media: 'screen' });

    // Shared without names and notes: the decision and its dates travel, its texts do not.
    await page.locator('#share summary').click();
    if (await page.locator('#share-include-text').isChecked()) await page.locator('#share-include-text').click();
    await page.locator('#create-link').click();
    const link = await page.locator('#share-link').inputValue();
    assert.ok(!link.includes('Diaz') && !link.includes('licence'));
    const other = await openPage(suite.browser, link);
    const shared = await other.page.locator('.printed-decision').innerText();
    assert.match(shared, /What was decided\s+Proceed/);
    assert.match(shared, /Name\s+\(withheld\)/);
    assert.match(shared, /Why\s+\(withheld\)/);
    assert.match(shared, /Review on\s+2027-06-01/);
    assert.ok(!shared.includes('R. Diaz'));
    assert.deepEqual(foreignRequests(other.requests), []);
    assert.deepEqual(other.errors, []);
    await other.context.close();

    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the drafts screen is a register: filtered by decision, conditions and review, counted per year, exported as CSV', async () => {
    const { page, context, requests, errors } = await openPage(suite.browser, suite.server.url);
    // Three assessments: one decided against the recommendation with a review past due, one
    // refused last year, one not decided.
    const decide = async (taken, on, review) => {
      await page.locator('#decision-taken').selectOption(taken);
      await page.locator('#decision-name').fill('A. Decider');
      await page.locator('#decision-on').fill(on);
      if (review) await page.locator('#decision-review-on').fill(review);
    };
    await decide('proceed', '2026-03-01', '2026-06-01');
    await page.locator('#decision-reason').fill('Licence granted');
    await page.getByRole('button', { name: 'New assessment', exact: true }).first().click();
    await decide('do_not_proceed', '2025-05-05');
    await page.getByRole('button', { name: 'New assessment', exact: true }).first().click();
    await page.locator('[id="profile.channel-direct"]').click();
    await page.getByRole('button', { name: 'Drafts', exact: true }).click();

    const table = page.locator('.drafts-table');
    const names = async () => (await table.locator('tbody tr').allInnerTexts()).length;
    assert.equal(await names(), 3);
    assert.match(await table.locator('caption').innerText(), /3 of 3 assessment\(s\) shown/);
    const overridden = table.locator('tbody tr', { has: page.locator('.override-badge') });
    assert.equal(await overridden.count(), 1);
    assert.match(await overridden.innerText(), /Proceed \(2026-03-01\) Override/);
    assert.match(await overridden.innerText(), /2026-06-01 Due/);

    await page.locator('#register-decision').selectOption('overrides');
    assert.equal(await names(), 1);
    await page.locator('#register-decision').selectOption('not_decided');
    assert.equal(await names(), 1);
    await page.locator('#register-decision').selectOption('');
    await page.locator('#register-review').selectOption('due');
    assert.equal(await names(), 1);
    await page.locator('#register-review').selectOption('');
    await page.locator('#register-decision').selectOption('do_not_proceed');
    assert.equal(await names(), 1);
    assert.match(await table.locator('caption').innerText(), /1 of 3/);

    // Yearly counts: by the year of the decision; the undecided one is said apart.
    const years = await page.locator('.yearly-counts tbody tr').allInnerTexts();
    assert.deepEqual(years.map((row) => row.split('\t')[0]), ['2026', '2025']);
    assert.match(await page.locator('.drafts').innerText(), /1 assessment\(s\) without a dated decision are not counted/);
    assert.deepEqual(await accessibilityViolations(page), []);

    // The register as CSV: the rows the filters keep, with stable ids.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-register').click()]);
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    assert.equal(csv[0], 'name,customer,outcome,decision,decided_on,overrides_recommendation,conditions,conditions_open,conditions_overdue,conditions_failed,conditions_verified,review_on,review_due');
    assert.equal(csv.length, 2, 'only the rows the filter keeps');
    assert.match(csv[1], /,assessment_incomplete,do_not_proceed,2025-05-05,no,0,0,0,0,0,,no$/);
    await page.locator('#register-decision').selectOption('');
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator('#export-register').click()]);
    const every = (await readFile(await all.path(), 'utf8')).trim().split('\n');
    assert.equal(every.length, 4);
    assert.ok(every.some((line) => /,proceed,2026-03-01,yes,0,0,0,0,0,2026-06-01,yes$/.test(line)));

    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('re-assessing keeps the decided version, which Compare sets beside the new round', async () => {
    const { page, context, requests, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('[id="profile.channel-direct"]').click();
    await page.locator('#make-condition').click();
    await page.locator('#decision-taken').selectOption('deferred');
    await page.locator('#decision-on').fill('2026-11-02');
    assert.equal(await page.locator('#reassess').count(), 1);

    await page.locator('#reassess').click();
    assert.match(await page.locator('#notice').innerText(), /The decided version is kept under Drafts, Earlier versions/);
    assert.equal(await page.locator('#decision-taken').inputValue(), '', 'the decision is cleared for the new round');
    assert.equal(await page.locator('#conditions tbody tr').count(), 1, 'the conditions stay');
    assert.equal(await page.locator('#reassess').count(), 0);

    // The new round: something changed, and a new decision.
    await page.locator('[id="profile.channel-through_partner"]').click();
    await page.locator('#decision-taken').selectOption('do_not_proceed');
    await page.locator('#decision-on').fill('2026-12-02');

    await page.getByRole('button', { name: 'Drafts', exact: true }).click();
    assert.match(await page.locator('.kept-versions').innerText(), /the decided version, kept when it was re-assessed/);
    assert.equal(await page.locator('.drafts-table tbody tr').count(), 1, 'one assessment in the register, not two');

    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const version = await page.locator('#compare-right option[value^="version:"]').first().getAttribute('value');
    await page.locator('#compare-right').selectOption(version);
    const table = await page.locator('#compare-table').innerText();
    assert.match(table, /Decision\s+\(differs\)\s+Do not proceed \(2026-12-02\)\s+Deferred until the open points are settled \(2026-11-02\)/);
    assert.match(table, /\(earlier version\)/);
    assert.match(await page.locator('#compare-answers').innerText(), /Through a reseller, distributor or integrator\s+We sell or provide it directly/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the printed memo is a real PDF, A4 and Letter: its parts in order, page numbers, no screen control', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('#text-title').evaluate((el) => el.closest('details').open = true);
    await page.fill('#text-title', 'Core network renewal');
    await page.fill('#text-customer', 'National operator');
    await page.locator('#decision-assessor').fill('C. Ndlovu, export compliance');
    const action = await page.locator('#condition-candidate').evaluate((el) => el.selectedOptions[0].textContent);
    await page.locator('#make-condition').click();
    await page.locator('#condition-0-owner').fill('Regional sales lead');
    await page.locator('#decision-taken').selectOption('deferred');
    await page.locator('#decision-name').fill('R. Diaz');
    await page.locator('#decision-on').fill('2026-12-01');
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter']) {
      const pages = await pdfPages(await page.pdf({ format }));
      assert.ok(pages.length > 1, `${format}: a memo of several pages`);
      pages.forEach((text, index) => assert.match(text, new RegExp(`${index + 1} / ${pages.length}`), `${format}: page ${index + 1} is numbered`));
      const all = squeezed(pages.join('\n'));
      // The memo's parts, in the order a committee reads them: the head, the result, the appendix.
      const parts = [
        'Report: Core network renewal', 'Customer', 'National operator', 'Date', 'Assessed by (name and role)', 'C.Ndlovu,exportcompliance',
        'Method version', 'Country data', 'Table of restrictive measures as of', 'What was decided', 'Deferred until the open points are settled', 'R.Diaz', action, 'Regional sales lead',
        'Sign-off', 'Signature', 'Assessment incomplete', 'Answers', 'How every score was reached',
      ].map(squeezed);
      let from = 0;
      for (const part of parts) {
        const at = all.indexOf(part, from);
        assert.ok(at >= 0, `${format}: "${part}" missing, or out of order`);
        from = at + part.length;
      }
      // No screen control reaches the paper.
      for (const control of ['Make it a condition', 'Re-assess', 'Create link', 'Export all', 'Skip to the calculator', 'Use the default review date']) {
        assert.ok(!all.includes(squeezed(control)), `${format}: "${control}" printed`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
