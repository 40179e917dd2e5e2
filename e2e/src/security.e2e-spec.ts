import { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, chartDrawn, headingIs, launchBrowser, signIn } from '../support/browser';

// The built Angular app under the server's Content-Security-Policy: every page a person opens works
// with no violation reported (no inline script, no foreign origin), and no cookie is ever set.
declare global {
  interface Window {
    __cspViolations: string[];
  }
}

describe('security headers in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const violations = (p: Page) => p.evaluate(() => window.__cspViolations);

  it('serves the app with a CSP that allows only its own scripts, and the app keeps to it', async () => {
    const response = await page.goto(`${baseUrl()}/sign-in`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    // The stylesheet is linked plainly (no onload trick the CSP would block), so the theme applies.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(250, 249, 253)');
    expect(await violations(page)).toEqual([]);
  });

  it('raises no CSP violation on the pages people use, charts included', async () => {
    await signIn(page);
    await page.goto(`${baseUrl()}/dashboard`);
    await headingIs(page, 'Dashboard');
    await chartDrawn(page, /^Funnel of open opportunities by stage/);
    expect(await violations(page)).toEqual([]);
    for (const [path, heading] of [['/organisations', 'Organisations'], ['/pipeline', 'Pipeline'], ['/reports/pipeline', 'Reports'], ['/settings/users', /Users|Settings/]] as const) {
      await page.goto(`${baseUrl()}${path}`);
      await headingIs(page, heading);
      expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
    }
  });

  it('sets no cookie: the session token stays out of cookies', async () => {
    expect(await context.cookies()).toEqual([]);
  });
});
