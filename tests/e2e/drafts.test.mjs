// Never lose a draft (issue 11): several tabs of one browser share the drafts, each tab writes
// only what it changed, the same draft changed in two tabs keeps the earlier version, and a
// full, turned-off or damaged storage gets a clear message with nothing else lost. Each test
// uses one browser context (one local storage) and several pages in it, as a user's tabs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessibilityViolations, foreignRequests, openAnotherPage, openPage, repositoryRoot, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

const outcome = (page) => page.locator('#outcome').innerText();
const draftRows = (page) => page.locator('.drafts-table tbody tr');
const showDrafts = (page) => page.getByRole('button', { name: 'Drafts', exact: true }).click();
const showAssessment = (page) => page.getByRole('button', { name: 'Assessment', exact: true }).click();
const storedDraftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hrdd-calculator.draft.')).sort());

/** Wait until the drafts list of `page` shows exactly `count` rows. */
async function waitForDraftCount(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.drafts-table tbody tr').length === n, count);
}

/**
 * Run before a tab's own scripts: its `storage` listeners can later be made deaf to other tabs'
 * changes (`stopHearingOtherTabs`), as a frozen or busy tab that missed them.
 */
const canStopHearing = () => {
  window.deafToOtherTabs = false;
  const add = window.addEventListener;
  window.addEventListener = function (type, listener, options) {
    const heard = type === 'storage'
      ? (event) => { if (!window.deafToOtherTabs) listener.call(this, event); }
      : listener;
    return add.call(this, type, heard, options);
  };
};
const stopHearingOtherTabs = (page) => page.evaluate(() => { window.deafToOtherTabs = true; });

async function savedFile(download) {
  const folder = await mkdtemp(join(tmpdir(), 'hrdd-drafts-'));
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe('drafts across tabs', () => {
  test('three tabs: a new assessment in one and a change in another are both kept and seen', async () => {
    const first = await openPage(suite.browser, suite.server.url);
    const { context } = first;
    // The tab opened earlier has a draft of its own.
    const earlier = first.page;
    await earlier.locator('[id="profile.customer_type-private_company"]').click();
    await earlier.locator('[id="profile.channel-direct"]').click();
    await showDrafts(earlier);
    await waitForDraftCount(earlier, 1);

    // A second tab opens it too, then starts a new assessment and answers a question.
    const later = await openAnotherPage(context, suite.server.url);
    assert.ok(await later.page.locator('[id="profile.customer_type-private_company"]').isChecked(), 'a new tab opens the latest draft');
    await later.page.getByRole('button', { name: 'New assessment' }).first().click();
    await later.page.locator('[id="customer.end_user_known-hidden"]').click();
    // The earlier tab sees the new assessment appear, without a reload.
    await waitForDraftCount(earlier, 2);

    // The earlier tab changes an answer of its own draft.
    await showAssessment(earlier);
    await earlier.locator('[id="profile.channel-through_partner"]').click();

    // A third tab lists both, with both changes.
    const third = await openAnotherPage(context, suite.server.url);
    await showDrafts(third.page);
    await waitForDraftCount(third.page, 2);
    assert.equal((await storedDraftKeys(third.page)).length, 2);
    await third.page.getByRole('button', { name: 'Open Assessment 1' }).click();
    assert.ok(await third.page.locator('[id="profile.channel-through_partner"]').isChecked());
    await showDrafts(third.page);
    await third.page.getByRole('button', { name: 'Open Assessment 2' }).click();
    assert.ok(await third.page.locator('[id="customer.end_user_known-hidden"]').isChecked());
    // The second tab, which had the first draft in memory, shows the earlier tab's change too.
    await showDrafts(later.page);
    await later.page.getByRole('button', { name: 'Open Assessment 1' }).click();
    assert.ok(await later.page.locator('[id="profile.channel-through_partner"]').isChecked());

    // A deletion in one tab reaches the others; a tab that had the draft open is told.
    await showDrafts(third.page);
    await showDrafts(later.page);
    await later.page.getByRole('button', { name: 'Open Assessment 2' }).click();
    await third.page.getByRole('button', { name: 'Delete Assessment 2' }).click();
    await third.page.getByRole('button', { name: 'Confirm delete Assessment 2' }).click();
    await showDrafts(earlier);
    await waitForDraftCount(earlier, 1);
    await later.page.waitForFunction(() => /open here, was deleted in another tab/.test(document.querySelector('#notice')?.innerText ?? ''));
    assert.deepEqual(await storedDraftKeys(earlier), (await storedDraftKeys(third.page)));
    assert.equal((await storedDraftKeys(earlier)).length, 1);

    for (const tab of [first, later, third]) assert.deepEqual(foreignRequests(tab.requests), []);
    assert.deepEqual([...first.errors, ...later.errors, ...third.errors], []);
    await context.close();
  });

  test('the same draft changed in two tabs: the later change wins and the earlier is kept', async () => {
    const one = await openPage(suite.browser, suite.server.url);
    const { context } = one;
    await one.page.locator('[id="profile.customer_type-private_company"]').click();
    const two = await openAnotherPage(context, suite.server.url, { beforeLoad: canStopHearing });
    assert.ok(await two.page.locator('[id="profile.customer_type-private_company"]').isChecked());

    // Tab two misses tab one's change (as a frozen tab would), then changes the same draft.
    await stopHearingOtherTabs(two.page);
    await one.page.locator('[id="profile.channel-through_partner"]').click();
    await two.page.locator('[id="customer.end_user_known-hidden"]').click();

    // Tab two wrote last: its change is kept and it says the other version was kept too.
    await two.page.locator('#notice').waitFor();
    assert.match(await two.page.locator('#notice').innerText(), /also changed in another tab\. Your change here is the latest/);
    // Tab one hears tab two's later change: it shows it and says where its own version went.
    await one.page.waitForFunction(() => /after your last change here/.test(document.querySelector('#notice')?.innerText ?? ''));
    assert.ok(await one.page.locator('[id="customer.end_user_known-hidden"]').isChecked());
    assert.ok(!(await one.page.locator('[id="profile.channel-through_partner"]').isChecked()));

    // The earlier version is listed in both tabs and opens as a new draft with its answers.
    await showDrafts(one.page);
    const kept = one.page.locator('.kept-versions li');
    assert.equal(await kept.count(), 1);
    assert.match(await kept.innerText(), /changed in two tabs at once/);
    assert.deepEqual(await accessibilityViolations(one.page), []);
    await kept.getByRole('button', { name: /Open as a new draft/ }).click();
    assert.ok(await one.page.locator('[id="profile.channel-through_partner"]').isChecked());
    assert.ok(!(await one.page.locator('[id="customer.end_user_known-hidden"]').isChecked()));
    await showDrafts(two.page);
    await two.page.locator('.kept-versions li').waitFor();
    assert.deepEqual([...one.errors, ...two.errors], []);
    await context.close();
  });
});

describe('storage that is damaged, full or turned off', () => {
  test('damaged stored data is set aside, not deleted, and the rest opens', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('[id="profile.customer_type-private_company"]').click();
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('hrdd-calculator.draft.')));
    await page.evaluate(() => localStorage.setItem('hrdd-calculator.draft.x-1', '{"version": 2, "id": "x-1", trun'));
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.match(await page.locator('#notice').innerText(), /1 stored draft\(s\) could not be read and were set aside, not deleted/);
    assert.ok(await page.locator('[id="profile.customer_type-private_company"]').isChecked(), 'the readable draft opens');
    const stored = await page.evaluate(() => Object.entries(localStorage));
    const aside = stored.filter(([key]) => key.startsWith('hrdd-calculator.set-aside.'));
    assert.equal(aside.length, 1);
    assert.equal(aside[0][1], '{"version": 2, "id": "x-1", trun', 'the data is kept as it was');
    assert.ok(!stored.some(([key]) => key === 'hrdd-calculator.draft.x-1'));

    await showDrafts(page);
    const item = page.locator('.set-aside li');
    assert.match(await item.innerText(), /not valid JSON/);
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /Download/ }).click()]);
    assert.equal(await readFile(await savedFile(download), 'utf8'), '{"version": 2, "id": "x-1", trun');
    assert.deepEqual(await accessibilityViolations(page), []);
    await item.getByRole('button', { name: /^Delete/ }).click();
    await item.getByRole('button', { name: /^Confirm delete/ }).click();
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('hrdd-calculator.set-aside.')));
    assert.equal(await page.locator('.set-aside').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a full storage says so, offers the export, loses nothing and saves again once there is room', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('[id="profile.customer_type-private_company"]').click();
    // Another application of the same site fills the storage to the last character.
    await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
        const block = 'x'.repeat(size);
        for (;;) {
          try { localStorage.setItem(`other-app.${n++}`, block); } catch { break; }
        }
      }
    });
    await page.locator('[id="profile.channel-through_partner"]').click();
    await page.locator('#notice.notice-error').waitFor();
    assert.match(await page.locator('#notice').innerText(), /storage for the calculator is full, so your last change is not saved here\. Nothing already saved was lost/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all assessments' }).click()]);
    const exported = JSON.parse(await readFile(await savedFile(download), 'utf8'));
    assert.equal(exported.format, 'hrdd-assessment-collection');
    assert.equal(exported.assessments[0].document.answers['profile.channel'], 'through_partner', 'the export holds the unsaved change');

    // Room again: the next change saves everything, the earlier unsaved change with it.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-app.')).forEach((k) => localStorage.removeItem(k)));
    await page.locator('[id="profile.ongoing_relationship-continuing"]').click();
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.ok(await page.locator('[id="profile.channel-through_partner"]').isChecked());
    assert.ok(await page.locator('[id="profile.ongoing_relationship-continuing"]').isChecked());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('storage turned off: the calculator works, says drafts are not kept and offers the export', async () => {
    const refuse = () => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The user denied access', 'SecurityError'); },
    });
    const { page, context, errors } = await openPage(suite.browser, suite.server.url, { beforeLoad: refuse });
    assert.match(await page.locator('#notice').innerText(), /does not let the calculator keep drafts/);
    await page.locator('[id="profile.customer_type-private_company"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all assessments' }).click()]);
    const exported = JSON.parse(await readFile(await savedFile(download), 'utf8'));
    assert.equal(exported.assessments[0].document.answers['profile.customer_type'], 'private_company');
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('moving drafts', () => {
  test('drafts saved under the single key of earlier versions move to records of their own', async () => {
    const old = await readFile(join(repositoryRoot, 'tests', 'fixtures', 'storage', 'drafts-v1.json'), 'utf8');
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.evaluate((value) => localStorage.setItem('hrdd-calculator.drafts.v1', value), old);
    await page.reload();
    await page.waitForSelector('#outcome');
    assert.deepEqual(await storedDraftKeys(page), ['hrdd-calculator.draft.m-1', 'hrdd-calculator.draft.m-2']);
    assert.equal(await page.evaluate(() => localStorage.getItem('hrdd-calculator.drafts.v1')), null, 'the old key goes once all moved');
    // The draft that was open then (the fixture's "current", the first) is open now.
    assert.ok(await page.locator('[id="profile.customer_type-private_company"]').isChecked());
    await showDrafts(page);
    assert.match(await draftRows(page).nth(0).innerText(), /Office suite for a ministry[\s\S]*Proceed/);
    assert.match(await draftRows(page).nth(1).innerText(), /Spyware tender[\s\S]*Do not proceed/);
    // Answers and free text came across.
    await page.getByRole('button', { name: 'Open Spyware tender' }).click();
    assert.ok(await page.locator('[id="profile.customer_type-intelligence"]').isChecked());
    assert.match(await page.locator('#text-title').inputValue(), /^Civil society review: mobile spyware/);
    assert.deepEqual(errors, []);
    await context.close();

    // Two tabs loading at once both migrate: one copy of each draft, and both tabs list them.
    const again = await openPage(suite.browser, suite.server.url);
    await again.page.evaluate((value) => localStorage.setItem('hrdd-calculator.drafts.v1', value), old);
    const [other] = await Promise.all([openAnotherPage(again.context, suite.server.url), again.page.reload()]);
    await again.page.waitForSelector('#outcome');
    assert.deepEqual(await storedDraftKeys(again.page), ['hrdd-calculator.draft.m-1', 'hrdd-calculator.draft.m-2']);
    for (const tab of [again.page, other.page]) {
      await showDrafts(tab);
      await waitForDraftCount(tab, 2);
    }
    assert.deepEqual([...again.errors, ...other.errors], []);
    await again.context.close();
  });

  test('export all, then import all: new ones added, identical ones skipped, differing ones only as the user chooses', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await page.locator('[id="profile.customer_type-private_company"]').click();
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    await page.locator('[id="profile.customer_type-intelligence"]').click();
    await showDrafts(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-all').click()]);
    const file = await savedFile(download);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.assessments.length, 2);

    // Since the export: one draft deleted, the other changed.
    await page.getByRole('button', { name: 'Delete Assessment 2' }).click();
    await page.getByRole('button', { name: 'Confirm delete Assessment 2' }).click();
    await page.getByRole('button', { name: 'Open Assessment 1' }).click();
    await page.locator('[id="profile.channel-through_partner"]').click();
    await showDrafts(page);

    await page.setInputFiles('#import-all', file);
    const choice = page.locator('.import-choice');
    await choice.waitFor();
    assert.match(await choice.innerText(), /1 new assessment\(s\) will be added and 0 are already here unchanged/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.locator('#import-keep-both').click();
    await waitForDraftCount(page, 3);
    assert.match(await page.locator('.drafts-table').innerText(), /Assessment 1 \(imported\)/);

    // Again, replacing: the draft here becomes an earlier version, nothing is lost.
    await page.setInputFiles('#import-all', file);
    await page.locator('#import-replace').click();
    await page.locator('.kept-versions li').waitFor();
    assert.match(await page.locator('.kept-versions').innerText(), /replaced by an imported file/);
    await page.getByRole('button', { name: 'Open Assessment 1', exact: true }).click();
    assert.ok(!(await page.locator('[id="profile.channel-through_partner"]').isChecked()), 'the file\'s version is in place');

    // A file of another kind changes nothing.
    const broken = join(await mkdtemp(join(tmpdir(), 'hrdd-drafts-')), 'broken.json');
    await writeFile(broken, JSON.stringify({ ...exported, assessments: [{ id: 'a b', name: 'x', document: exported.assessments[0].document }] }));
    await showDrafts(page);
    const before = await page.locator('.drafts-table').innerText();
    await page.setInputFiles('#import-all', broken);
    await page.waitForFunction(() => /not a draft id[\s\S]*Nothing was changed/.test(document.querySelector('#notice')?.innerText ?? ''));
    assert.equal(await page.locator('.drafts-table').innerText(), before);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
