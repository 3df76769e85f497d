// Keyboard-only helpers: they move focus with Tab (and Shift+Tab) and answer with Space and
// the arrow keys, as a keyboard user does. No clicks, no programmatic focus.

const MAX_TABS = 600;

/** Press Tab until the focused element satisfies `matches` (evaluated in the page). */
export async function tabTo(page, description, matches) {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`keyboard: never reached ${description} with Tab`);
}

/** Answer a single-choice question: Tab into its radio group, Space, then arrows to the option. */
export async function chooseByKeyboard(page, question, option) {
  const target = `${question}-${option}`;
  await tabTo(page, question, `document.activeElement?.name === ${JSON.stringify(question)}`);
  if (!(await page.evaluate('document.activeElement.checked'))) await page.keyboard.press('Space');
  for (let i = 0; i < 12; i += 1) {
    if (await page.evaluate(`document.getElementById(${JSON.stringify(target)})?.checked === true`)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`keyboard: could not select ${target}`);
}

/** Tick a checkbox by id: Tab to it and press Space. */
export async function tickByKeyboard(page, id) {
  await tabTo(page, id, `document.activeElement?.id === ${JSON.stringify(id)}`);
  await page.keyboard.press('Space');
}

/** Pick a country: type in the search box, Tab to the list, arrow down to the match. */
export async function countryByKeyboard(page, search, code) {
  await tabTo(page, 'the country search', `document.activeElement?.id === 'country-search'`);
  await page.keyboard.type(search);
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('ArrowDown');
    if (await page.evaluate(`document.getElementById('profile.destination').value === ${JSON.stringify(code)}`)) return;
  }
  throw new Error(`keyboard: could not pick ${code}`);
}

/** Type a date (YYYY-MM-DD) into a date field, as a keyboard user does in an en-US browser. */
export async function dateByKeyboard(page, id, isoDate) {
  await tabTo(page, id, `document.activeElement?.id === ${JSON.stringify(id)}`);
  const [year, month, day] = isoDate.split('-');
  await page.keyboard.type(`${month}${day}${year}`);
  await page.keyboard.press('Tab');
  const value = await page.evaluate(`document.getElementById(${JSON.stringify(id)}).value`);
  if (value !== isoDate) throw new Error(`keyboard: the date field holds ${JSON.stringify(value)}, not ${isoDate}`);
}

/** Back to the top of the page, so the next Tab walk starts from the beginning. */
export async function focusTop(page) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('Home');
}
