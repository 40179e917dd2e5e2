import type { ChildProcess } from 'node:child_process';

export interface AppServer {
  server: ChildProcess;
  dataDir: string;
  baseUrl: string;
}

/**
 * `port`: when the caller must know it beforehand (e.g. to register a callback URL); `env`: extra settings;
 * `webhookWorker`: send webhook deliveries in the background, as `npm start` does (off under Jest's NODE_ENV=test).
 */
export function startAppServer(options: { demoData: boolean; adminEmail: string; adminPassword: string; prefix?: string; port?: number; env?: Record<string, string>; webhookWorker?: boolean }): Promise<AppServer>;
export function stopAppServer(state: AppServer | undefined): Promise<void>;
