import { Browser, Page } from 'playwright-core';
import { AppServer, startAppServer, stopAppServer } from '../support/app-server';
import { headingIs, launchBrowser, signIn, snapshot, submitDialog } from '../support/browser';

/**
 * An empty install (DEMO_DATA=false) set up through the UI alone: its own server and embedded
 * PostgreSQL, so the shared demo server's data cannot help. The admin adds departments and a
 * colleague; the colleague signs in with the one-time password and records a first engagement
 * and opportunity; deactivating them ends their session at once.
 */
describe('fresh install, set up without SQL', () => {
  const ADMIN = { email: 'admin@fresh.ac.uk', password: 'fresh-admin-password' };
  const STAFF = { email: 'sam.patel@fresh.ac.uk', name: 'Sam Patel' };
  let app: AppServer;
  let browser: Browser;
  let admin: Page;
  let staff: Page;
  let temporaryPassword = '';

  const graphql = async (query: string, token: string) => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

  beforeAll(async () => {
    app = await startAppServer({ demoData: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password, prefix: 'e2e-fresh-' });
    browser = await launchBrowser();
    admin = await newPage();
    staff = await newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stopAppServer(app);
  }, 30_000);

  it('starts with no department: the record forms say so and the Departments page says what to do', async () => {
    await signIn(admin, ADMIN.email, ADMIN.password, app.baseUrl);
    await admin.getByRole('button', { name: 'Log engagement' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Log engagement' });
    await dialog.getByText('There are no departments yet').waitFor();
    expect(await dialog.getByRole('button', { name: 'Log', exact: true }).isDisabled()).toBe(true);
    await snapshot(admin, 'fresh-01-log-without-departments');
    await dialog.getByRole('link', { name: 'Go to Departments' }).click();

    await headingIs(admin, 'Departments');
    await admin.getByRole('heading', { name: 'No departments yet — add your first faculty or service' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Departments' }).getAttribute('aria-current')).toBe('page');
    await snapshot(admin, 'fresh-02-departments-empty');
  });

  it('adds a faculty, then a school under it', async () => {
    await admin.getByRole('button', { name: 'Add your first department' }).click();
    let dialog = admin.getByRole('dialog', { name: 'Add a department' });
    await dialog.getByLabel('Name').fill('Faculty of Science and Engineering');
    await dialog.getByLabel('Code').fill('fse');
    await submitDialog(dialog, 'Add department');
    const tree = admin.getByRole('list', { name: 'Departments' });
    await tree.getByRole('listitem', { name: 'Faculty of Science and Engineering' }).getByText('FSE').waitFor();

    await admin.getByRole('button', { name: 'Add a unit under Faculty of Science and Engineering' }).click();
    dialog = admin.getByRole('dialog', { name: 'Add a department' });
    // The parent unit is already chosen.
    expect(await dialog.getByLabel('Parent unit').locator('option:checked').textContent()).toContain('Faculty of Science and Engineering');
    await dialog.getByLabel('Name').fill('School of Engineering');
    await dialog.getByLabel('Code').fill('ENG');
    await submitDialog(dialog, 'Add department');
    await tree.getByRole('listitem', { name: 'Faculty of Science and Engineering › School of Engineering' }).waitFor();
    await snapshot(admin, 'fresh-03-departments-tree');
  });

  it('invites a staff member into the school and shows the one-time password once', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await headingIs(admin, 'Users');
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('Email').fill(STAFF.email);
    await dialog.getByLabel('Name').fill(STAFF.name);
    expect(await dialog.getByLabel('Role').inputValue()).toBe('staff');
    const departments = dialog.getByRole('combobox', { name: 'Departments' });
    await departments.click();
    const panel = admin.getByRole('listbox', { name: 'Departments' });
    const school = panel.getByRole('option', { name: 'Faculty of Science and Engineering › School of Engineering' });
    await school.click();
    await admin.waitForFunction((el) => el?.getAttribute('aria-selected') === 'true', await school.elementHandle());
    // Escape aimed at the open panel: sent to the page, it could reach the dialog and close it instead.
    await panel.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await departments.textContent()).toContain('School of Engineering');
    await submitDialog(dialog, 'Invite');

    const shown = admin.getByRole('dialog', { name: `Invited ${STAFF.name}` });
    const password = shown.getByLabel('Temporary password');
    await password.waitFor();
    temporaryPassword = await password.inputValue();
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await shown.getByRole('button', { name: 'Copy password' }).waitFor();
    await snapshot(admin, 'fresh-04-temporary-password');
    await shown.getByRole('button', { name: 'Done' }).click();
    const row = admin.getByRole('row', { name: new RegExp(STAFF.name) });
    await row.getByText('School of Engineering').waitFor();
    await snapshot(admin, 'fresh-05-users');
  });

  it('the new colleague signs in, creates an organisation, logs a first engagement and a first opportunity', async () => {
    await signIn(staff, STAFF.email, temporaryPassword, app.baseUrl);
    await staff.getByRole('link', { name: 'Organisations' }).click();
    await staff.getByRole('button', { name: 'New organisation' }).click();
    await staff.getByLabel('Name', { exact: true }).fill('Tyne Precision Engineering Ltd');
    await staff.getByRole('button', { name: 'Save' }).click();
    await headingIs(staff, 'Tyne Precision Engineering Ltd');

    await staff.getByRole('button', { name: 'Log engagement' }).click();
    const log = staff.getByRole('dialog', { name: 'Log engagement' });
    expect(await log.getByRole('combobox', { name: 'Organisation' }).inputValue()).toBe('Tyne Precision Engineering Ltd');
    // Their own department is chosen for them.
    await log.getByLabel('Department').locator('option:checked', { hasText: 'School of Engineering' }).waitFor({ state: 'attached' });
    await log.getByLabel('Summary').fill('First call: apprenticeships for their machinists');
    await submitDialog(log, 'Log');
    const timeline = staff.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('listitem').filter({ hasText: 'First call: apprenticeships for their machinists' }).waitFor();

    await staff.getByRole('button', { name: 'New opportunity' }).click();
    const opportunity = staff.getByRole('dialog', { name: 'New opportunity' });
    await opportunity.getByLabel('Title').fill('Level 3 engineering technician apprenticeships');
    await opportunity.getByRole('combobox', { name: 'Department' }).getByText('School of Engineering').waitFor();
    await submitDialog(opportunity, 'Add opportunity');

    // Both are on the organisation page, and still there after a reload.
    await staff.reload();
    await headingIs(staff, 'Tyne Precision Engineering Ltd');
    await timeline.getByRole('listitem').filter({ hasText: 'First call: apprenticeships for their machinists' }).waitFor();
    await staff.getByText('Level 3 engineering technician apprenticeships').first().waitFor();
    await snapshot(staff, 'fresh-06-organisation');
  });

  it('deactivating the colleague ends their session at once, in the API and the browser', async () => {
    const token = (await staff.evaluate(() => localStorage.getItem('bce.token')))!;
    expect((await graphql('{ me { email } }', token)).data.me.email).toBe(STAFF.email);

    await admin.getByRole('button', { name: `Deactivate ${STAFF.name}` }).click();
    await admin.getByRole('dialog', { name: `Deactivate ${STAFF.name}?` }).getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByRole('row', { name: new RegExp(STAFF.name) }).getByText('Deactivated').waitFor();

    expect((await graphql('{ me { email } }', token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await staff.reload();
    await staff.waitForURL(/\/sign-in/);
    // And the temporary password no longer signs them in.
    await staff.getByLabel('Email').fill(STAFF.email);
    await staff.getByLabel('Password').fill(temporaryPassword);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByText(/incorrect/i).waitFor();
  });
});
