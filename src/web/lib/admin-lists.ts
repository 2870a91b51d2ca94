import { auditQuerySchema } from '../../contract/audit.ts';
import { outboxQuerySchema } from '../../contract/mail.ts';
import { isoDateTimeQuerySchema } from '../../contract/time.ts';
import { userListQuerySchema } from '../../contract/users.ts';
import { approvedUsersQuerySchema, waitlistQuerySchema } from '../../contract/waitlist.ts';
import { dayStartIso } from './audit.ts';
import type { ListSpec, ParamSchema } from './list-state.ts';
import type { WaitlistRole, WaitlistStatus } from './waitlist.ts';

/**
 * The address of each admin list: which parameters it takes, read with the contract's schema for
 * each (see list-state.ts). A new list page adds its spec here, or next to its page.
 */

const page = {
  schema: waitlistQuerySchema.shape.page,
  fallback: 1,
  label: 'page number',
  instead: 'the first page',
};

export type WaitlistSort = 'joined' | 'email' | 'updated';
export type SortOrder = 'asc' | 'desc';

export type WaitlistListState = {
  query: string;
  status: WaitlistStatus | '';
  role: WaitlistRole | '';
  sort: WaitlistSort;
  order: SortOrder;
  page: number;
};

export const waitlistListSpec: ListSpec<WaitlistListState> = {
  query: {
    schema: waitlistQuerySchema.shape.query,
    fallback: '',
    label: 'search',
    instead: 'everyone',
  },
  status: {
    schema: waitlistQuerySchema.shape.status,
    fallback: '',
    label: 'status',
    instead: 'every status',
  },
  role: {
    schema: waitlistQuerySchema.shape.role,
    fallback: '',
    label: 'role',
    instead: 'coaches and clients',
  },
  sort: {
    schema: waitlistQuerySchema.shape.sort,
    fallback: 'joined',
    label: 'column to sort by',
    instead: 'the newest first',
  },
  order: {
    schema: waitlistQuerySchema.shape.order,
    fallback: 'desc',
    label: 'order',
    instead: 'the newest first',
  },
  page,
};

export type ApprovedUsersListState = { query: string; role: WaitlistRole | ''; page: number };

export const approvedUsersListSpec: ListSpec<ApprovedUsersListState> = {
  query: {
    schema: approvedUsersQuerySchema.shape.query,
    fallback: '',
    label: 'search',
    instead: 'everyone',
  },
  role: {
    schema: approvedUsersQuerySchema.shape.role,
    fallback: '',
    label: 'role',
    instead: 'coaches and clients',
  },
  page,
};

export type UserRoleFilter = 'admin' | 'coach' | 'client' | 'pending';
export type UsersListState = { query: string; role: UserRoleFilter | ''; page: number };

export const usersListSpec: ListSpec<UsersListState> = {
  query: {
    schema: userListQuerySchema.shape.query,
    fallback: '',
    label: 'search',
    instead: 'everyone',
  },
  role: {
    schema: userListQuerySchema.shape.role,
    fallback: '',
    label: 'role',
    instead: 'every role',
  },
  page,
};

export type OutboxListState = { to: string; page: number };

export const outboxListSpec: ListSpec<OutboxListState> = {
  to: {
    schema: outboxQuerySchema.shape.to,
    fallback: '',
    label: 'recipient',
    instead: 'all mail',
  },
  page,
};

/**
 * A day as a date input gives it (`2026-04-01`), held to what the server's `from` and `until`
 * accept once it is turned into the instant that day starts.
 */
export const daySchema: ParamSchema = {
  safeParse(input) {
    const day = typeof input === 'string' ? input.trim() : '';
    const instant = dayStartIso(day);
    const checked = isoDateTimeQuerySchema.safeParse(instant);
    if (instant && checked.success) return { success: true, data: day };
    return { success: false, error: { issues: [{ code: 'invalid_format', message: 'date' }] } };
  },
};

export type AuditListState = {
  who: string;
  action: string;
  target: string;
  from: string;
  until: string;
  page: number;
};

export const auditListSpec: ListSpec<AuditListState> = {
  who: {
    schema: auditQuerySchema.shape.who,
    fallback: '',
    label: 'person',
    instead: 'everyone’s changes',
  },
  action: {
    schema: auditQuerySchema.shape.action,
    fallback: '',
    label: 'action',
    instead: 'every action',
  },
  target: {
    schema: auditQuerySchema.shape.target,
    fallback: '',
    label: 'target',
    instead: 'changes to anything',
  },
  from: { schema: daySchema, fallback: '', label: 'start date', instead: 'from the beginning' },
  until: { schema: daySchema, fallback: '', label: 'end date', instead: 'up to today' },
  page,
};
