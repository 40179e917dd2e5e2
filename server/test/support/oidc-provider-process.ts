import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

export interface OidcProviderProcess {
  issuer: string;
  stop(): void;
  /** Creates or replaces the account `id` at the provider, with these claims ({ email, name, groups }). */
  setAccount(id: string, claims: object): Promise<void>;
}

/** Starts support/oidc-provider.mjs and resolves with its issuer URL once it listens. */
export async function startOidcProvider(redirectUri: string): Promise<OidcProviderProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs'), redirectUri], { stdio: ['pipe', 'pipe', 'ignore'] });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const ready = out.match(/^ready (\S+)/m);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code) => reject(new Error(`oidc-provider exited with ${code}: ${out}`)));
  });
  return {
    issuer,
    stop: () => {
      child.kill('SIGTERM');
      // Let go of the child's pipes, or Jest waits on them after the run.
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.unref();
    },
    setAccount: async (id, claims) => {
      const res = await fetch(`${issuer}/test/accounts/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(claims) });
      if (res.status !== 204) throw new Error(`could not set account ${id}: ${res.status}`);
    },
  };
}
