import type { z } from 'zod';
import type { RegistryBackup, registryBackupSchema } from '../../../contract/waitlist.ts';
import { BadRequestError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import { recordAudit } from '../audit/service.ts';
import { queueRevocations } from './invitations.ts';
import {
  allEntries,
  countEntries,
  lockOpenInvitations,
  replaceAllEntries,
  setInvitation,
} from './repository.ts';
import { toView, type WaitlistDeps } from './service.ts';

export async function backupRegistry(deps: WaitlistDeps): Promise<RegistryBackup> {
  const entries = await allEntries(deps.db, {});
  return {
    format: 'arete.waitlist-registry',
    version: 1,
    exportedAt: new Date().toISOString(),
    entries: entries.map((entry) => ({
      ...toView(entry),
      invitationId: entry.invitationId,
      joinedUserId: entry.joinedUserId,
    })),
  };
}

const toDate = (value: string | null) => (value ? new Date(value) : null);

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((value) => seen.has(value) || !seen.add(value)))];
}

/**
 * Replaces the whole registry with a backup. The document was validated against its schema at the
 * edge; here what a schema cannot say is checked (no email or id twice). Then one transaction:
 * everything is replaced, or, on any failure, nothing is.
 *
 * Invitations live with the identity provider, not in the backup, so the restore squares them with
 * the registry it leaves behind, in the same transaction: an email that held an invitation not
 * used yet and is not approved after the restore has it revoked (a queued job); one still approved
 * keeps it, and its entry keeps pointing at it (whatever invitation id the backup remembered), so
 * that a later rejection or removal revokes the right one.
 */
export async function restoreRegistry(
  deps: WaitlistDeps,
  caller: Caller,
  backup: z.infer<typeof registryBackupSchema>,
): Promise<{ restored: number; replaced: number }> {
  const repeatedEmails = duplicates(backup.entries.map((entry) => entry.email));
  const repeatedIds = duplicates(backup.entries.map((entry) => entry.id));
  if (repeatedEmails.length > 0 || repeatedIds.length > 0) {
    throw new BadRequestError(
      `The backup is inconsistent: ${[...repeatedEmails.map((email) => `email ${email}`), ...repeatedIds.map((id) => `id ${id}`)].slice(0, 10).join(', ')} appear more than once. Nothing was changed.`,
    );
  }
  const result = await deps.db.transaction(async (tx) => {
    const replaced = await countEntries(tx);
    const openInvitations = await lockOpenInvitations(tx);
    await replaceAllEntries(
      tx,
      backup.entries.map((entry) => ({
        ...entry,
        waitlistJoinedAt: toDate(entry.waitlistJoinedAt),
        approvedAt: toDate(entry.approvedAt),
        rejectedAt: toDate(entry.rejectedAt),
        invitedAt: toDate(entry.invitedAt),
        joinedAt: toDate(entry.joinedAt),
        createdAt: new Date(entry.createdAt),
        updatedAt: new Date(entry.updatedAt),
      })),
    );
    const restored = new Map(backup.entries.map((entry) => [entry.email, entry]));
    const withdrawn: string[] = [];
    for (const open of openInvitations) {
      const after = restored.get(open.email);
      if (after?.status !== 'approved') withdrawn.push(open.invitationId);
      else if (after.invitationId !== open.invitationId) await setInvitation(tx, open.email, open);
    }
    const revokedInvitations = await queueRevocations(tx, withdrawn);
    await recordAudit(tx, {
      actor: caller.userId,
      action: 'waitlist.restore',
      target: 'waitlist:registry',
      before: { entries: replaced },
      after: {
        entries: backup.entries.length,
        exportedAt: backup.exportedAt,
        revokedInvitations,
      },
    });
    return { restored: backup.entries.length, replaced, revokedInvitations };
  });
  if (result.revokedInvitations > 0) deps.jobs.nudge();
  return { restored: result.restored, replaced: result.replaced };
}
