import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; flags from STACK.md (root, no GPU, no background traffic). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const baseUrl = () => process.env.E2E_BASE_URL!;

/** A screenshot kept for a human to look at (tmp/screenshots), not compared. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '../../tmp/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email = process.env.E2E_ADMIN_EMAIL!, password = process.env.E2E_ADMIN_PASSWORD!): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Waits until the page's h1 reads exactly `text`. */
export async function headingIs(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}
