// Helpers for the tenants and profiles tests: requests with a bearer token, and organizations.
import type { createTestApp } from './app.ts';
import { bearer } from './identity.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export type Person = { userId: string; email: string; token: string };

export function as(app: TestApp, person: Person) {
  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: bearer(person.token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

export const practiceMetadata = {
  kind: 'coach_practice',
  specialties: ['leadership', 'career'],
  experience_years: 12,
  philosophy: 'Grow by doing.',
  languages: ['en', 'fr'],
  website: 'https://north-star.example',
} as const;

export const companyMetadata = { kind: 'client_company', industry: 'Software', size: '11-50' };

/** Creates an organization through the API; answers its provider id. */
export async function createOrganization(
  app: TestApp,
  person: Person,
  input: { name?: string; metadata?: Record<string, unknown> } = {},
): Promise<string> {
  const response = await as(app, person).post('/api/v1/tenants/create', {
    name: input.name ?? 'North Star Coaching',
    metadata: input.metadata ?? practiceMetadata,
  });
  if (response.statusCode !== 201)
    throw new Error(`create organization: ${response.statusCode} ${response.body}`);
  return response.json().identityOrgId;
}
