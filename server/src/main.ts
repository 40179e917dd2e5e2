import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './common/auth/jwt-secret';
import { loadConfig } from './config/env';
import { ensureAdmin } from './runtime/bootstrap-admin';
import { openDatabase, runMigrations, withDataSource } from './runtime/database';
import { configureHttp } from './runtime/http';
import { startupFailure } from './runtime/startup-failure';
import { seedDemoData } from './seed/demo-data';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const production = config.nodeEnv === 'production';
  const db = await openDatabase(config);
  if (db.embedded) say(`Embedded PostgreSQL started (data in ${config.dataDir}/postgres)`);

  let app: NestExpressApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received: stopping the server and the database…`);
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const applied = await runMigrations(db.url);
    if (applied.length) say(`Migrations applied: ${applied.join(', ')}`);
    const { admin, demo } = await withDataSource(db.url, async (ds) => ({
      admin: await ensureAdmin(ds, { email: config.adminEmail, password: config.adminPassword, dataDir: config.dataDir, production }),
      demo: config.demoData ? await seedDemoData(ds) : null,
    }));
    if (demo) say(`Demo data loaded: ${demo.departments} departments, ${demo.organisations} organisations, ${demo.contacts} contacts, ${demo.engagements} engagements, ${demo.tasks} tasks, ${demo.opportunities} opportunities.`);

    const jwtSecret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl: db.url, jwtSecret }), { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    configureHttp(app, { trustProxy: config.trustProxy });
    await app.listen(config.port);

    say(`\nBCE CRM is running on http://localhost:${config.port}  (GraphQL at /graphql, health at /health)`);
    if (admin?.generatedPassword) {
      say(`Sign in as ${admin.email} with password: ${admin.generatedPassword}`);
      say(admin.passwordFile ? `(also saved in ${admin.passwordFile}; change it once signed in)` : '(shown once; change it once signed in)');
    } else if (admin) {
      say(`Sign in as ${admin.email} with the ADMIN_PASSWORD you set.`);
    } else if (!production && fs.existsSync(path.join(config.dataDir, 'initial-admin-password'))) {
      say(`Sign in with the admin account in ${path.join(config.dataDir, 'initial-admin-password')}`);
    } else {
      say('Sign in with your account. Create more with: npm run create-user');
    }
    const { localLogin, breakGlassEmails, oidc, saml } = config.sso;
    if (oidc || saml) say(`Single sign-on: ${[oidc && 'OpenID Connect', saml && 'SAML'].filter(Boolean).join(' and ')} (see docs/sso.md).`);
    if (!localLogin) say(`Password sign-in is off (LOCAL_LOGIN=false); only ${breakGlassEmails.length ? breakGlassEmails.join(', ') : 'nobody'} may still use a password.`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    // Stops the background workers (they start with the app) before the database they use.
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error) => {
  const failure = startupFailure(error, process.env.DATABASE_URL);
  process.stderr.write(`${failure.line}\n`);
  // An error we did not foresee is a bug: its stack is what will fix it.
  if (!failure.foreseen && error?.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
