// A real OpenID Connect provider (oidc-provider) in its own process, for the SSO tests
// (oidc-provider is ESM-only, which jest's CommonJS runtime cannot import).
// Usage: node oidc-provider.mjs <redirectUri>; prints "ready <issuer>" once it listens on a free
// port of 127.0.0.1. Sign-in goes through its own development login and consent forms
// (devInteractions): any password is accepted for an account that exists.
// Test-only control endpoint: PUT /test/accounts/<id> with JSON claims ({ email, name, groups })
// creates or replaces an account. Stops on SIGTERM or when stdin closes.
import * as http from 'node:http';
import Provider from 'oidc-provider';

const [redirectUri] = process.argv.slice(2);
const accounts = new Map();

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'bce-crm', client_secret: 'test-only-client-secret',
    redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'],
  }],
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  cookies: { keys: ['test-only-cookie-key'] },
  async findAccount(_ctx, id) {
    const claims = accounts.get(id);
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...claims }) };
  },
});
const oidc = provider.callback();

server.on('request', (req, res) => {
  const control = req.url?.match(/^\/test\/accounts\/([^/?]+)$/);
  if (!control || req.method !== 'PUT') return oidc(req, res);
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    accounts.set(decodeURIComponent(control[1]), JSON.parse(body));
    res.writeHead(204).end();
  });
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
process.stdout.write(`ready ${issuer}\n`);
