import { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, graphql } from '../support/api';
import { baseUrl, chartDrawn, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

/** The radio of `level` for the statement whose text starts with `statement`. */
const levelOf = (page: Page, statement: string, level: RegExp) => page.getByRole('group', { name: new RegExp(`^${statement}`) }).getByRole('radio', { name: level });

interface FrameworkStatements {
  assessment: { myAnswers: Array<{ statementKey: string }>; framework: { dimensions: Array<{ key: string; sectionKeys: string[]; statements: Array<{ key: string }> }> } };
}

describe('maturity self-assessment journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let assessmentId: string;
  const title = `E2E CRM maturity ${Date.now()}`;
  const staff = { email: `staff-${Date.now()}@e2e.ac.uk`, password: 'staff-password-123', name: 'Sam Staffer' };

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    token = await adminToken();
    const { departments } = await graphql<{ departments: Array<{ id: string }> }>('{ departments { id } }', {}, token);
    await graphql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { ...staff, role: 'staff', departmentIds: [departments[0].id] } }, token);
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the history with the demo assessments, compares them, and starts a new one from the UI', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Maturity' }).click();
    await headingIs(page, 'CRM maturity');
    await page.getByRole('link', { name: 'Institution CRM maturity, last year' }).waitFor();
    const comparison = await chartDrawn(page, /^Radar chart of the compared assessments/);
    expect(await comparison.getAttribute('aria-label')).toMatch(/Uptake across business units \d\.\d\d/);
    expect(await page.locator('.compare table.figures tbody tr').count()).toBe(10);

    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/maturity\/[0-9a-f-]+\/answer$/);
    assessmentId = page.url().split('/').slice(-2)[0];
    await headingIs(page, title);
  });

  it('lets a staff member answer part of it with the keyboard, saving as they go', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staffPage = await staffContext.newPage();
    try {
      await signIn(staffPage, staff.email, staff.password);
      await staffPage.goto(`${baseUrl()}/maturity/${assessmentId}/answer`);
      await headingIs(staffPage, title);
      await staffPage.getByRole('heading', { level: 2, name: /^Section 1 of 7: What is CRM\?/ }).waitFor();
      // The level descriptors are on screen while answering.
      await staffPage.getByText('CRM is a local tool chosen by one team; no strategy or policy refers to it.').waitFor();

      // Click the first level, then arrow keys move along the levels as native radios do.
      const first = levelOf(staffPage, 'Our institutional or BCE strategy', /^Peripheral \(operational\)/);
      await first.click();
      await staffPage.keyboard.press('ArrowRight');
      expect(await levelOf(staffPage, 'Our institutional or BCE strategy', /^Tactical/).isChecked()).toBe(true);
      // Tab to the evidence note and type: N is a letter there, not "next section".
      await staffPage.keyboard.press('Tab');
      await staffPage.keyboard.type('BCE strategy 2024, names CRM');
      await staffPage.getByRole('heading', { level: 2, name: /^Section 1 of 7/ }).waitFor();
      // Tab on to the next statement's levels and pick strategic with the arrows.
      await staffPage.keyboard.press('Tab');
      await staffPage.keyboard.press('ArrowLeft');
      expect(await levelOf(staffPage, 'A written policy', /^Strategic/).isChecked()).toBe(true);
      await staffPage.keyboard.press('Control+s');
      await staffPage.getByRole('status').filter({ hasText: /^Saved 2 answers at/ }).waitFor();
      await snapshot(staffPage, 'maturity-wizard');

      // N (focus on a radio) moves to the next section and focus goes to its heading.
      await staffPage.keyboard.press('n');
      const heading = staffPage.getByRole('heading', { level: 2, name: /^Section 2 of 7/ });
      await heading.waitFor();
      expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await staffPage.getByRole('navigation', { name: 'Sections of the self-assessment' }).innerText()).toMatch(/1\. What is CRM\?\s+2 of 3 answered/);
    } finally {
      await staffContext.close();
    }
  });

  it('has the admin answer a section in the wizard and the rest through the API, then complete it', async () => {
    await page.reload();
    await headingIs(page, title);
    for (const statement of ['Our institutional or BCE strategy', 'A written policy', 'CRM has a budget']) {
      await levelOf(page, statement, /^Tactical/).click();
    }
    await page.getByRole('button', { name: /^Next: / }).click();
    await page.getByRole('heading', { level: 2, name: /^Section 2 of 7/ }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Saved 3 answers at/ }).waitFor();

    const { assessment } = await graphql<FrameworkStatements>(
      'query($id: ID!) { assessment(id: $id) { myAnswers { statementKey } framework { dimensions { key sectionKeys statements { key } } } } }', { id: assessmentId }, token);
    expect(assessment.myAnswers.map((a) => a.statementKey).sort()).toEqual(['strategy_policy.investment', 'strategy_policy.policy', 'strategy_policy.strategy']);
    const rest = assessment.framework.dimensions.filter((d) => d.key !== 'strategy_policy').flatMap((d, i) => d.statements.map((s) => ({ statementKey: s.key, level: 1 + (i % 3) })));
    await graphql('mutation($input: AnswerAssessmentInput!) { answerAssessment(input: $input) { id } }', { input: { assessmentId, answers: rest } }, token);

    await page.getByRole('link', { name: 'Results so far' }).click();
    await headingIs(page, title);
    const complete = page.getByRole('button', { name: 'Complete assessment' });
    await page.getByRole('cell', { name: /^30 of 30/ }).waitFor();
    await complete.click();
    await page.getByRole('alert').filter({ hasText: 'The assessment is completed' }).waitFor();
    await page.getByText(/^Completed \d+ \w+ \d{4}/).waitFor();
    expect(await complete.count()).toBe(0);
  });

  it('shows the results with the radar chart, and turns an action into a task', async () => {
    const radar = await chartDrawn(page, /^Radar chart of the self-assessed score per dimension/);
    expect(await radar.getAttribute('aria-label')).toMatch(/Self-score: Strategy and policy 2\.\d\d/);
    const table = page.locator('table.dimensions');
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/Strategy and policy\s+Tactical\s+2\.\d\d/);
    await page.getByRole('heading', { level: 2, name: 'Recommendations' }).waitFor();

    // Add an action for a gap, then make it a task for the staff member.
    await page.getByRole('combobox', { name: 'Dimension' }).click();
    await page.getByRole('option', { name: 'Data and information management' }).click();
    const actionText = `Run a duplicate clean-up each term ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Action' }).fill(actionText);
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.getByText(actionText).waitFor();

    await page.getByRole('button', { name: `Make a task: ${actionText}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a task' });
    await dialog.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: staff.name }).click();
    await dialog.getByRole('textbox', { name: 'Due date' }).fill('31/03/2027');
    await dialog.getByRole('button', { name: 'Make the task' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`For ${staff.name}, due 31 Mar 2027 (open)`).waitFor();
    // The action form is empty again, without errors on its emptied fields.
    expect(await page.getByText('Say what will be done').count()).toBe(0);
    await snapshot(page, 'maturity-action-plan');
    await page.getByRole('heading', { level: 1, name: title }).scrollIntoViewIfNeeded();
    await snapshot(page, 'maturity-results');
    await radar.scrollIntoViewIfNeeded();
    await snapshot(page, 'maturity-results-chart');

    const { assessment } = await graphql<{ assessment: { actions: Array<{ text: string; taskId: string | null }> } }>(
      'query($id: ID!) { assessment(id: $id) { actions { text taskId } } }', { id: assessmentId }, token);
    const taskId = assessment.actions.find((a) => a.text === actionText)?.taskId;
    expect(taskId).toBeTruthy();
    const { task } = await graphql<{ task: { title: string; dueOn: string; status: string; assignee: { name: string } } }>(
      'query($id: ID!) { task(id: $id) { title dueOn status assignee { name } } }', { id: taskId }, token);
    expect(task).toEqual({ title: actionText, dueOn: '2027-03-31', status: 'open', assignee: { name: staff.name } });

    // The print stylesheet: no navigation or buttons, the chart and tables kept.
    const before = await page.locator('main').boundingBox();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await radar.isVisible()).toBe(true);
    await snapshot(page, 'maturity-print');
    await page.emulateMedia({ media: 'screen' });
    // After printing, the navigation comes back beside the content, not over it.
    await page.waitForFunction((x) => document.querySelector('main')!.getBoundingClientRect().x === x, before!.x, { timeout: 5000 });
  });

  it('lists the completed assessment in the history with its overall level', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Maturity' }).click();
    await headingIs(page, 'CRM maturity');
    const row = page.getByRole('table', { name: 'Maturity assessments, newest first' }).getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Institution\s+Completed\s+.+\s+(Peripheral \(operational\)|Tactical|Strategic)/);
    await chartDrawn(page, /^Radar chart of the compared assessments/);
    await snapshot(page, 'maturity-history');
  });

  it('shows admins the framework version with its descriptors, ready to edit', async () => {
    await page.getByRole('link', { name: 'The framework' }).click();
    await headingIs(page, 'Maturity framework');
    await page.getByText(/version 1 \(current\)/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Strategy and policy' }).waitFor();
    await page.getByRole('button', { name: 'Edit descriptors and recommendations' }).click();
    expect(await page.getByRole('textbox', { name: 'Peripheral (operational) descriptor' }).first().inputValue()).toBe('CRM is a local tool chosen by one team; no strategy or policy refers to it.');
    await page.getByRole('button', { name: 'Save as version 2' }).waitFor();
  });
});
