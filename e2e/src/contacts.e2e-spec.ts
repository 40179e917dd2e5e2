import { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot, submitDialog } from '../support/browser';

/** Today as the date fields show it: dd/mm/yyyy. */
function todayUk(): string {
  const now = new Date();
  return `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
}

describe('contact editing journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let contactId: string;

  beforeAll(async () => {
    token = await adminToken();
    // A person of our own, with no organisation yet, so the journey starts from the empty state.
    const created = await graphql<{ createContact: { id: string } }>(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { firstName: 'Edith', lastName: 'Marlowe', emails: ['edith.marlowe@example.co.uk'], jobTitle: 'Talent Partner', lawfulBasis: 'legitimate_interests' } },
      token,
    );
    contactId = created.createContact.id;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits the job title: the page and the History tab show the change', async () => {
    await page.goto(`${baseUrl()}/contacts/${contactId}`);
    await headingIs(page, 'Edith Marlowe');
    await page.getByRole('tab', { name: /Organisations/ }).click();
    await page.getByText('No organisation recorded — add where they work.').waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await headingIs(page, 'Edit contact');
    const jobTitle = page.getByLabel('Job title');
    await page.waitForFunction(() => (document.querySelector('input[formcontrolname="jobTitle"]') as HTMLInputElement | null)?.value === 'Talent Partner');
    expect(await page.getByLabel('Lawful basis').inputValue()).toBe('legitimate_interests');
    // Affiliations are managed on the contact page, not here.
    expect(await page.getByRole('combobox', { name: /Organisation/ }).count()).toBe(0);
    await jobTitle.fill('Head of Early Careers');
    await page.getByLabel('Tags').fill('placements, alumni');
    await snapshot(page, 'contact-edit');
    await page.getByRole('button', { name: 'Save' }).click();

    await headingIs(page, 'Edith Marlowe');
    await page.getByRole('complementary', { name: 'Details' }).getByText('Head of Early Careers').waitFor();
    await page.getByRole('list', { name: 'Tags' }).getByText('alumni').waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'History' });
    const update = history.getByRole('listitem').filter({ hasText: 'Updated' }).first();
    await update.getByText('Head of Early Careers').waitFor();
    expect(await update.getByText('Talent Partner').count()).toBe(1);
  });

  it('says plainly when someone else saved first, and reloads their change keeping the edit', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await headingIs(page, 'Edit contact');
    await page.waitForFunction(() => (document.querySelector('input[formcontrolname="jobTitle"]') as HTMLInputElement | null)?.value === 'Head of Early Careers');

    // A colleague adds a phone number while the form is open.
    const { contact } = await graphql<{ contact: { version: number } }>('query($id: ID!) { contact(id: $id) { version } }', { id: contactId }, token);
    await graphql(
      'mutation($id: ID!, $version: Int!, $input: UpdateContactInput!) { updateContact(id: $id, version: $version, input: $input) { id } }',
      { id: contactId, version: contact.version, input: { phones: ['0191 222 6000'] } },
      token,
    );

    await page.getByLabel('Job title').fill('Head of Emerging Talent');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this person since you opened them' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('status').filter({ hasText: 'kept your edits to job title' }).waitFor();
    expect(await page.getByLabel('Phones').inputValue()).toBe('0191 222 6000');
    expect(await page.getByLabel('Job title').inputValue()).toBe('Head of Emerging Talent');
    await page.getByRole('button', { name: 'Save' }).click();

    await headingIs(page, 'Edith Marlowe');
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Head of Emerging Talent').waitFor();
    await details.getByText('0191 222 6000').waitFor();
  });

  it('adds an organisation through the dialog, then ends the role and it moves to Past', async () => {
    await page.getByRole('tab', { name: /Organisations/ }).click();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add organisation' });
    await dialog.waitFor();
    const organisation = dialog.getByRole('combobox', { name: /Organisation/ });
    // Focus starts in Organisation once the dialog has opened.
    await page.waitForFunction(() => document.activeElement?.getAttribute('formcontrolname') === 'organisation');
    await organisation.pressSequentially('Siemens Energy');
    await page.getByRole('option', { name: /Siemens Energy UK/ }).first().waitFor();
    await page.keyboard.press('Enter');
    expect(await organisation.inputValue()).toBe('Siemens Energy UK');
    await dialog.getByLabel('Role').fill('Apprenticeships lead');
    await dialog.getByLabel('From date', { exact: true }).fill('01/09/2024');
    // Their first organisation is offered as the primary one.
    expect(await dialog.getByRole('checkbox', { name: 'Primary organisation' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300); // the labels finish floating
    await snapshot(page, 'contact-affiliation-dialog');
    await submitDialog(dialog, 'Add');

    const current = page.getByRole('region', { name: 'Current' });
    const row = current.getByRole('listitem').filter({ hasText: 'Siemens Energy UK' });
    await row.waitFor();
    await row.getByText('Apprenticeships lead').waitFor();
    // Day first: 01/09/2024 is 1 September, not 9 January.
    await row.getByText(/^Since 1 Sep/).waitFor();
    await page.getByText('Apprenticeships lead at Siemens Energy UK').waitFor();

    await row.getByRole('button', { name: 'End role at Siemens Energy UK' }).click();
    const confirm = page.getByRole('dialog', { name: /End Edith’s role at Siemens Energy UK/ });
    await confirm.waitFor();
    await submitDialog(confirm, 'End role');

    const past = page.getByRole('region', { name: 'Past' });
    await past.getByRole('listitem').filter({ hasText: 'Siemens Energy UK' }).waitFor();
    // The End button went with the move, so focus follows the row to Past.
    await page.waitForFunction(() => document.activeElement?.id.startsWith('affiliation-') && !!document.activeElement.closest('[aria-labelledby="aff-past"]'));
    await current.getByText('No current organisation recorded — add where they work now.').waitFor();
    expect(await current.getByRole('listitem').count()).toBe(0);
    // An ended role can still be corrected, but not ended again.
    expect(await past.getByRole('button', { name: 'Edit role at Siemens Energy UK' }).count()).toBe(1);
    expect(await past.getByRole('button', { name: /End role/ }).count()).toBe(0);
  });

  it('records a consent and withdraws it', async () => {
    const panel = page.getByRole('region', { name: 'Data protection' });
    await panel.getByText(/No consent recorded/).waitFor();
    await panel.getByRole('button', { name: 'Record consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record consent' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Date given', { exact: true }).inputValue()).toBe(todayUk());
    // The purpose field suggests earlier purposes: its listbox shares the label, so name the text box.
    await dialog.getByRole('combobox', { name: 'Purpose' }).fill('Newsletter');
    await dialog.getByLabel('Method').fill('Web form');
    await dialog.getByLabel('Channel').selectOption('email');
    await submitDialog(dialog, 'Record consent');

    const consents = panel.getByRole('list', { name: 'Consents' });
    const consent = consents.getByRole('listitem').filter({ hasText: 'Newsletter' });
    await consent.getByText(/Web form, given/).waitFor();
    await consent.getByRole('button', { name: 'Withdraw consent for Newsletter' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw consent for Newsletter?' });
    await submitDialog(confirm, 'Withdraw');
    await consent.getByText(/^Withdrawn /).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('consent-'));
    expect(await consent.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
    expect(await consent.locator('strong').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');

    // Both are in the person's History, newest first, with who did them.
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'History' });
    await history.getByRole('listitem').filter({ hasText: 'Consent withdrawn' }).waitFor();
    expect(await history.getByRole('listitem').first().textContent()).toContain('Consent withdrawn');
    expect(await history.getByRole('listitem').nth(1).textContent()).toMatch(/Consent recorded.*Newsletter/s);

    // The finished page, once the snackbars (and the tab's ripple) have gone.
    await page.getByRole('tab', { name: /Organisations/ }).click();
    await page.locator('mat-snack-bar-container').waitFor({ state: 'detached', timeout: 10_000 });
    await snapshot(page, 'contact-edited');
  });

  it('creates a person with their organisation from the New contact form', async () => {
    await page.goto(`${baseUrl()}/contacts/new`);
    await headingIs(page, 'New contact');
    await page.getByLabel('First name').fill('Omar');
    await page.getByLabel('Last name').fill('Haddad');
    await page.getByLabel('Phones').fill('call me maybe');
    const organisation = page.getByRole('combobox', { name: /Organisation/ });
    await organisation.pressSequentially('Siemens Energy');
    await page.getByRole('option', { name: /Siemens Energy UK/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Role').fill('Placements contact');
    await page.getByLabel('Preferred channel').selectOption('phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter phone numbers like 0191 222 6000').waitFor();

    // Only the server knows the email is taken: its message appears under Emails.
    await page.getByLabel('Phones').fill('+44 191 222 6000');
    await page.getByLabel('Emails').fill('edith.marlowe@example.co.uk');
    await page.getByRole('button', { name: 'Save' }).click();
    const emailsError = page.locator('mat-form-field').filter({ has: page.getByLabel('Emails') }).locator('mat-error');
    await emailsError.filter({ hasText: 'Another contact already has this email address' }).waitFor();
    expect(page.url()).toContain('/contacts/new');

    await page.getByLabel('Emails').fill('omar.haddad@example.co.uk');
    await page.getByRole('button', { name: 'Save' }).click();
    await headingIs(page, 'Omar Haddad');
    await page.getByText('Placements contact at Siemens Energy UK').waitFor();
    await page.getByRole('complementary', { name: 'Details' }).getByText('Phone', { exact: true }).waitFor();
  });

  it('gives a viewer no way to change the person', async () => {
    const email = `contact-viewer-${Date.now()}@e2e.ac.uk`;
    const password = 'viewer-password-123';
    await graphql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Vic Viewer', password, role: 'viewer' } }, token);
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await viewerContext.newPage();
    try {
      await signIn(viewer, email, password);
      await viewer.goto(`${baseUrl()}/contacts/${contactId}`);
      await headingIs(viewer, 'Edith Marlowe');
      await viewer.getByRole('tab', { name: /Organisations/ }).click();
      await viewer.getByRole('region', { name: 'Past' }).getByText('Siemens Energy UK').waitFor();
      for (const name of ['Edit', 'Add organisation', 'Record consent', 'Edit role at Siemens Energy UK']) {
        expect(await viewer.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
      // The edit address sends a viewer back to the person.
      await viewer.goto(`${baseUrl()}/contacts/${contactId}/edit`);
      await headingIs(viewer, 'Edith Marlowe');
      expect(viewer.url()).toMatch(new RegExp(`/contacts/${contactId}$`));
    } finally {
      await viewerContext.close();
    }
  });
});
