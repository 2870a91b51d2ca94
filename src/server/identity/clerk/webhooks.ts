// Clerk's webhooks (delivered and signed by Svix) → identity events.
import type {
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  UserJSON,
  WaitlistEntryJSON,
} from '@clerk/backend';
import { Webhook } from 'svix';
import type { IdentityEvent } from '../events.ts';
import { toOrganization, toOrganizationInvitation, toOrganizationRole, toUser } from './mapping.ts';

/** The delivery is not a genuine, fresh Clerk event; answer 400 so nothing acts on it. */
export class WebhookVerificationError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookVerificationError';
  }
}

type SvixHeaderName = 'svix-id' | 'svix-timestamp' | 'svix-signature';
/** Node's request headers fit: a repeated header arrives as an array and is refused. */
export type SvixHeaders = { readonly [name in SvixHeaderName]?: string | string[] | undefined };

type ClerkEvent = { type: string; data: object; timestamp?: unknown };

// Svix's messages, shortened; its `verify` also rejects timestamps more than 5 minutes off.
const reasons: Record<string, string> = {
  'Message timestamp too old': 'timestamp too old',
  'Message timestamp too new': 'timestamp too new',
  'Invalid Signature Headers': 'invalid timestamp',
  'No matching signature found': 'bad signature',
  'Missing required headers': 'missing svix headers',
};

function header(headers: SvixHeaders, name: SvixHeaderName): string {
  const value = headers[name];
  if (typeof value !== 'string' || value === '') {
    throw new WebhookVerificationError('missing svix headers');
  }
  return value;
}

function parseEvent(rawBody: string): ClerkEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    throw new WebhookVerificationError('payload is not JSON');
  }
  const { type, data } = (payload ?? {}) as Partial<ClerkEvent>;
  if (typeof type !== 'string' || typeof data !== 'object' || data === null) {
    throw new WebhookVerificationError('payload is not a Clerk event');
  }
  return payload as ClerkEvent;
}

function idOf(data: { id?: unknown }): string {
  if (typeof data.id !== 'string') throw new WebhookVerificationError('deleted object has no id');
  return data.id;
}

/**
 * Verifies a delivery and maps it to an identity event; `null` for an event type the domain does
 * not handle (acknowledge it and move on). `rawBody` must be the bytes as received: the signature
 * covers them, so a re-serialized body fails.
 */
export function verifyClerkWebhook(
  rawBody: string,
  headers: SvixHeaders,
  signingSecret: string,
): IdentityEvent | null {
  const id = header(headers, 'svix-id');
  const timestamp = header(headers, 'svix-timestamp');
  const signature = header(headers, 'svix-signature');
  // Built outside the try: a malformed secret is our misconfiguration, not a bad delivery.
  const webhook = new Webhook(signingSecret);
  try {
    webhook.verify(rawBody, {
      'svix-id': id,
      'svix-timestamp': timestamp,
      'svix-signature': signature,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    throw new WebhookVerificationError(reasons[message] ?? 'verification failed');
  }

  const event = parseEvent(rawBody);
  // Clerk's payload `timestamp` is in ms; Svix's header, in seconds, is the fallback.
  const occurredAt = new Date(
    typeof event.timestamp === 'number' ? event.timestamp : Number(timestamp) * 1000,
  ).toISOString();
  const data = event.data;

  switch (event.type) {
    case 'user.created':
    case 'user.updated':
      return { id, occurredAt, type: event.type, data: { user: toUser(data as UserJSON) } };
    case 'user.deleted':
      return { id, occurredAt, type: event.type, data: { userId: idOf(data) } };
    case 'organization.created':
    case 'organization.updated':
      return {
        id,
        occurredAt,
        type: event.type,
        data: { organization: toOrganization(data as OrganizationJSON) },
      };
    case 'organization.deleted':
      return { id, occurredAt, type: event.type, data: { organizationId: idOf(data) } };
    case 'organizationMembership.created':
    case 'organizationMembership.updated':
    case 'organizationMembership.deleted': {
      const membership = data as OrganizationMembershipJSON;
      return {
        id,
        occurredAt,
        type: event.type,
        data: {
          organizationId: membership.organization.id,
          userId: membership.public_user_data.user_id,
          role: toOrganizationRole(membership.role),
        },
      };
    }
    case 'organizationInvitation.accepted':
    case 'organizationInvitation.revoked': {
      const invitation = data as OrganizationInvitationJSON & { user_id?: string };
      return {
        id,
        occurredAt,
        type: event.type,
        data: {
          invitation: toOrganizationInvitation(invitation),
          userId: invitation.user_id ?? null,
        },
      };
    }
    case 'waitlistEntry.created':
    case 'waitlistEntry.updated': {
      const entry = data as WaitlistEntryJSON;
      return {
        id,
        occurredAt,
        type: event.type,
        data: { id: entry.id, emailAddress: entry.email_address, status: entry.status },
      };
    }
    default:
      return null;
  }
}
