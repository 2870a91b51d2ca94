// One legacy user record (seed 002: the `users` collection) and the rules it must follow before
// anything is written. Only the three fields seed 002 moves into `publicMetadata` are kept; the rest
// of the document (`_id`, timestamps, …) is ignored.
import { z } from 'zod';
import { PROVIDER_ID_PATTERN } from '../../../contract/ids.ts';
import { emailSchema } from '../../../contract/text.ts';
import type { GrantableRole } from '../port.ts';

/** The fields written into `publicMetadata`, in the port's shape. */
export type LegacyMetadata = {
  primary_role?: GrantableRole;
  organization_roles?: Record<string, string>;
  session_auto_send_context?: boolean;
};

export type LegacyUser = {
  clerkUserId: string | undefined;
  email: string | undefined;
  metadata: LegacyMetadata;
};

// An organization role as Clerk names it (`org:admin`, `org:coach`) or without the prefix.
const ROLE_PATTERN = /^(?:org:)?[a-z][a-z0-9_-]{0,63}$/i;

/** A legacy export writes `null` (Mongo) or an empty cell (CSV) for a field that was never set. */
const unset = (value: unknown) => (value === null || value === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

const organizationRoles = z
  .record(z.string(), z.unknown(), {
    error: 'must be an object of organization id → role, e.g. {"org_1":"admin"}',
  })
  .transform((roles, context) => {
    const result: Record<string, string> = {};
    for (const [organizationId, role] of Object.entries(roles)) {
      if (!PROVIDER_ID_PATTERN.test(organizationId)) {
        context.addIssue({
          code: 'custom',
          path: [organizationId],
          message: 'is not an organization id (letters, digits, `_` or `-`)',
        });
      } else if (typeof role !== 'string' || !ROLE_PATTERN.test(role.trim())) {
        context.addIssue({
          code: 'custom',
          path: [organizationId],
          message: 'must be a role name such as admin or member',
        });
      } else {
        // The port names organization roles without Clerk's `org:` prefix (port.ts,
        // OrganizationRole), and the membership sync writes them that way: store them alike.
        result[organizationId] = role.trim().toLowerCase().replace(/^org:/, '');
      }
    }
    return result;
  });

const legacyUserSchema = z
  .object({
    clerk_user_id: optional(
      z.string().trim().regex(PROVIDER_ID_PATTERN, 'must be an id: letters, digits, `_` or `-`'),
    ),
    email: optional(emailSchema),
    primary_role: optional(
      z
        .string({ error: 'must be admin, coach, client or pending' })
        .trim()
        .toLowerCase()
        .pipe(
          z.enum(['admin', 'coach', 'client', 'pending'], {
            error: 'must be admin, coach, client or pending',
          }),
        ),
    ),
    organization_roles: optional(organizationRoles),
    session_auto_send_context: optional(z.boolean({ error: 'must be true or false' })),
  })
  .refine((user) => user.clerk_user_id !== undefined || user.email !== undefined, {
    message: 'has neither clerk_user_id nor email: nothing to match it by',
  });

export type RecordCheck = { ok: true; user: LegacyUser } | { ok: false; reason: string };

/** Validates one record; the reason names every bad field, for a person fixing the file. */
export function checkLegacyUser(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'is not an object' };
  }
  const parsed = legacyUserSchema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((issue) =>
        issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message,
      )
      .join('; ');
    return { ok: false, reason };
  }
  const { clerk_user_id, email, primary_role, organization_roles, session_auto_send_context } =
    parsed.data;
  const metadata: LegacyMetadata = {};
  // `pending` is the absence of a role (port.ts): a migration never takes a role away.
  if (primary_role !== undefined && primary_role !== 'pending')
    metadata.primary_role = primary_role;
  if (organization_roles !== undefined && Object.keys(organization_roles).length > 0)
    metadata.organization_roles = organization_roles;
  if (session_auto_send_context !== undefined)
    metadata.session_auto_send_context = session_auto_send_context;
  return { ok: true, user: { clerkUserId: clerk_user_id, email, metadata } };
}
