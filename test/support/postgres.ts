import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function connect(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 4 });
}

export async function dropDatabase(admin: pg.Pool, database: string): Promise<void> {
  await admin.query(`drop database if exists "${database}" with (force)`);
}
