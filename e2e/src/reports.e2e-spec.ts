import * as fs from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, chartDrawn, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';
import { academicYearOf } from '../support/dates';

/** Waits until every progress bar on the page has gone (the figures have loaded). */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('mat-progress-bar'), null, { timeout: 45_000 });
}

/** The figures table's body as text, one line per row. */
async function tableText(page: Page, table = page.locator('table.figures').first()): Promise<string> {
  return (await table.locator('tbody tr').allInnerTexts()).join('\n');
}

describe('reports and the manager dashboard', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const thisYear = academicYearOf(new Date());
  const lastYear = academicYearOf(new Date(new Date().getFullYear() - 1, new Date().getMonth(), 15));

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 1200 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lands a manager on the dashboard from the home page, with the funnel, won value, going cold and activity', async () => {
    await page.goto(`${baseUrl()}/`);
    await headingIs(page, 'Dashboard');
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await loaded(page);

    const funnel = await chartDrawn(page, /^Funnel of open opportunities by stage/);
    expect(await funnel.getAttribute('aria-label')).toMatch(/Enquiry \d+/);
    await expect(page.getByText(/^£[\d,]+$/).first().isVisible()).resolves.toBe(true);
    expect(await page.getByRole('region', { name: 'Going cold' }).getByRole('link').count()).toBeGreaterThan(0);
    await chartDrawn(page, /^Line chart of engagements per month/);
    // Each card leads to its report; My day stays one click away.
    expect(await page.getByRole('link', { name: 'Pipeline report' }).getAttribute('href')).toBe('/reports/pipeline');
    await page.getByRole('link', { name: 'My day' }).first().waitFor();
    await snapshot(page, 'dashboard');
  });

  it('shows the pipeline report as a chart with its table, drills into the records, and exports CSV', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await headingIs(page, 'Reports');
    // The year is written into the URL, so the link shows the same figures after 31 July.
    await page.waitForURL((url) => url.pathname === '/reports/pipeline' && url.searchParams.get('year') === thisYear);
    await loaded(page);

    await chartDrawn(page, /^Bar chart of open pipeline value/);
    const table = page.locator('table.figures').first();
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Stage', 'Opportunities', 'Value', 'Weighted value']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.locator('tfoot').innerText()).toMatch(/Total\s+\d+\s+£[\d,]+\s+£[\d,]+/);
    await snapshot(page, 'reports');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export pipeline by stage' }).click();
    await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`pipeline-by-stage-${thisYear.replace('/', '-')}.csv`);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Stage,Opportunities,Value (£),Weighted value (£)');
    expect(csv.slice(1).split('\r\n')[1]).toMatch(/^[A-Z][a-z]+,\d+,\d+\.\d{2},\d+\.\d{2}$/);

    // A count opens the pipeline table behind it.
    const first = table.locator('tbody tr').first().getByRole('link');
    await first.click();
    await page.waitForURL((url) => url.pathname === '/pipeline');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('table');
    expect(url.searchParams.get('stageIds')).toMatch(/^[0-9a-f-]{36}$/);
    await page.goBack();
    await headingIs(page, 'Reports');
  });

  it('changes the academic year: the URL and the figures follow, and survive a reload', async () => {
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/activity');
    await loaded(page);
    await chartDrawn(page, /^Stacked bar chart of engagements per month/);
    const before = await tableText(page);
    expect(before).toMatch(/\d/);

    await page.getByLabel('Academic year').selectOption(lastYear);
    await page.waitForURL((url) => url.searchParams.get('year') === lastYear);
    await loaded(page);
    await page.waitForFunction((text) => {
      const rows = [...document.querySelectorAll('table.figures tbody tr')].map((r) => (r as HTMLElement).innerText).join('\n');
      return rows && rows !== text;
    }, before);
    const after = await tableText(page);
    // A whole past year: twelve months, August to July.
    expect(after.split('\n')[0]).toMatch(new RegExp(`^Aug ${lastYear.slice(0, 4)}`));
    expect(after.split('\n')).toHaveLength(12);

    await page.reload();
    await headingIs(page, 'Reports');
    await loaded(page);
    expect(await page.getByLabel('Academic year').inputValue()).toBe(lastYear);
    expect(await tableText(page)).toBe(after);
  });

  it('lays out the HE-BCI summary like the return, with the mapping an admin can edit', async () => {
    await page.getByRole('tab', { name: 'HE-BCI' }).click();
    await headingIs(page, 'Reports');
    await page.waitForURL((url) => url.pathname === '/reports/hebci');
    await loaded(page);
    for (const title of ['Table 1: Research related activities', 'Table 2: Business and community services', 'Table 3: Regeneration and development programmes', 'Table 4: Intellectual property']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    expect(await page.getByRole('table', { name: 'Table 1: Research related activities' }).locator('tbody th').allInnerTexts()).toEqual([
      'Collaborative research',
      'Contract research',
    ]);
    // The admin changes the mapping in place; it is saved, and put back.
    const ktp = page.getByLabel('HE-BCI heading for KTP');
    expect(await ktp.inputValue()).toBe('collaborative_research');
    await ktp.selectOption('contract_research');
    await page.getByText('KTP is now returned under Contract research. The figures have been updated.').waitFor();
    await page.reload();
    await loaded(page);
    expect(await page.getByLabel('HE-BCI heading for KTP').inputValue()).toBe('contract_research');
    await page.getByLabel('HE-BCI heading for KTP').selectOption('collaborative_research');
    await page.getByText('KTP is now returned under Collaborative research. The figures have been updated.').waitFor();
  });

  it('drills from an HE-BCI figure to exactly the won contracts delivered in that year', async () => {
    await page.goto(`${baseUrl()}/reports/hebci`);
    await loaded(page);
    const link = page.getByRole('table', { name: 'Table 2: Business and community services' }).getByRole('link', { name: /contracts: open the won opportunities$/ }).first();
    await link.waitFor();
    const figure = Number((await link.textContent())!.replace(/,/g, ''));
    await link.click();
    await page.waitForURL((url) => url.pathname === '/pipeline' && url.searchParams.has('runningFrom'));
    await page.getByRole('button', { name: /^Remove the period filter: Delivered / }).waitFor();
    await page.getByText('The opportunities behind a report figure').waitFor();
    await page.locator('caption', { hasText: `Opportunities, ${figure} in all` }).waitFor({ state: 'attached' });
    await snapshot(page, 'pipeline-drill-hebci');
  });

  it('drills a figure of the return in HESA’s layout to the contracts behind it, with the rule and the year’s amount', async () => {
    await page.goto(`${baseUrl()}/reports/hebci`);
    await loaded(page);
    await page.getByText('How income is counted.').waitFor();
    const table2 = page.getByRole('region', { name: 'HESA Table 2 · Business and community services' });
    const figure = table2.getByRole('button', { name: /^Show the \d+ contracts behind / }).first();
    await figure.waitFor();
    const count = Number((await figure.getAttribute('aria-label'))!.match(/^Show the (\d+) /)![1]);
    await figure.click();
    const drill = page.locator('section.drill');
    await drill.getByRole('heading', { name: new RegExp(`: ${count} contracts?$`) }).waitFor();
    // The heading comes with the figure; the contracts behind it are read when the cell opens.
    await drill.locator('tbody tr').nth(count - 1).waitFor();
    expect(await drill.locator('tbody tr').count()).toBe(count);
    expect(await drill.locator('tbody tr').first().innerText()).toMatch(/(Spread by days|Instalments in the year)/);
    await snapshot(page, 'hebci-hesa-drill');
    // The organisation behind a contract says whether it is an SME, and why.
    await drill.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Size and group (for HE-BCI)' }).waitFor();
    expect(await page.locator('#size-and-group .sme').innerText()).toMatch(/^SME: (yes|no|unknown|not applicable \(non-commercial\)) — \S/);
  });
});
