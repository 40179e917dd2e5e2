import { Browser, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
const LOG = `mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }`;
const SCAN = `{ duplicateScan { pendingOrganisations } }`;

/**
 * The organisation list comes from a background scan: wait until it has checked everything created
 * so far. Earlier journeys may have imported thousands of organisations, so the wait is as long as
 * the scan keeps moving; it fails when the count stops going down for 20 s (a stuck scanner).
 */
async function scanCaughtUp(token: string): Promise<void> {
  let last = Infinity;
  let movedAt = Date.now();
  for (;;) {
    const pending: number = (await graphql<any>(SCAN, {}, token)).duplicateScan.pendingOrganisations;
    if (pending === 0) return;
    if (pending < last) [last, movedAt] = [pending, Date.now()];
    if (Date.now() - movedAt > 20_000) {
      throw new Error('the duplicate scan stopped moving: ' + JSON.stringify(await graphql<any>('{ duplicateScan { pendingOrganisations checkedUpTo lastScannedAt } }', {}, token)));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('duplicates journey', () => {
  let browser: Browser;
  let page: Page;
  let survivorId: string;

  beforeAll(async () => {
    // Two spellings of one employer, sharing a website domain, in one postcode area; the older one has more history.
    const token = await adminToken();
    const create = async (input: Record<string, unknown>) => (await graphql<any>(CREATE_ORG, { i: { type: 'employer', ...input } }, token)).createOrganisation.id as string;
    survivorId = await create({ name: 'Lindisfarne Marine Ltd', postcode: 'TD15 1AA', town: 'Berwick', website: 'lindisfarne-marine.co.uk' });
    const mergedId = await create({ name: 'LINDISFARNE MARINE LIMITED', postcode: 'TD15 2BB', town: 'Alnwick', website: 'https://www.lindisfarne-marine.co.uk/contact' });
    await graphql(LOG, { i: { type: 'meeting', summary: 'Apprenticeship planning', organisationId: survivorId } }, token);
    await graphql(LOG, { i: { type: 'call', summary: 'Placement follow-up', organisationId: survivorId } }, token);
    await graphql(LOG, { i: { type: 'visit', summary: 'Boatyard visit logged on the copy', organisationId: mergedId } }, token);
    await scanCaughtUp(token);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page);
  }, 300_000); // the scan may have an earlier journey's import to check first
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the pair with its reasons, merges it choosing a field from the other record, and lands on the survivor', async () => {
    await page.goto(`${baseUrl()}/duplicates`);
    await headingIs(page, 'Possible duplicates');
    const pair = page.locator('li.pair', { hasText: 'Lindisfarne Marine Ltd' });
    await pair.getByText('Same website domain (lindisfarne-marine.co.uk)').waitFor();
    await pair.getByText('Similar name (1.00) in TD').waitFor();
    await snapshot(page, 'duplicates-01-list');

    await pair.getByRole('link', { name: 'Compare and merge' }).click();
    await headingIs(page, 'Compare and merge');
    await page.getByText(/1 engagement will move to Lindisfarne Marine Ltd/).waitFor();
    await page.getByRole('radio', { name: 'Lindisfarne Marine Ltd', exact: true }).check();
    await page.getByRole('radio', { name: 'Alnwick' }).check();
    await snapshot(page, 'duplicates-02-compare');
    await page.getByRole('button', { name: 'Merge' }).click();

    await headingIs(page, 'Lindisfarne Marine Ltd');
    expect(page.url()).toContain(`/organisations/${survivorId}`);
    await page.getByText('Boatyard visit logged on the copy').first().waitFor();
    await page.getByText('Alnwick').first().waitFor();
    await snapshot(page, 'duplicates-03-survivor');
  });

  it('undoes the merge from the history as an admin', async () => {
    await page.goto(`${baseUrl()}/duplicates?view=history`);
    const undo = page.getByRole('button', { name: 'Undo the merge of LINDISFARNE MARINE LIMITED into Lindisfarne Marine Ltd' });
    await undo.waitFor();
    await snapshot(page, 'duplicates-04-history');
    await undo.click();
    await page.getByText(/Merge undone/).waitFor();
    await page.getByRole('row', { name: /LINDISFARNE MARINE LIMITED/ }).getByText(/Undone/).waitFor();
    await snapshot(page, 'duplicates-05-undone');
  });

  it('says how far the check has got while the background scan is behind (after a large import)', async () => {
    // A real backlog takes minutes to build; the scan state in the response is replaced instead.
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('duplicateScan')) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      body.data.duplicateScan = { ...body.data.duplicateScan, pendingOrganisations: 1200, checkedUpTo: new Date(Date.now() - 5 * 60_000).toISOString() };
      await route.fulfill({ response, json: body });
    });
    try {
      await page.goto(`${baseUrl()}/duplicates`);
      await headingIs(page, 'Possible duplicates');
      await page.getByRole('status').getByText(/^Checked up to \d\d:\d\d — 1,200 organisations still to check\./).waitFor();
      await snapshot(page, 'duplicates-06-scan-behind');
    } finally {
      await page.unroute('**/graphql');
    }
  });
});
