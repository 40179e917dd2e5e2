import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env';
import { CreateUserInput } from '../modules/user/dto/create-user.input';
import { hashPassword } from '../modules/user/password';
import { openDatabase, runMigrations, withDataSource } from '../runtime/database';

const USAGE = `Usage: npm run create-user -- --email a@b.ac.uk --name "Full Name" --role admin|manager|staff|viewer [--department CODE ...]
The password is read from the CREATE_USER_PASSWORD environment variable or prompted for, never from the command line.`;

async function readPassword(): Promise<string> {
  if (process.env.CREATE_USER_PASSWORD) return process.env.CREATE_USER_PASSWORD;
  process.stdout.write('Password (at least 10 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (String(chunk).includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0].trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, department: { type: 'string', multiple: true } },
  });
  const password = await readPassword();
  const input = plainToInstance(CreateUserInput, { email: values.email, name: values.name, role: values.role, password });
  const errors = validateSync(input, { forbidUnknownValues: false });
  if (errors.length) {
    throw new Error(`${errors.map((e) => Object.values(e.constraints ?? {}).join('; ')).join('\n')}\n${USAGE}`);
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await runMigrations(db.url);
    await withDataSource(db.url, (ds) =>
      ds.transaction(async (tx) => {
        const [user] = await tx.query(
          `INSERT INTO users (email, name, role, password_hash) VALUES (lower($1), $2, $3, $4)
           ON CONFLICT ((lower(email))) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
             deleted_at = NULL, version = users.version + 1, updated_at = now()
           RETURNING id`,
          [input.email, input.name, input.role, await hashPassword(password)],
        );
        for (const code of values.department ?? []) {
          const [department] = await tx.query('SELECT id FROM departments WHERE code = $1 AND deleted_at IS NULL', [code.toUpperCase()]);
          if (!department) throw new Error(`No department with code ${code}`);
          await tx.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [user.id, department.id]);
        }
      }),
    );
    process.stdout.write(`User ${input.email.toLowerCase()} (${input.role}) is ready to sign in.\n`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.message ?? error}\n`);
  process.exit(1);
});
