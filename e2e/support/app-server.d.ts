import type { ChildProcess } from 'node:child_process';

export interface AppServer {
  server: ChildProcess;
  dataDir: string;
  baseUrl: string;
}

export function startAppServer(options: { demoData: boolean; adminEmail: string; adminPassword: string; prefix?: string }): Promise<AppServer>;
export function stopAppServer(state: AppServer | undefined): Promise<void>;
