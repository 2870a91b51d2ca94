// What `npm run bench` measures. Each capability adds its hot paths here, and to bench/raw.ts the
// same SQL done by hand, so that the bench prints what our own code costs beside it.
import { randomUUID } from 'node:crypto';
import type { BenchSession } from './session.ts';
import { describeHostile, keepHostileExtracting, reportUploadBody } from './upload.ts';

export type Scenario = {
  /** Short, for the table and for `BENCH_SCENARIOS`. */
  id: string;
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Called for every request, so that each can differ (e.g. a new email each time). */
  body?: () => unknown;
  /** Called for every request (`index` counts them), so that each may carry another token. */
  headers?: (session: BenchSession, index: number) => Record<string, string>;
  /** bench/raw.ts answers the same request with the same SQL: the run prints the ratio to it. */
  baseline?: boolean;
  /** Needs `session.coldTokens` (PostgreSQL only: they are written straight into the database). */
  cold?: boolean;
  /** Needs rows written straight into the database first (PostgreSQL only). */
  seeded?: 'relationships' | 'goals';
  /** The same bytes for every request (a file upload), built once: sent as they are. */
  binary?: () => { body: Buffer; contentType: string };
  /** Connection counts for this scenario instead of `BENCH_CONNECTIONS`. */
  connections?: number[];
  /**
   * Load kept up beside the scenario on the server for as long as it runs, both sides' rounds
   * included, so the machine is the same for both (PostgreSQL only: it may reach into the bench
   * database); `stop` says what it did.
   */
  during?: (input: { url: string; session: BenchSession; databaseUrl: string }) => {
    stop(): Promise<string>;
  };
};

const asAdmin = (session: BenchSession) => ({ authorization: `Bearer ${session.adminToken}` });

export const scenarios: Scenario[] = [
  { id: 'healthz', name: 'liveness', method: 'GET', path: '/healthz' },
  {
    id: 'readyz',
    name: 'readiness (one database round trip)',
    method: 'GET',
    path: '/readyz',
  },
  {
    id: 'me',
    name: 'the signed-in user (token verification, cached session and role, one user read)',
    method: 'GET',
    path: '/api/v1/users/me',
    headers: asAdmin,
    baseline: true,
  },
  {
    id: 'me-cold',
    name: 'the signed-in user, every token another user and session (caches always miss)',
    method: 'GET',
    path: '/api/v1/users/me',
    headers: (session, index) => ({
      authorization: `Bearer ${session.coldTokens[index % session.coldTokens.length]}`,
    }),
    baseline: true,
    cold: true,
  },
  {
    id: 'join',
    name: 'joining the waitlist (a new email each time; rate limits off)',
    method: 'POST',
    path: '/api/v1/waitlist',
    body: () => ({
      email: `bench.${randomUUID()}@example.com`,
      role: 'coach',
      name: 'Bench Person',
    }),
    baseline: true,
  },
  {
    id: 'admin-list',
    name: 'the admin waitlist, first page of the seeded registry',
    method: 'GET',
    path: '/api/v1/admin/waitlist?status=approved&pageSize=50',
    headers: asAdmin,
    baseline: true,
  },
  {
    id: 'admin-search',
    name: 'the admin waitlist, searched by email',
    method: 'GET',
    path: '/api/v1/admin/waitlist?query=seed.4242&pageSize=50',
    headers: asAdmin,
    baseline: true,
  },
  {
    id: 'tenants',
    name: "the admin's organizations (20), from the database (sync_from_clerk=false)",
    method: 'GET',
    path: '/api/v1/tenants/me/get-tenants?sync_from_clerk=false',
    headers: asAdmin,
    baseline: true,
  },
  {
    id: 'tenants-sync',
    name: "the admin's organizations (20), synced from the embedded provider first",
    method: 'GET',
    path: '/api/v1/tenants/me/get-tenants?sync_from_clerk=true',
    headers: asAdmin,
    baseline: true,
  },
  {
    id: 'relationships',
    name: "a coach's client list, first page (500 clients, 10,000 relationships in the database)",
    method: 'GET',
    path: '/api/v1/relationships/coach?pageSize=20',
    headers: asAdmin,
    baseline: true,
    seeded: 'relationships',
  },
  {
    id: 'goals',
    name: "a client's goals with progress and momentum (50 goals, 20 check-ins each)",
    method: 'GET',
    path: '/api/v1/goals',
    headers: (session) => ({ authorization: `Bearer ${session.goalsToken}` }),
    baseline: true,
    seeded: 'goals',
  },
  {
    id: 'upload',
    name: 'uploading a 1 MiB PDF (multipart/form-data), while the server extracts PDF bombs',
    method: 'POST',
    path: '/api/v1/documents',
    headers: asAdmin,
    binary: reportUploadBody,
    // Each upload is 1 MiB on the wire and queues an extraction: 10 connections saturate the
    // machine already, and a second count would add minutes to the default run for little.
    connections: (process.env.BENCH_UPLOAD_CONNECTIONS ?? '10').split(',').map(Number),
    during: (input) => {
      const hostile = keepHostileExtracting(input);
      return { stop: async () => describeHostile(await hostile.stop()) };
    },
    baseline: true,
  },
];
