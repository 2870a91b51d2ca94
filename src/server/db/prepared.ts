import type { Database } from './client.ts';

/**
 * Statements prepared once per database handle (Drizzle's `.prepare()` with placeholders): the SQL
 * is built on first use, never again, and PostgreSQL parses each once per connection. For hot
 * paths on the pool only; a transaction (another handle each time) builds its queries as usual.
 */
const statements = new WeakMap<Database, Map<string, unknown>>();

export function prepared<T>(db: Database, name: string, build: () => T): T {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  let statement = forDb.get(name) as T | undefined;
  if (!statement) {
    statement = build();
    forDb.set(name, statement);
  }
  return statement;
}
