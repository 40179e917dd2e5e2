import { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

/** Presses Tab until the focused element is the one labelled `label` (a date input has inner fields). */
async function tabTo(page: Page, label: string, maxPresses = 8): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (byId ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (focused === label || focused.startsWith(`${label} `)) return;
  }
  throw new Error(`Tab never reached "${label}"`);
}

/** Types into the global search and waits until the hits for the whole term are shown (not an earlier prefix's). */
async function searchFor(page: Page, term: string): Promise<void> {
  await page.keyboard.type(term);
  await page.getByRole('status').filter({ hasText: `for “${term}”` }).waitFor();
}

/**
 * Presses ArrowDown in an open typeahead until the active option contains `text`. Each press waits
 * for aria-activedescendant to move: the app renders the highlight a frame after the key, and a
 * read before then sees the previous option (which is how Enter once opened the option below).
 */
async function arrowDownTo(page: Page, text: string, maxPresses = 10): Promise<void> {
  const activeId = () => page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant') ?? '');
  for (let i = 0; i < maxPresses; i++) {
    const before = await activeId();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((prev) => (document.activeElement?.getAttribute('aria-activedescendant') ?? '') !== prev, before);
    const active = await page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return (id && document.getElementById(id)?.textContent) || '';
    });
    if (active.includes(text)) return;
  }
  throw new Error(`ArrowDown never reached an option with "${text}"`);
}

describe('relationship journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens an organisation from search, logs an engagement keyboard-only with "l" and sees it on the timeline at once', async () => {
    // Admins and managers land on the dashboard after signing in.
    await headingIs(page, 'Dashboard');

    // "/" focuses the global search; arrow down and Enter open the hit.
    await page.keyboard.press('/');
    const search = page.getByLabel('Search organisations and contacts');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await searchFor(page, 'Rolls-Royce Sub');
    await arrowDownTo(page, 'Rolls-Royce Submarines Ltd');
    await page.keyboard.press('Enter');
    await headingIs(page, 'Rolls-Royce Submarines Ltd');
    await page.getByText(/\d+ (entries|entry)$/).first().waitFor();

    const summary = `Keyboard-only call about degree apprenticeships ${Date.now()}`;
    const started = Date.now();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log engagement' });
    await dialog.waitFor();

    // Focus starts in Organisation, already filled with the organisation on screen.
    const organisation = dialog.getByRole('combobox', { name: 'Organisation' });
    expect(await organisation.inputValue()).toBe('Rolls-Royce Submarines Ltd');
    expect(await organisation.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.getByLabel('Type').inputValue()).toBe('meeting');

    await tabTo(page, 'Contacts');
    await tabTo(page, 'Type');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByLabel('Type').inputValue()).toBe('call');
    await tabTo(page, 'Summary');
    await page.keyboard.type(summary);
    await page.keyboard.press('Control+Enter');

    await dialog.waitFor({ state: 'hidden' });
    expect(Date.now() - started).toBeLessThan(30_000);
    await page.getByText('Engagement logged').waitFor();
    const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: summary });
    await entry.waitFor();
    expect(await entry.getByText('Call', { exact: true }).count()).toBe(1);
    // Let the snackbar go before the screenshot.
    await page.getByText('Engagement logged').waitFor({ state: 'hidden', timeout: 10_000 });
    await snapshot(page, 'relationship-organisation');

    // The new entry is stored, not only shown: it is still first after a reload.
    await page.reload();
    await headingIs(page, 'Rolls-Royce Submarines Ltd');
    await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first().filter({ hasText: summary }).waitFor();
  });

  it("narrows the timeline to one person, found by typing part of their name, and back to anyone", async () => {
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const count = page.getByText(/\d+ (entries|entry)$/).first();
    const everyone = (await count.textContent())!;
    // Someone who was at an engagement here: their name is a link in a "With …" line.
    const name = (await timeline.getByRole('listitem').locator('.people a').first().textContent())!.trim();
    const surname = name.split(' ').at(-1)!;
    const person = page.getByRole('combobox', { name: 'Person' });
    await person.fill(surname.slice(0, 4));
    await page.getByRole('option', { name, exact: true }).first().click();
    await count.filter({ hasNotText: everyone }).waitFor();
    // Every entry left has them there.
    const entries = timeline.getByRole('listitem').filter({ has: page.locator('.people') });
    expect(await entries.count()).toBeGreaterThan(0);
    for (const text of await entries.allTextContents()) expect(text).toContain(name);
    await snapshot(page, 'relationship-timeline-person');
    await person.fill('');
    await count.filter({ hasText: everyone }).waitFor();
  });

  it('opens a person from the organisation page and shows their page', async () => {
    await page.getByRole('tab', { name: /People/ }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('status').filter({ hasText: /\d+ (people|person)$/ }).waitFor();
    const name = (await panel.getByRole('link').first().textContent())?.trim() ?? '';
    // The filter box finds them by surname; the count says it is a match.
    const surname = name.split(' ').at(-1)!;
    await panel.getByLabel('Find a person').fill(surname);
    await panel.getByRole('status').filter({ hasText: `matching “${surname}”` }).waitFor();
    const person = panel.getByRole('link', { name, exact: true }).first();
    await person.click();
    await page.waitForURL(/\/contacts\/[^/]+$/);
    await headingIs(page, name);
    await page.getByText(/\d+ (entries|entry)$/).first().waitFor();
    await snapshot(page, 'relationship-contact');
  });

  it('finds an organisation from a typo in the global search and opens it with the keyboard', async () => {
    await page.keyboard.press('/');
    await searchFor(page, 'Siemns');
    await arrowDownTo(page, 'Siemens Energy UK');
    await page.keyboard.press('Enter');
    await headingIs(page, /Siemens/);
    expect(page.url()).toMatch(/\/organisations\/[^/]+$/);
  });

  it('opens the best hit on Enter when no option is highlighted ("type, Enter")', async () => {
    await page.keyboard.press('/');
    await searchFor(page, 'rolls roy');
    await page.keyboard.press('Enter');
    await headingIs(page, 'Rolls-Royce Submarines Ltd');
  });

  it('gives a viewer no way to log an engagement', async () => {
    const token = await adminToken();
    const email = `viewer-${Date.now()}@e2e.ac.uk`;
    const password = 'viewer-password-123';
    await graphql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Vera Viewer', password, role: 'viewer' } }, token);

    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await viewerContext.newPage();
    try {
      await signIn(viewer, email, password);
      await headingIs(viewer, 'My day');
      await viewer.getByLabel('Search organisations and contacts').waitFor();
      expect(await viewer.getByRole('button', { name: 'Log engagement' }).count()).toBe(0);
      await viewer.keyboard.press('l');
      await viewer.waitForTimeout(300);
      expect(await viewer.getByRole('dialog').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });
});
