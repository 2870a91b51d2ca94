import { type APIResponse, expect, type Page } from '@playwright/test';

/** Calls the API as the browser's signed-in person (the bearer token from their session). */
export async function api(page: Page) {
  const answer = await page.request.get('/api/auth/token');
  expect(answer.ok()).toBe(true);
  const { token } = (await answer.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (path: string) => page.request.get(path, { headers }),
    post: (path: string, data: object) => page.request.post(path, { headers, data }),
    patch: (path: string, data: object) => page.request.patch(path, { headers, data }),
  };
}

export async function json<T>(answer: APIResponse): Promise<T> {
  expect(answer.ok(), await answer.text()).toBe(true);
  return (await answer.json()) as T;
}

/**
 * The demo data has no coaching between the demo coach and client: the coach gets a listed
 * practice, the client asks, the coach accepts (all through the API: relationships.spec.ts walks
 * through it in the browser). Done once; later calls find it active.
 */
export async function connect(coach: Page, client: Page) {
  const asCoach = await api(coach);
  const asClient = await api(client);
  type Relationship = { id: string; status: string; coach: { identityUserId: string | null } };
  const { id: coachId } = await json<{ id: string }>(await asCoach.get('/api/v1/users/me'));
  const mine = await json<{ data: Relationship[] }>(
    await asClient.get('/api/v1/member/coaching-relationships/'),
  );
  const existing = mine.data.find((one) => one.coach.identityUserId === coachId);
  if (existing?.status === 'active') return;

  const practice = await asCoach.post('/api/v1/profiles/coach', {
    profile: { firstName: 'Ada', lastName: 'Coach', headline: 'Career coach' },
    practice: {
      name: 'Ada Coaching',
      specialties: ['Leadership'],
      experience_years: 9,
      philosophy: 'Small steps, written down.',
      listed: true,
    },
  });
  // 409: the practice is there already.
  expect([201, 409], await practice.text()).toContain(practice.status());
  const request = await json<Relationship>(
    await asClient.post('/api/v1/relationships/request', { coachUserId: coachId }),
  );
  const accepted = await json<Relationship>(
    await asCoach.post(`/api/v1/relationships/${request.id}/respond`, { accept: true }),
  );
  expect(accepted.status).toBe('active');
}
