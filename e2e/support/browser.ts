import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; flags from STACK.md (root, no GPU, no background traffic). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // A browser far from the UK: the app must still show UK days and times (todayIso, formatDateTime).
    env: { ...process.env, TZ: 'America/New_York' },
  });
}

export const baseUrl = () => process.env.E2E_BASE_URL!;

/** A screenshot kept for a human to look at (tmp/screenshots), not compared. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '../../tmp/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** `base` is the shared server unless a spec runs its own (fresh-install). */
export async function signIn(page: Page, email = process.env.E2E_ADMIN_EMAIL!, password = process.env.E2E_ADMIN_PASSWORD!, base = baseUrl()): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Waits until the page's h1 reads exactly `text` (or matches it). On a timeout it keeps a
 * screenshot (tmp/screenshots/failed-*.png) and says where the browser was and what its h1 said.
 */
export async function headingIs(page: Page, text: string | RegExp): Promise<void> {
  const heading = typeof text === 'string' ? page.getByRole('heading', { level: 1, name: text, exact: true }) : page.getByRole('heading', { level: 1, name: text });
  try {
    await heading.waitFor();
  } catch (error) {
    const shown = await page.evaluate(() => ({ h1: document.querySelector('h1')?.textContent?.trim() ?? null, focus: document.activeElement?.tagName ?? null })).catch(() => null);
    await snapshot(page, `failed-${String(text).replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nThe page was ${page.url()}; its h1 read ${JSON.stringify(shown?.h1)}; focus was on ${shown?.focus}.`);
  }
}

/**
 * Presses a dialog's submit button and waits for the dialog to close. Suggestion panels
 * (mat-autocomplete) are closed first: one still showing can sit over the button and take the
 * click, which picks a suggestion instead of saving. If the dialog stays open, the error says
 * what it showed (its alert banner and field errors) and keeps a screenshot.
 */
export async function submitDialog(dialog: Locator, button: string): Promise<void> {
  const page = dialog.page();
  await page.locator('.mat-mdc-autocomplete-panel').first().waitFor({ state: 'hidden' }).catch(() => undefined);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    const shown = await dialog.evaluate((el) => [...el.querySelectorAll('[role="alert"], mat-error')].map((e) => e.textContent?.trim()).filter(Boolean)).catch(() => []);
    await snapshot(page, `failed-dialog-${button.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nThe dialog stayed open after "${button}"; it showed: ${JSON.stringify(shown)}.`);
  }
}

/** Waits until the chart named `name` (role img) has drawn its shapes, and returns it. */
export async function chartDrawn(page: Page, name: RegExp) {
  const chart = page.getByRole('img', { name });
  await chart.waitFor();
  await chart.evaluate((el) => new Promise<void>((resolve) => {
    const check = () => (el.querySelectorAll('svg path').length > 3 ? resolve() : setTimeout(check, 100));
    check();
  }));
  return chart;
}
