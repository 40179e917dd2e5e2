import * as fs from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';
import { academicYearOf } from '../support/dates';

const pence = (text: string | null) => Math.round(Number((text ?? '').replace(/[£,]/g, '')) * 100);

const HEBCI = `query($year: String!) { reports { heBciSummary(academicYear: $year) { cells { category count valuePence } } } }`;
type Cells = { reports: { heBciSummary: { cells: Array<{ category: string; count: number; valuePence: number }> } } };

/** Drags with real mouse steps, as CDK drag-and-drop needs movement to start a drag. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 22, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.up();
}

describe('pipeline board', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await signIn(page);
    token = await adminToken();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const total = async () => pence(await page.getByTestId('pipeline-total').textContent());
  /** The opportunity the first test wins, for the timeline test after it. */
  let wonTitle = '';

  it('drags a consultancy opportunity to Won: the pipeline total falls by its value and the HE-BCI summary counts it', async () => {
    const year = academicYearOf(new Date());
    const consultancy = async () => (await graphql<Cells>(HEBCI, { year }, token)).reports.heBciSummary.cells.filter((c) => c.category === 'consultancy');
    const before = await consultancy();

    await page.goto(`${baseUrl()}/pipeline?types=consultancy`);
    await headingIs(page, 'Pipeline');
    const card = page.getByRole('list', { name: 'Negotiation opportunities' }).getByRole('listitem').first();
    await card.waitFor();
    const title = (await card.locator('.card-title').textContent())!.trim();
    const value = pence(await card.locator('.amount').textContent());
    const totalBefore = await total();
    await snapshot(page, 'pipeline-board');

    wonTitle = title;
    await drag(page, card, page.getByLabel('Drop here to mark as won'));
    await page.getByText(`“${title}” won`).first().waitFor();
    await page.waitForFunction(
      ([expected]) => document.querySelector('[data-testid="pipeline-total"]')?.textContent?.replace(/[£,]/g, '') === expected,
      [String((totalBefore - value) / 100)],
    );
    expect(await total()).toBe(totalBefore - value);

    const after = await consultancy();
    const sum = (cells: typeof before) => cells.reduce((n, c) => n + c.count, 0);
    expect(sum(after)).toBe(sum(before) + 1);
  });

  it("shows the win in the organisation's timeline, beside its engagements", async () => {
    const found = await graphql<{ opportunities: { edges: Array<{ node: { organisation: { id: string; name: string } } }> } }>(
      'query($f: OpportunityFilter) { opportunities(first: 1, filter: $f) { edges { node { organisation { id name } } } } }',
      { f: { search: wonTitle, outcome: 'won' } }, token);
    const organisation = found.opportunities.edges[0].node.organisation;
    await page.goto(`${baseUrl()}/organisations/${organisation.id}`);
    await headingIs(page, organisation.name);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('listitem').filter({ hasText: `${wonTitle} moved from Negotiation to Won` }).first().waitFor();
    // One list: the organisation's engagements are there too.
    expect(await timeline.getByRole('listitem').filter({ hasText: 'Logged by' }).count()).toBeGreaterThan(0);
  });

  it('moves a card with the keyboard only: focus it, Shift+→ takes it to the next stage', async () => {
    await page.goto(`${baseUrl()}/pipeline`);
    const enquiry = page.getByRole('list', { name: 'Enquiry opportunities' });
    const card = enquiry.getByRole('listitem').first();
    await card.waitFor();
    const title = (await card.locator('.card-title').textContent())!.trim();
    await card.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByText(`Moved “${title}” to Qualified`).first().waitFor();
    expect(await page.getByRole('list', { name: 'Qualified opportunities' }).getByRole('listitem').filter({ hasText: title }).count()).toBeGreaterThan(0);
  });

  it('refuses a move made on a stale card, says so, and shows the card as the server has it', async () => {
    await page.goto(`${baseUrl()}/pipeline`);
    const card = page.getByRole('list', { name: 'Proposal opportunities' }).getByRole('listitem').first();
    await card.waitFor();
    const title = (await card.locator('.card-title').textContent())!.trim();
    // Someone else renames it after this page loaded it.
    const id = (await card.getAttribute('id'))!.replace(/^card-/, '');
    const { opportunity } = await graphql<{ opportunity: { version: number } }>('query($id: ID!) { opportunity(id: $id) { version } }', { id }, token);
    const version = opportunity.version;
    const renamed = `${title} (revised)`;
    await graphql('mutation($id: ID!, $v: Int!, $t: String!) { updateOpportunity(id: $id, version: $v, input: { title: $t }) { id } }', { id, v: version, t: renamed }, token);

    await card.getByRole('button', { name: `Move ${title}` }).click();
    await page.getByRole('menuitem', { name: 'To Negotiation' }).click();
    await page.getByText(`Someone else changed “${title}”`).waitFor();
    // The reloaded card shows their change, back in Proposal where the server has it.
    await page.getByRole('list', { name: 'Proposal opportunities' }).getByRole('listitem').filter({ hasText: renamed }).waitFor();
  });

  it('shows the same opportunities as a sortable table', async () => {
    await page.goto(`${baseUrl()}/pipeline?view=table`);
    const rows = page.getByRole('table').getByRole('row');
    await page.locator('td.mat-column-value').first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Value' }).click();
    // Sorted by the server: wait until the first rows come back in ascending order of value.
    await page.waitForFunction(() => {
      const values = [...document.querySelectorAll('td.mat-column-value')].slice(0, 10).map((td) => Number(td.textContent!.replace(/[£,]/g, '')));
      return values.length === 10 && values.every((v, i) => i === 0 || values[i - 1] <= v);
    });
    const numbers = (await page.locator('td.mat-column-value').allTextContents()).slice(0, 10).map(pence);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    await snapshot(page, 'pipeline-table');

    // Export what the table lists: the server writes every matching row, not only those loaded.
    const total = Number((await page.locator('p.footer').textContent())!.match(/Showing \d+ of (\d+)/)![1]);
    await page.getByRole('button', { name: /^Export the matching opportunities/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(csv[0].startsWith('Title,Organisation,Type,Stage,Value (£),Probability (%),Expected close')).toBe(true);
    expect(csv).toHaveLength(1 + total);
  });
});
