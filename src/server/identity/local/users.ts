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
import { toIdentityUser } from './mapping.ts';
import { auth_session, auth_user } from './schema.ts';

const rolePath = sql`${auth_user.publicMetadata}->>'primary_role'`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function userFilter({ query, role }: Pick<UserQuery, 'query' | 'role'>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query?.trim()) {
    const pattern = `%${escapeLike(query.trim())}%`;
    conditions.push(or(ilike(auth_user.email, pattern), ilike(auth_user.name, pattern)));
  }
  if (role === 'pending') {
    conditions.push(or(isNull(rolePath), notInArray(rolePath, [...grantableRoles])));
  } else if (role) {
    conditions.push(inArray(rolePath, [role]));
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

export function localUsers(context: LocalContext): IdentityProvider['users'] {
  const { db } = context;
  return {
    async get(userId) {
      const [row] = await db.select().from(auth_user).where(eq(auth_user.id, userId));
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
      const where = userFilter(query);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auth_user)
          .where(where)
          .orderBy(desc(auth_user.createdAt), desc(auth_user.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(auth_user).where(where),
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
