import type { Readiness } from '../../contract/health.ts';

export type ReadinessTone = 'pending' | 'ready' | 'starting' | 'down';

export type ReadinessSummary = {
  tone: ReadinessTone;
  label: string;
  detail?: string;
};

/** Turns a readiness answer (or its absence) into the words the status indicator shows. */
export function summarizeReadiness(
  readiness: Readiness | undefined,
  failed: boolean,
): ReadinessSummary {
  if (failed) return { tone: 'down', label: 'Not ready', detail: 'The server did not answer' };
  if (!readiness) return { tone: 'pending', label: 'Checking…' };

  const { driver, reachable, migrations } = readiness.database;
  const detail = `${driver} · migrations ${migrations.applied}/${migrations.expected}`;
  if (readiness.status === 'ready') return { tone: 'ready', label: 'All systems ready', detail };
  if (!reachable) return { tone: 'down', label: 'Not ready', detail: 'Database unreachable' };
  // Reachable but behind on migrations: the server is still bringing the database up to date.
  return { tone: 'starting', label: 'Starting…', detail };
}
