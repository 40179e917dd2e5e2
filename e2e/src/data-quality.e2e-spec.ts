import * as fs from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

const MISSING_SECTOR = '{ dataQuality { organisationsMissingSector } }';

describe('data quality journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const name = `Quayside Fabrication ${Date.now()}`;

  const missingSector = async () => (await graphql<{ dataQuality: { organisationsMissingSector: number } }>(MISSING_SECTOR, {}, token)).dataQuality.organisationsMissingSector;

  beforeAll(async () => {
    token = await adminToken();
    // One gap of our own, so the journey does not depend on the demo data having one.
    await graphql('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', { input: { name, type: 'employer' } }, token);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each check with its count, and "Fix these" opens the filtered list', async () => {
    const before = await missingSector();
    await page.goto(`${baseUrl()}/data-quality`);
    await headingIs(page, 'Data quality');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Organisations missing a sector' }) });
    await card.getByText(`${before.toLocaleString('en-GB')} ${before === 1 ? 'record' : 'records'} to fix`).waitFor();
    // The chart draws once echarts has loaded: wait for its SVG, so the screenshot shows it.
    await page.locator('bce-chart svg').first().waitFor();
    await snapshot(page, 'data-quality');

    await card.getByRole('link', { name: 'Fix these: Organisations missing a sector' }).click();
    await headingIs(page, 'Organisations');
    expect(new URL(page.url()).searchParams.get('missing')).toBe('sector');
    await page.getByRole('button', { name: 'Remove filter: Missing sector' }).waitFor();
    await page.getByRole('status').filter({ hasText: `${before.toLocaleString('en-GB')} organisation` }).waitFor();
    await snapshot(page, 'data-quality-missing-sector-list');
  });

  it('exports the filtered list as CSV with every matching row', async () => {
    const total = await missingSector();
    await page.getByRole('button', { name: /^Export organisations/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (.csv)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^organisations-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0].replace(/^\uFEFF/, '').startsWith('Name,')).toBe(true);
    expect(lines).toHaveLength(total + 1);
    expect(text).toContain(name);
  });

  it('fixes one record from the list, and the count goes down', async () => {
    const before = await missingSector();
    await page.getByRole('searchbox', { name: 'Search organisations', exact: true }).fill(name);
    await page.getByRole('link', { name: `Edit ${name}` }).click();
    await headingIs(page, /Edit/);
    // The form fills in once the record has loaded; choosing before then would be overwritten.
    await page.waitForFunction((n) => [...document.querySelectorAll('input')].some((i) => i.value === n), name);
    await page.getByLabel('Sector').selectOption({ index: 3 });
    await page.getByRole('button', { name: 'Save' }).click();
    await headingIs(page, name);

    await page.goto(`${baseUrl()}/data-quality`);
    await headingIs(page, 'Data quality');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Organisations missing a sector' }) });
    const after = before - 1;
    await card.getByText(after === 0 ? 'Nothing to fix' : `${after.toLocaleString('en-GB')} ${after === 1 ? 'record' : 'records'} to fix`).waitFor();
    expect(await missingSector()).toBe(after);
  });

  it('exports all my open tasks from My day', async () => {
    const open = await graphql<{ myTasks: { totalCount: number } }>('{ myTasks(statuses: [open]) { totalCount } }', {}, token);
    await page.goto(`${baseUrl()}/my-day`);
    await headingIs(page, 'My day');
    await page.getByRole('button', { name: /^Export my open tasks/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (.csv)' }).click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(open.myTasks.totalCount + 1);
  });

  it('gives an admin the full export with progress', async () => {
    await page.goto(`${baseUrl()}/settings/export`);
    await headingIs(page, 'Export all data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bce-crm-full-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByText('Done: the workbook is in your downloads.').waitFor();
    await snapshot(page, 'data-export');
  });
});
