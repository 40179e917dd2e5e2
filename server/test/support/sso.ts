import request from 'supertest';
import { TestApp } from './test-app';

/** A browser's cookies for one site, enough for oidc-provider's interaction and session cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  get header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/** GET /auth/oidc/login on the app: where it sends the browser, and its state cookie. */
export async function startOidcSignIn(t: TestApp): Promise<{ location: string; cookie: string }> {
  const res = await request(t.app.getHttpServer()).get('/auth/oidc/login');
  expect(res.status).toBe(303);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bce_sso_oidc='));
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  return { location: res.headers.location, cookie: cookie!.split(';')[0] };
}

/**
 * Plays the browser at the identity provider: follows its redirects by hand and fills in its own
 * login and consent forms, until it redirects back to `redirectUri`; returns that URL.
 */
export async function signInAtProvider(start: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(start);
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(redirectUri)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header } });
    jar.take(res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"[^>]*method="post"/)?.[1];
    const prompt = html.match(/name="prompt" value="(\w+)"/)?.[1];
    if (res.status !== 200 || !action || !prompt) throw new Error(`unexpected page at ${url} (${res.status}): ${html.slice(0, 300)}`);
    const submitted = await fetch(new URL(action, url), {
      method: 'POST', redirect: 'manual',
      headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt, login, password: 'any password' }),
    });
    jar.take(submitted.headers.getSetCookie());
    url = new URL(submitted.headers.get('location') ?? `${url}#no-redirect-${submitted.status}`, url);
  }
  throw new Error('the identity provider never redirected back');
}
