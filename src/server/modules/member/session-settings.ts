// Seed 002: session settings live in the user's `publicMetadata` at the provider, never in a local
// table; only the caller's own are read or written.
import type { SessionSettings } from '../../../contract/relationships.ts';
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { IdentityProvider, PublicMetadata } from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';

type SessionSettingsDeps = { db: Database; identity: IdentityProvider };

function settingsOf(metadata: PublicMetadata): SessionSettings {
  return { auto_send_context: metadata.session_auto_send_context === true };
}

export async function getSessionSettings(
  deps: SessionSettingsDeps,
  caller: Caller,
): Promise<SessionSettings> {
  const user = await deps.identity.users.get(caller.userId);
  if (!user) throw new NotFoundError('User');
  return settingsOf(user.publicMetadata);
}

export async function updateSessionSettings(
  deps: SessionSettingsDeps,
  caller: Caller,
  body: SessionSettings,
): Promise<SessionSettings> {
  const user = await deps.identity.users.updatePublicMetadata(caller.userId, {
    session_auto_send_context: body.auto_send_context,
  });
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'member.session_settings.update',
    target: `user:${caller.userId}`,
    after: body,
  });
  return settingsOf(user.publicMetadata);
}

/**
 * Seed 001: whether the user's `session_auto_send_context` is on, which makes their new documents
 * and goals shared with their coaches unless they say otherwise.
 */
export async function sharesWithCoachesByDefault(
  identity: IdentityProvider,
  userId: string,
): Promise<boolean> {
  const user = await identity.users.get(userId);
  return user ? settingsOf(user.publicMetadata).auto_send_context : false;
}
