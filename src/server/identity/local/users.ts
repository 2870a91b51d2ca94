import {
  and,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { mergeMetadata } from '../metadata.ts';
import {
  grantableRoles,
  type IdentityProvider,
  IdentityProviderError,
  type IdentityUser,
  type MetadataPatch,
  type PublicMetadata,
  type UserQuery,
} from '../port.ts';
import { type LocalContext, recordEvent } from './context.ts';
import { toIdentityUser, type UserRow, userColumns } from './mapping.ts';
import { auth_session, auth_user } from './schema.ts';

const rolePath = sql`${auth_user.publicMetadata}->>'primary_role'`;

type RoleFilter = 'none' | 'pending' | 'granted';

const roleFilterOf = (role: UserQuery['role']): RoleFilter =>
  role === 'pending' ? 'pending' : role ? 'granted' : 'none';

/** The admin list's filter with placeholders (`pattern`, `role`): one statement per shape. */
function userFilter(hasQuery: boolean, role: RoleFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (hasQuery) {
    const pattern = sql.placeholder('pattern');
    conditions.push(or(ilike(auth_user.email, pattern), ilike(auth_user.name, pattern)));
  }
  if (role === 'pending') {
    conditions.push(or(isNull(rolePath), notInArray(rolePath, [...grantableRoles])));
  } else if (role === 'granted') {
    conditions.push(inArray(rolePath, [sql.placeholder('role')]));
  }
  return and(...conditions);
}

async function lockedUser(tx: Database, userId: string) {
  const [row] = await tx.select().from(auth_user).where(eq(auth_user.id, userId)).for('update');
  if (!row) throw new IdentityProviderError('No user with that id.', 404);
  return row;
}

/** Applies a change to one user and records `user.updated` in the same transaction. */
async function updateUser(
  context: LocalContext,
  userId: string,
  change: (row: typeof auth_user.$inferSelect) => Partial<typeof auth_user.$inferInsert>,
  after?: (tx: Database) => Promise<void>,
): Promise<IdentityUser> {
  const user = await context.db.transaction(async (tx) => {
    const current = await lockedUser(tx, userId);
    const [row] = await tx
      .update(auth_user)
      .set({ ...change(current), updatedAt: new Date() })
      .where(eq(auth_user.id, userId))
      .returning();
    if (!row) throw new IdentityProviderError('No user with that id.', 404);
    await after?.(tx);
    const updated = toIdentityUser(row);
    await recordEvent(tx, { type: 'user.updated', data: { user: updated } });
    return updated;
  });
  context.eventsStored();
  return user;
}

type ListStatements = {
  page: { execute(values: Record<string, unknown>): Promise<UserRow[]> };
  count: { execute(values: Record<string, unknown>): Promise<{ value: number }[]> };
};

export function localUsers(context: LocalContext): IdentityProvider['users'] {
  const { db } = context;
  // The provider's hottest read (the authority cache, `users/me`, every admin action's target),
  // built once as a prepared statement: no query building per call, parsed once per connection.
  const userById = db
    .select(userColumns)
    .from(auth_user)
    .where(eq(auth_user.id, sql.placeholder('id')))
    .prepare('arete_user_by_id');
  // The admin list: two statements (page, count) per shape of filter, prepared on first use.
  const listStatements = new Map<string, ListStatements>();
  return {
    async get(userId) {
      const [row] = await userById.execute({ id: userId });
      return row ? toIdentityUser(row) : null;
    },
    async findByEmail(email) {
      const [row] = await db
        .select()
        .from(auth_user)
        .where(eq(auth_user.email, email.trim().toLowerCase()));
      return row ? toIdentityUser(row) : null;
    },
    async list(query) {
      const search = query.query?.trim();
      const role = roleFilterOf(query.role);
      const shape = `${search ? 'q' : ''}${role}`;
      let statements = listStatements.get(shape);
      if (!statements) {
        const where = userFilter(Boolean(search), role);
        statements = {
          page: db
            .select(userColumns)
            .from(auth_user)
            .where(where)
            .orderBy(desc(auth_user.createdAt), desc(auth_user.id))
            .limit(sql.placeholder('limit'))
            .offset(sql.placeholder('offset'))
            .prepare(`arete_user_page_${shape}`),
          count: db
            .select({ value: count() })
            .from(auth_user)
            .where(where)
            .prepare(`arete_user_count_${shape}`),
        };
        listStatements.set(shape, statements);
      }
      const values = {
        ...(search ? { pattern: containing(search) } : {}),
        ...(role === 'granted' ? { role: query.role } : {}),
      };
      const [rows, [total]] = await Promise.all([
        statements.page.execute({ ...values, limit: query.limit, offset: query.offset }),
        statements.count.execute(values),
      ]);
      return { data: rows.map(toIdentityUser), totalCount: total?.value ?? 0 };
    },
    updatePublicMetadata(userId, patch: MetadataPatch) {
      return updateUser(context, userId, (row) => ({
        publicMetadata: mergeMetadata((row.publicMetadata ?? {}) as PublicMetadata, patch),
      }));
    },
    ban(userId) {
      // Banning also ends every session, so no new token can be fetched with an old sign-in.
      return updateUser(
        context,
        userId,
        () => ({ banned: true }),
        async (tx) => {
          await tx.delete(auth_session).where(eq(auth_session.userId, userId));
        },
      );
    },
    unban(userId) {
      return updateUser(context, userId, () => ({
        banned: false,
        banReason: null,
        banExpires: null,
      }));
    },
    async delete(userId) {
      await db.transaction(async (tx) => {
        await lockedUser(tx, userId);
        await tx.delete(auth_user).where(eq(auth_user.id, userId));
        await recordEvent(tx, { type: 'user.deleted', data: { userId } });
      });
      context.eventsStored();
    },
  };
}
