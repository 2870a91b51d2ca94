import type { AuditEntryView, AuditPage, AuditPerson } from '../../../contract/audit.ts';
import { emailSchema } from '../../../contract/text.ts';
import type { Database } from '../../db/client.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import {
  CLI_ACTOR_PREFIX,
  isUserActor,
  type PeopleDirectory,
  USER_TARGET_PREFIX,
} from './people.ts';
import {
  type AuditFilter,
  countAuditEntries,
  insertAuditEntries,
  listAuditEntries,
  listDistinctActors,
} from './repository.ts';

export type AuditRecord = {
  actor: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
};

/** Records an admin change: who did what to which thing, with the state before and after. */
export function recordAudit(db: Database, entry: AuditRecord): Promise<void> {
  return recordAudits(db, [entry]);
}

/** Many changes at once (an import): one entry each, written in batches. */
export async function recordAudits(db: Database, entries: AuditRecord[]): Promise<void> {
  await insertAuditEntries(
    db,
    entries.map((entry) => ({
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: { before: entry.before ?? null, after: entry.after ?? null },
    })),
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the log                                                                             */
/* ------------------------------------------------------------------------------------------ */

export type AuditReadDeps = {
  db: Database;
  identity: Pick<IdentityProvider['users'], 'findByEmail'>;
  people: PeopleDirectory;
};

export type AuditQuery = {
  who?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
  page: number;
  pageSize: number;
};

/** The most distinct actors a `who` search looks through (admins and command-line logins). */
export const ACTORS_SEARCHED = 5_000;

function isEmail(text: string): boolean {
  return emailSchema.safeParse(text).success;
}

/**
 * The actors `who` names: users whose email or name contains it (a whole email address: that
 * address only), `cli:` logins that contain it, and an actor id given exactly.
 */
async function actorsNamed(deps: AuditReadDeps, who: string): Promise<string[]> {
  const needle = who.trim().toLowerCase();
  const exactEmail = isEmail(needle);
  const actors = await listDistinctActors(deps.db, ACTORS_SEARCHED);
  const people = await deps.people.lookUp(actors.filter(isUserActor));
  return actors.filter((actor) => {
    if (actor.toLowerCase() === needle) return true;
    if (!isUserActor(actor)) {
      return !exactEmail && actor.slice(CLI_ACTOR_PREFIX.length).toLowerCase().includes(needle);
    }
    const person = people.get(actor);
    if (!person) return false;
    const email = person.email.toLowerCase();
    if (exactEmail) return email === needle;
    return email.includes(needle) || (person.name?.toLowerCase().includes(needle) ?? false);
  });
}

/** `target` as listed, or an email address: its registry entry and the account of that address. */
async function targetsNamed(deps: AuditReadDeps, target: string): Promise<string | string[]> {
  if (!isEmail(target)) return target;
  const email = target.trim().toLowerCase();
  const user = await deps.identity.findByEmail(email);
  return [`waitlist:${email}`, ...(user ? [`${USER_TARGET_PREFIX}${user.id}`] : [])];
}

function intersect(a: string | string[] | undefined, b: string[]): string[] {
  if (a === undefined) return b;
  const allowed = new Set(typeof a === 'string' ? [a] : a);
  return b.filter((value) => allowed.has(value));
}

/** A page of the log, newest first, with the people it names as the identity provider knows them. */
export async function readAuditLog(deps: AuditReadDeps, query: AuditQuery): Promise<AuditPage> {
  const { page, pageSize } = query;
  const filter: AuditFilter = {
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    until: query.until ? new Date(query.until) : undefined,
  };
  if (query.actor) filter.actor = query.actor;
  if (query.who) filter.actor = intersect(query.actor, await actorsNamed(deps, query.who));
  if (query.target) filter.target = await targetsNamed(deps, query.target);

  // One row more than asked tells whether another page exists, without counting the whole log.
  const rows = await listAuditEntries(deps.db, filter, {
    limit: pageSize + 1,
    offset: (page - 1) * pageSize,
  });
  const shown = rows.slice(0, pageSize);
  const userTargets = shown
    .filter((row) => row.target.startsWith(USER_TARGET_PREFIX))
    .map((row) => row.target.slice(USER_TARGET_PREFIX.length));
  const people = await deps.people.lookUp([
    ...shown.map((row) => row.actor).filter(isUserActor),
    ...userTargets,
  ]);
  const personFor = (id: string): AuditPerson | null => people.get(id) ?? null;

  const data: AuditEntryView[] = shown.map((row) => ({
    id: row.id,
    actor: row.actor,
    actorUser: isUserActor(row.actor) ? personFor(row.actor) : null,
    action: row.action,
    target: row.target,
    targetUser: row.target.startsWith(USER_TARGET_PREFIX)
      ? personFor(row.target.slice(USER_TARGET_PREFIX.length))
      : null,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
  }));

  const answer: AuditPage = { data, page, pageSize, hasMore: rows.length > pageSize };
  // A page past the end (an old link, `?page=999`) is told where the end is.
  if (shown.length === 0 && page > 1) {
    const total = await countAuditEntries(deps.db, filter);
    answer.lastPage = Math.max(1, Math.ceil(total / pageSize));
  }
  return answer;
}
