// What `npm run bench` measures. Each capability adds its hot paths here.
import { randomUUID } from 'node:crypto';
import type { BenchSession } from './session.ts';

export type Scenario = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Called for every request, so that each can differ (e.g. a new email each time). */
  body?: () => unknown;
  headers?: (session: BenchSession) => Record<string, string>;
};

const asAdmin = (session: BenchSession) => ({ authorization: `Bearer ${session.adminToken}` });

export const scenarios: Scenario[] = [
  { name: 'liveness', method: 'GET', path: '/healthz' },
  { name: 'readiness (one database round trip)', method: 'GET', path: '/readyz' },
  {
    name: 'the signed-in user (token verification, cached role, one user read)',
    method: 'GET',
    path: '/api/v1/users/me',
    headers: asAdmin,
  },
  {
    name: 'joining the waitlist (a new email each time; rate limits off)',
    method: 'POST',
    path: '/api/v1/waitlist',
    body: () => ({
      email: `bench.${randomUUID()}@example.com`,
      role: 'coach',
      name: 'Bench Person',
    }),
  },
  {
    name: 'the admin waitlist, first page, over the seeded registry',
    method: 'GET',
    path: '/api/v1/admin/waitlist?status=pending&pageSize=50',
    headers: asAdmin,
  },
  {
    name: 'the admin waitlist, searched by email',
    method: 'GET',
    path: '/api/v1/admin/waitlist?query=seed.4242&pageSize=50',
    headers: asAdmin,
  },
];
