import { Browser, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot, submitDialog } from '../support/browser';

describe('privacy journey (the DPO)', () => {
  let browser: Browser;
  let page: Page;
  let contactId: string;

  beforeAll(async () => {
    const token = await adminToken();
    const created = await graphql<{ createContact: { id: string } }>(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { firstName: 'Petra', lastName: 'Quill', emails: ['petra.quill@example.co.uk'], lawfulBasis: 'consent' } },
      token,
    );
    contactId = created.createContact.id;
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs a subject access request from the contact page and sees it due in the Privacy area', async () => {
    await page.goto(`${baseUrl()}/contacts/${contactId}`);
    await headingIs(page, 'Petra Quill');
    const panel = page.getByRole('region', { name: 'Data protection' });
    await panel.getByRole('note', { name: 'Email marketing rule' }).getByText(/PECR/).waitFor();
    await panel.getByRole('button', { name: 'Log subject access request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a subject access request' });
    await dialog.getByLabel('Requester').fill('Petra Quill by email to the DPO');
    await submitDialog(dialog, 'Log request');
    await page.getByText(/Request logged: the answer is due by/).waitFor();

    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await headingIs(page, 'Privacy');
    const row = page.getByRole('table', { name: 'Subject access requests' }).getByRole('row').filter({ hasText: 'Petra Quill by email to the DPO' });
    await row.getByText(/Due in \d+ days/).waitFor();
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Export everything held about Petra Quill as a readable document' }).click();
    expect((await download).suggestedFilename()).toMatch(/^subject-access-.*\.html$/);
    await page.getByRole('status').getByText(/recorded in the audit trail/).waitFor();
    await snapshot(page, 'privacy-requests');
  });

  it('erases the person only once their name is typed', async () => {
    await page.goto(`${baseUrl()}/contacts/${contactId}`);
    await headingIs(page, 'Petra Quill');
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Petra Quill for good?' });
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type their name to confirm').fill('Petra Quil');
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type their name to confirm').fill('petra quill');
    await submitDialog(dialog, 'Erase for good');
    await headingIs(page, 'Erased person');
    await page.getByText(/This person was erased on/).waitFor();
  });
});
