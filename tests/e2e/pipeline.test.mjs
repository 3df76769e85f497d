// Screening a pipeline in the browser (issue 13): a CRM export chosen by the user is screened in
// a Web Worker with a progress bar and a cancel button, the results sorted, filtered, paged and
// exported as CSV, a row opened as a full assessment draft, a file with other column names
// mapped (and the mapping remembered), bad files and rows reported plainly; nothing leaves the
// machine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessibilityViolations, foreignRequests, openPage, repositoryRoot, withServerAndBrowser } from './harness.mjs';

const suite = withServerAndBrowser();

async function pipelineFile(kind, rows) {
  const file = join(await mkdtemp(join(tmpdir(), 'hrdd-pipeline-')), `${kind}-${rows}.csv`);
  execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'make-pipeline.mjs'), kind, String(rows), file]);
  return file;
}

async function openPipelineScreen(page) {
  await page.getByRole('button', { name: 'Pipeline', exact: true }).click();
  await page.waitForSelector('#batch-file');
}

/** Read a CSV the way a spreadsheet would (quotes, doubled quotes, commas inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('pipeline screening', () => {
  test('10,000 deals screened with a progress bar, sorted, filtered, exported, and a row opened as a draft', async () => {
    const file = await pipelineFile('distinct', 10000);
    const { page, context, requests, errors } = await openPage(suite.browser, suite.server.url);
    await openPipelineScreen(page);
    // The worker is not loaded before a file is chosen: the first render never pays for it.
    assert.ok(!requests.some((r) => /pipeline-worker/.test(r.url)), 'no worker before a file');
    // Seen while the worker runs: the page keeps a progress bar with its count.
    const progressSeen = page.waitForSelector('#batch-progress', { timeout: 10000 });
    await page.setInputFiles('#batch-file', file);
    await progressSeen;
    await page.waitForSelector('#batch-table tbody tr', { timeout: 60000 });
    assert.match(await page.locator('.batch-status').innerText(), /10000 deals screened/);
    assert.ok(requests.some((r) => /hrdd-pipeline-worker_bg\.wasm$/.test(r.url)), 'the worker loaded when needed');
    // The chart counts every deal once.
    const counts = await page.locator('.batch-chart-count').allInnerTexts();
    assert.equal(counts.reduce((sum, n) => sum + Number(n), 0), 10000);
    // Sorted by outcome, most serious first; 100 rows a page.
    assert.equal(await page.locator('#batch-table tbody tr').count(), 100);
    assert.match(await page.locator('#batch-shown').innerText(), /Deals 1–100 of 10000 shown/);
    // Filter by outcome, then find one deal.
    await page.selectOption('#batch-outcome', 'proceed');
    const shownProceed = await page.locator('#batch-table tbody tr .outcome-badge').allInnerTexts();
    assert.ok(shownProceed.every((t) => t === 'Proceed'), 'only "Proceed" rows when filtered');
    await page.selectOption('#batch-outcome', '');
    await page.fill('#batch-search', 'Customer 4242');
    await page.waitForFunction(() => document.querySelectorAll('#batch-table tbody tr').length === 1);
    // Pages move with the keyboard too.
    await page.fill('#batch-search', '');
    await page.locator('#batch-next').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.locator('#batch-shown').innerText(), /Deals 101–200/);
    // The export re-read: every deal once, the method version and the date in every row.
    const downloading = page.waitForEvent('download');
    await page.locator('#batch-export').click();
    const download = await downloading;
    const exported = parseCsv(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(exported[0], ['deal_id', 'customer', 'outcome', 'red_flags', 'possible_red_flags', 'top_right_at_risk', 'open_questions', 'method_version', 'screened_on']);
    assert.equal(exported.length, 10001);
    assert.equal(new Set(exported.slice(1).map((r) => r[0])).size, 10000);
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(exported.slice(1).every((r) => r[7] === '2' && r[8] === today), 'method version and date');
    // Whatever the table shows for a deal, the export says too.
    await page.fill('#batch-search', 'Customer 7');
    const firstRow = page.locator('#batch-table tbody tr').first();
    const [dealId, , outcomeText] = await firstRow.locator('td').allInnerTexts();
    const exportedRow = exported.find((r) => r[0] === dealId);
    const keys = { 'Proceed': 'proceed', 'Proceed with conditions': 'proceed_with_conditions', 'Assessment incomplete': 'assessment_incomplete', 'Escalate': 'escalate', 'Do not proceed': 'do_not_proceed' };
    assert.equal(exportedRow[2], keys[outcomeText]);
    assert.deepEqual(await accessibilityViolations(page), []);
    // Open a row as a full assessment draft: its answers come with it.
    await firstRow.getByRole('button', { name: /^Open as draft/ }).click();
    await page.waitForSelector('#outcome');
    assert.match(await page.locator('#notice').innerText(), new RegExp(`Deal ${dealId} opened`));
    assert.equal(await page.locator('#mode-full_assessment').isChecked(), true, 'a full assessment');
    assert.equal(await page.locator('#text-customer').inputValue(), exportedRow[1], 'the customer comes with it');
    // Its destination too: the country card names the row's country.
    const country = (await readFile(file, 'utf8')).split('\n').find((line) => line.startsWith(`${dealId},`)).split(',')[2];
    assert.equal(await page.locator('[id="profile.destination"]').inputValue(), country);
    // Back to the pipeline: the results are still there.
    await openPipelineScreen(page);
    assert.equal(await page.locator('#batch-table tbody tr').count() > 0, true);
    assert.deepEqual(foreignRequests(requests), [], 'zero requests to another host');
    assert.ok(!requests.some((r) => r.body.includes('Customer 4242')), 'no request carries the file');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('cancel stops the screening, and the page answers while the worker runs', async () => {
    const file = await pipelineFile('distinct', 50000);
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await openPipelineScreen(page);
    await page.setInputFiles('#batch-file', file);
    await page.waitForSelector('#batch-cancel');
    // The page stays responsive: a click on another screen's button is handled at once.
    await page.getByRole('button', { name: 'Assessment', exact: true }).click();
    await page.waitForSelector('#outcome');
    await openPipelineScreen(page);
    await page.locator('#batch-cancel').click();
    await page.waitForFunction(() => /cancelled/.test(document.querySelector('.batch-status')?.textContent ?? ''));
    assert.equal(await page.locator('#batch-table').count(), 0, 'no results after a cancel');
    assert.equal(await page.locator('#batch-file').isEnabled(), true, 'a file can be chosen again');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('other column names are mapped once and remembered; bad rows are reported by line', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hrdd-pipeline-'));
    const file = join(folder, 'crm.csv');
    await writeFile(file, [
      'Opportunity Name;Account;Ship-to;Segment',
      'OPP-1;Nordic Logistics;NO;Software',
      'OPP-2;"Ministry of Interior; Procurement";Narnia;Surveillance',
      ';No id;FR;Software',
      'OPP-4;"=HYPERLINK(""x"")";DE',
      'OPP-5;"Broken',
    ].join('\r\n'));
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await openPipelineScreen(page);
    await page.setInputFiles('#batch-file', file);
    await page.waitForSelector('#batch-mapping');
    assert.match(await page.locator('.batch-status').innerText(), /no column holds the deal ID/);
    assert.equal(await page.locator('#batch-mapping-apply').isDisabled(), true, 'a deal id column is needed');
    assert.deepEqual(await accessibilityViolations(page), []);
    // The columns with plain names are already chosen; only the others need a choice.
    assert.equal(await page.getByLabel('Account').inputValue(), 'customer');
    assert.equal(await page.getByLabel('Opportunity Name').inputValue(), '');
    await page.getByLabel('Opportunity Name').selectOption('deal_id');
    await page.getByLabel('Ship-to').selectOption('country');
    await page.getByLabel('Segment').selectOption('product_category');
    await page.locator('#batch-mapping-apply').click();
    await page.waitForSelector('#batch-table tbody tr');
    assert.match(await page.locator(".batch-status").innerText(), /4 deals screened/);
    await page.locator('#batch-problems summary').click();
    const problems = await page.locator('#batch-problems li').allInnerTexts();
    assert.ok(problems.some((p) => /^line 3: "Narnia" is not a country/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^line 4: no deal ID/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^line 5: 3 cells where the header has 4/.test(p)), problems.join('\n'));
    // A broken quote runs to the end of the file: that row is read as far as it goes.
    assert.ok(problems.some((p) => /^line 6: 2 cells where the header has 4/.test(p)), problems.join("\n"));
    // An unknown destination is an open question, never a safe answer.
    const row = page.locator('#batch-table tbody tr', { hasText: 'OPP-2' });
    assert.notEqual(await row.locator('.outcome-badge').innerText(), 'Proceed');
    // The same export again, in a new tab of this browser: the mapping is remembered.
    const second = await context.newPage();
    await second.goto(suite.server.url);
    await second.waitForSelector('#outcome');
    await openPipelineScreen(second);
    await second.setInputFiles('#batch-file', file);
    await second.waitForSelector('#batch-table tbody tr');
    assert.match(await second.locator('.batch-columns').innerText(), /Opportunity Name as Deal ID/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('files that are not a pipeline get a clear message, and the screen stays usable', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hrdd-pipeline-'));
    const empty = join(folder, 'empty.csv');
    const binary = join(folder, 'binary.csv');
    const latin = join(folder, 'latin1.csv');
    await writeFile(empty, '');
    await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    await writeFile(latin, Buffer.from('Deal ID,Customer,Country\nD-1,Soci\xe9t\xe9 G\xe9n\xe9rale,Allemagne\n', 'latin1'));
    // A file far larger than any pipeline export (sparse: it takes no room on the disk).
    const huge = join(folder, 'huge.csv');
    await writeFile(huge, '');
    await truncate(huge, 100 * 1024 * 1024);
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await openPipelineScreen(page);
    await page.setInputFiles('#batch-file', huge);
    await page.waitForFunction(() => /larger than 64 MB/.test(document.querySelector('.batch-status')?.textContent ?? ''));
    await page.setInputFiles('#batch-file', empty);
    await page.waitForFunction(() => /the file is empty/.test(document.querySelector('.batch-status')?.textContent ?? ''));
    await page.setInputFiles('#batch-file', binary);
    await page.waitForFunction(() => /not text/.test(document.querySelector('.batch-status')?.textContent ?? ''));
    // Windows-1252 (a spreadsheet's "CSV" on Windows) is read as such.
    await page.setInputFiles('#batch-file', latin);
    await page.waitForSelector('#batch-table tbody tr');
    assert.equal(await page.locator('#batch-table tbody tr td').nth(1).innerText(), 'Société Générale');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the one-file build, opened from disk, screens the sample pipeline with no request at all', async () => {
    const address = pathToFileURL(join(repositoryRoot, 'dist-single', 'hrdd-calculator.html')).href;
    const { page, context, requests, errors } = await openPage(suite.browser, address);
    await openPipelineScreen(page);
    await page.setInputFiles('#batch-file', join(repositoryRoot, 'examples', 'pipeline.csv'));
    await page.waitForSelector('#batch-table tbody tr');
    assert.match(await page.locator('.batch-status').innerText(), /deals screened/);
    const elsewhere = requests.map((r) => r.url).filter((url) => url !== address && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, [], 'the worker starts from the page itself');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the browser and the command line give the same results, cell for cell, for the sample pipeline', async () => {
    const sample = join(repositoryRoot, 'examples', 'pipeline.csv');
    // The command line's results (built by the native test layer; built here if it is missing).
    execFileSync('cargo', ['build', '-q', '-p', 'hrdd-cli'], { cwd: repositoryRoot });
    const command = spawnSync(join(repositoryRoot, 'target', 'debug', 'hrdd-score'), ['--csv', sample], { encoding: 'utf8' });
    assert.equal(command.status, 0, command.stderr);
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await openPipelineScreen(page);
    await page.setInputFiles('#batch-file', sample);
    await page.waitForSelector('#batch-table tbody tr');
    const downloading = page.waitForEvent('download');
    await page.locator('#batch-export').click();
    const exported = await readFile(await (await downloading).path(), 'utf8');
    assert.deepEqual(parseCsv(exported), parseCsv(command.stdout));
    // The problems, each with its line, are the ones the command line reports.
    await page.locator('#batch-problems summary').click();
    const shown = await page.locator('#batch-problems li').allInnerTexts();
    const reported = command.stderr.split('\n').filter((line) => /: line \d+:/.test(line));
    assert.equal(shown.length, reported.length, `${shown.join('\n')}\n---\n${reported.join('\n')}`);
    for (const [i, line] of reported.entries()) {
      assert.equal(/line (\d+)/.exec(shown[i])[1], /line (\d+)/.exec(line)[1], 'the same line numbers in the same order');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
