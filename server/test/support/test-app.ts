import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Role } from '../../src/common/auth/roles';
import { AppConfig, loadConfig } from '../../src/config/env';
import { AuthService } from '../../src/modules/user/auth.service';
import { hashPassword } from '../../src/modules/user/password';
import { runMigrations } from '../../src/runtime/database';
import { configureHttp } from '../../src/runtime/http';

export const PASSWORD = 'correct horse battery';

/** Creates an empty database on the integration server and returns its URL. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest.integration.config.js');
  const name = `bce_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; messages: string[] }> } }>;
}

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  departments: Record<'ENG' | 'BUS', string>;
  /** One signed-in user per role (staff and viewer in ENG, staffBus in BUS). */
  tokens: Record<'admin' | 'manager' | 'staff' | 'viewer' | 'staffBus', string>;
  users: Record<'admin' | 'manager' | 'staff' | 'viewer' | 'staffBus', string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** A GraphQL multipart request (the upload spec): `file` fills the variable `$file`. */
  upload<T = any>(query: string, variables: Record<string, unknown>, file: { name: string; content: Buffer }, token?: string): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables for loadConfig (e.g. the SSO settings). */
  env?: NodeJS.ProcessEnv;
  /** Settings over what the environment gives (e.g. nodeEnv: 'production', rateLimitPerMinute). */
  config?: Partial<AppConfig>;
  /** A database (from createDatabase) the test has already filled; close() drops it. */
  database?: Awaited<ReturnType<typeof createDatabase>>;
}

/** The real AppModule over a fresh, migrated database, with a user of every role signed in. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createDatabase());
  await runMigrations(database.url);
  const env = { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...options.env };
  const config: AppConfig = { ...loadConfig(env), databaseUrl: database.url, clientDir: '/nonexistent', ...options.config };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttp(app, { trustProxy: config.trustProxy });
  await app.init();
  const db = app.get(DataSource);

  const departments = {} as TestApp['departments'];
  for (const code of ['ENG', 'BUS'] as const) {
    const [row] = await db.query('INSERT INTO departments (name, code) VALUES ($1, $2) RETURNING id', [`${code} department`, code]);
    departments[code] = row.id;
  }
  const hash = await hashPassword(PASSWORD);
  const people: Array<[keyof TestApp['tokens'], Role, 'ENG' | 'BUS']> = [
    ['admin', Role.admin, 'ENG'],
    ['manager', Role.manager, 'ENG'],
    ['staff', Role.staff, 'ENG'],
    ['viewer', Role.viewer, 'ENG'],
    ['staffBus', Role.staff, 'BUS'],
  ];
  const users = {} as TestApp['users'];
  for (const [key, role, code] of people) {
    const [row] = await db.query('INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [
      `${key.toLowerCase()}@test.ac.uk`, `Test ${key}`, role, hash,
    ]);
    users[key] = row.id;
    await db.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [row.id, departments[code]]);
  }

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  };

  const upload = async <T>(query: string, variables: Record<string, unknown>, file: { name: string; content: Buffer }, token?: string): Promise<GqlResult<T>> => {
    const req = request(app.getHttpServer()).post('/graphql').set('apollo-require-preflight', 'true');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req
      .field('operations', JSON.stringify({ query, variables: { ...variables, file: null } }))
      .field('map', JSON.stringify({ 0: ['variables.file'] }))
      .attach('0', file.content, file.name);
    return res.body as GqlResult<T>;
  };

  const tokens = {} as TestApp['tokens'];
  for (const [key] of people) {
    // With password sign-in off, the test users get the token a sign-in would give them.
    if (!config.sso.localLogin) {
      const [user] = await db.query('SELECT id, role, token_version AS "tokenVersion" FROM users WHERE id = $1', [users[key]]);
      tokens[key] = await app.get(AuthService).issueToken(user);
      continue;
    }
    const res = await gql<{ login: { accessToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: `${key.toLowerCase()}@test.ac.uk`, p: PASSWORD },
    );
    if (!res.data) throw new Error(`login failed for ${key}: ${JSON.stringify(res.errors)}`);
    tokens[key] = res.data.login.accessToken;
  }

  return {
    app, db, departments, tokens, users, gql, upload,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
