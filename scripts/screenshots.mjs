// Regenerates the screenshots in docs/screenshots/ from the release build in dist/, so that a
// reader of the README sees the product as it is. Run by scripts/screenshots.sh.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openPage, repositoryRoot, startServer } from '../tests/e2e/harness.mjs';

const folder = join(repositoryRoot, 'docs', 'screenshots');
await mkdir(folder, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();

const answers = [
  ['profile.customer_type', 'law_enforcement'], ['profile.channel', 'direct'], ['profile.ongoing_relationship', 'limited'],
  ['profile.destination_embargo', 'none_checked'], ['end_use.product_family', 'cyber_surveillance'],
  ['end_use.purpose_disclosed', 'informally'], ['end_use.inherently_harmful', 'depends'], ['end_use.torture_goods', 'none'],
  ['end_use.torture_reason_to_believe', 'no'], ['end_use.fits_business', 'yes'], ['end_use.customisation', 'configuration'],
  ['customer.end_user_known', 'buyer_itself'], ['customer.record_of_harm', 'allegations'], ['customer.misuse_against_groups', 'no'],
  ['customer.listed_parties', 'none_screened'], ['customer.atrocity_risk', 'no'], ['customer.unconstitutional_change', 'no'],
  ['customer.security_control', 'is_security_body'], ['surveillance.covert', 'no'], ['surveillance.independent_authorisation', 'yes'],
  ['ai.sensitive_inference', 'no'], ['mitigations.evidence', 'declared'],
];

async function shot(page, name) {
  await page.screenshot({ path: join(folder, `${name}.png`) });
  console.log(`wrote docs/screenshots/${name}.png`);
}

try {
  const { page } = await openPage(browser, server.url);
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, '1-start');

  await page.selectOption('#sector', 'surveillance');
  for (const [question, option] of answers) await page.locator(`[id="${question}-${option}"]`).click();
  for (const id of ['end_use.capabilities-identify', 'end_use.capabilities-track', 'impacts.groups-journalists', 'mitigations.in_place-contract_clauses']) {
    await page.locator(`[id="${id}"]`).click();
  }
  await page.fill('#country-search', 'Kenya');
  await page.selectOption('[id="profile.destination"]', 'KE');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '2-quick-screen-result');

  await page.locator('#country-context').scrollIntoViewIfNeeded();
  await shot(page, '3-country-context');

  await page.getByRole('button', { name: 'New assessment' }).first().click();
  await page.selectOption('#sector', 'surveillance');
  for (const [question, option] of answers) await page.locator(`[id="${question}-${option}"]`).click();
  for (const id of ['end_use.capabilities-identify', 'end_use.capabilities-track', 'impacts.groups-journalists',
    'mitigations.in_place-contract_clauses', 'mitigations.in_place-technical_limits', 'mitigations.in_place-suspension', 'mitigations.in_place-audit_rights']) {
    await page.locator(`[id="${id}"]`).click();
  }
  await page.fill('#country-search', 'Kenya');
  await page.selectOption('[id="profile.destination"]', 'KE');
  await page.getByRole('button', { name: 'Drafts' }).click();
  await shot(page, '4-drafts');
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.selectOption('#compare-left', '1');
  await page.selectOption('#compare-right', '2');
  await shot(page, '5-compare');

  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByRole('button', { name: 'Assessment', exact: true }).click();
  await page.locator('.results').scrollIntoViewIfNeeded();
  await shot(page, '6-phone-result');

  await page.setViewportSize({ width: 900, height: 1200 });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '7-print-report');
} finally {
  await browser.close();
  server.stop();
}
