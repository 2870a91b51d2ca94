// What `npm run bench` measures. Each later capability adds its hot paths here.
export type Scenario = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
};

export const scenarios: Scenario[] = [
  { name: 'liveness', method: 'GET', path: '/healthz' },
  { name: 'readiness (one database round trip)', method: 'GET', path: '/readyz' },
];
