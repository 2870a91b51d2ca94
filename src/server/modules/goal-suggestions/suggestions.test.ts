// The discovery questionnaire and the suggestion review queue through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { uploadExtracted } from '../../../../test/support/documents.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { activeRelationship } from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { docx } from '../documents/extraction/test-support/zip-writer.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const wantsToLead = {
  areas: ['leadership'],
  oneYear: 'In a year I want to lead a team of engineers.',
  challenges: 'I struggle to delegate tasks, so I often work late.',
};

async function finishDiscovery(person: Person, answers: object = wantsToLead) {
  const saved = await as(app, person).put('/api/v1/goals/discovery', { answers });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await as(app, person).post('/api/v1/goals/discovery/complete')).statusCode).toBe(200);
  await app.jobs.drain();
  return (await as(app, person).get('/api/v1/goals/suggestions?status=pending')).json().data;
}

describe('the discovery questionnaire', () => {
  it('saves answers as the client goes, merging them, and resumes', async () => {
    const client = await signedInAs(app, 'client');
    expect((await as(app, client).get('/api/v1/goals/discovery')).json()).toEqual({
      answers: {},
      sharedWithCoaches: false,
      completedAt: null,
      updatedAt: null,
    });
    await as(app, client).put('/api/v1/goals/discovery', { answers: { values: 'Honesty' } });
    const second = await as(app, client).put('/api/v1/goals/discovery', {
      answers: { oneYear: 'Leading' },
      sharedWithCoaches: true,
    });
    expect(second.json()).toMatchObject({
      answers: { values: 'Honesty', oneYear: 'Leading' },
      sharedWithCoaches: true,
      completedAt: null,
    });
    const refused = await as(app, client).put('/api/v1/goals/discovery', {
      answers: { areas: ['money'] },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('cannot be finished before it was started', async () => {
    const client = await signedInAs(app, 'client');
    expect((await as(app, client).post('/api/v1/goals/discovery/complete')).statusCode).toBe(404);
  });

  it('is the coach’s to read only when shared, and only in an active relationship', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    const url = `/api/v1/relationships/${relationshipId}/goals/discovery`;
    // Not started, then not shared: the same null, which says nothing of the answers.
    expect((await as(app, coach).get(url)).json()).toBeNull();
    await as(app, client).put('/api/v1/goals/discovery', { answers: { values: 'Craft' } });
    const unshared = await as(app, coach).get(url);
    expect(unshared.statusCode).toBe(200);
    expect(unshared.json()).toBeNull();
    await as(app, client).put('/api/v1/goals/discovery', { answers: {}, sharedWithCoaches: true });
    expect((await as(app, coach).get(url)).json().answers).toEqual({ values: 'Craft' });
    expect((await as(app, await signedInAs(app, 'coach')).get(url)).statusCode).toBe(404);
    await as(app, coach).patch(`/api/v1/relationships/${relationshipId}`, { status: 'paused' });
    expect((await as(app, coach).get(url)).statusCode).toBe(404);
  });
});

describe('goal suggestions', () => {
  it('suggests a leadership goal from the answers, with reasoning quoting them', async () => {
    const client = await signedInAs(app, 'client');
    const suggestions = await finishDiscovery(client);
    const delegation = suggestions.find((suggestion: { title: string }) =>
      suggestion.title.startsWith('Delegate'),
    );
    expect(delegation).toMatchObject({
      status: 'pending',
      area: 'leadership',
      generator: 'offline-templates',
      keyResults: expect.arrayContaining([
        expect.objectContaining({ title: 'Tasks delegated each week', targetValue: 5 }),
      ]),
    });
    expect(delegation.reasoning).toContain('I struggle to delegate tasks');
    expect(delegation.sources[0]).toMatchObject({ kind: 'answer', question: 'challenges' });
  });

  it('reads the client’s documents too, citing the document and span', async () => {
    const client = await signedInAs(app, 'client');
    const review = await uploadExtracted(app, client, {
      file: docx([
        'Annual review.',
        'My manager says I should work on public speaking before the next promotion round.',
        'I get nervous before every presentation.',
      ]),
      filename: 'review.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const suggestions = await finishDiscovery(client, { values: 'Growth' });
    const speaking = suggestions.find((suggestion: { title: string }) =>
      suggestion.title.startsWith('Speak'),
    );
    expect(speaking?.sources).toContainEqual(
      expect.objectContaining({ kind: 'document', documentId: review.id }),
    );
  });

  it('does not pile up copies when generated again, and supersedes what no longer fits', async () => {
    const client = await signedInAs(app, 'client');
    const first = await finishDiscovery(client);
    const again = await finishDiscovery(client);
    expect(again.map((s: { id: string }) => s.id).sort()).toEqual(
      first.map((s: { id: string }) => s.id).sort(),
    );
    await as(app, client).put('/api/v1/goals/discovery', {
      answers: { oneYear: 'Exercise at the gym three times a week.', challenges: '', areas: [] },
    });
    expect((await as(app, client).post('/api/v1/goals/suggestions/generate')).statusCode).toBe(202);
    await app.jobs.drain();
    const all = (await as(app, client).get('/api/v1/goals/suggestions')).json().data;
    const delegation = all.find((s: { title: string }) => s.title.startsWith('Delegate'));
    expect(delegation.status).toBe('superseded');
    expect(all.filter((s: { status: string }) => s.status === 'pending').length).toBeGreaterThan(0);
  });

  it('accepts a suggestion as a goal (edited), once; dismisses another for good', async () => {
    const client = await signedInAs(app, 'client');
    const [first, second] = await finishDiscovery(client);
    const accepted = await as(app, client).post(`/api/v1/goals/suggestions/${first.id}/accept`, {
      edits: { title: 'My own words', visibility: 'shared' },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().suggestion).toMatchObject({
      status: 'edited_accepted',
      goalId: accepted.json().goal.id,
    });
    expect(accepted.json().goal).toMatchObject({
      title: 'My own words',
      source: 'suggestion',
      status: 'not_started',
      visibility: 'shared',
      // What the edits left out stays as suggested.
      keyResults: first.keyResults.map((keyResult: { title: string }) =>
        expect.objectContaining({ title: keyResult.title }),
      ),
      milestones: first.milestones.map((title: string) => expect.objectContaining({ title })),
    });
    const twice = await as(app, client).post(`/api/v1/goals/suggestions/${first.id}/accept`, {});
    expect(twice.statusCode).toBe(409);

    const dismissed = await as(app, client).post(`/api/v1/goals/suggestions/${second.id}/dismiss`);
    expect(dismissed.json().status).toBe('dismissed');
    const regenerated = await finishDiscovery(client);
    expect(regenerated.map((s: { title: string }) => s.title)).not.toContain(second.title);
    expect(regenerated.map((s: { title: string }) => s.title)).not.toContain(first.title);
  });

  it('accepts as suggested, shared by default when the session setting says so', async () => {
    const client = await signedInAs(app, 'client');
    await as(app, client).put('/api/v1/member/session-settings/', { auto_send_context: true });
    const [suggestion] = await finishDiscovery(client);
    const accepted = await as(app, client).post(
      `/api/v1/goals/suggestions/${suggestion.id}/accept`,
      {},
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().suggestion.status).toBe('accepted');
    expect(accepted.json().goal).toMatchObject({
      title: suggestion.title,
      visibility: 'shared',
      keyResults: suggestion.keyResults.map((keyResult: { title: string }) =>
        expect.objectContaining({ title: keyResult.title }),
      ),
    });
  });

  it('answers 404 for another client’s suggestion and 403 to a coach', async () => {
    const owner = await signedInAs(app, 'client');
    const [suggestion] = await finishDiscovery(owner);
    const other = await signedInAs(app, 'client');
    const coach = await signedInAs(app, 'coach');
    const url = `/api/v1/goals/suggestions/${suggestion.id}`;
    expect((await as(app, other).post(`${url}/accept`, {})).statusCode).toBe(404);
    expect((await as(app, other).post(`${url}/dismiss`)).statusCode).toBe(404);
    expect((await as(app, other).get('/api/v1/goals/suggestions')).json().data).toEqual([]);
    expect((await as(app, coach).get('/api/v1/goals/suggestions')).statusCode).toBe(403);
  });
});
