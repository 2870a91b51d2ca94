import { randomUUID } from 'node:crypto';
import type { NewAuditEntry } from '../../src/server/modules/audit/schema.ts';

/** A valid audit entry; each call is distinct, and any field can be given. */
export function buildAuditEntry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    actor: `user_${randomUUID()}`,
    action: 'waitlist.approve',
    target: `waitlist:${randomUUID()}@example.com`,
    details: { before: { status: 'pending' }, after: { status: 'approved' } },
    ...overrides,
  };
}
