// Identity events, whatever the provider: Clerk's webhooks and the local adapter's outbox both
// arrive as these. Delivery is at least once and in no promised order, so handlers are idempotent.
import type {
  IdentityOrganization,
  IdentityUser,
  OrganizationInvitation,
  OrganizationRole,
} from './port.ts';

type Event<Type extends string, Data> = {
  /** Unique per event (Clerk: the `svix-id`); a redelivery carries the same id. */
  id: string;
  type: Type;
  occurredAt: string;
  data: Data;
};

export type IdentityEvent =
  | Event<'user.created' | 'user.updated', { user: IdentityUser }>
  | Event<'user.deleted', { userId: string }>
  | Event<'organization.created' | 'organization.updated', { organization: IdentityOrganization }>
  | Event<'organization.deleted', { organizationId: string }>
  | Event<
      | 'organizationMembership.created'
      | 'organizationMembership.updated'
      | 'organizationMembership.deleted',
      { organizationId: string; userId: string; role: OrganizationRole }
    >
  | Event<
      'organizationInvitation.accepted' | 'organizationInvitation.revoked',
      { invitation: OrganizationInvitation; userId: string | null }
    >
  | Event<
      'waitlistEntry.created' | 'waitlistEntry.updated',
      { id: string; emailAddress: string; status: string }
    >;

export type IdentityEventType = IdentityEvent['type'];
/** The event of one type (several types share a shape, so a plain `Extract` would miss them). */
export type IdentityEventOf<T extends IdentityEventType> = IdentityEvent extends infer E
  ? E extends { type: infer U }
    ? T extends U
      ? E
      : never
    : never
  : never;
