// What `npm run bench` measures. Each capability adds its hot paths here.
import type { BenchSession } from './session.ts';

export type Scenario = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
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
];
