// AI privacy decides which generator may read a client's data: none, the offline one, or the
// external AI service. The service is a stub HTTP server started here (never the network).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import { activeRelationship } from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';

type Exchange = { body: { model: string; messages: { role: string; content: string }[] } };
let stub: Server;
const received: Exchange[] = [];
let nextAnswer: unknown;

const goodAnswer = {
  suggestions: [
    {
      title: 'Build a delegation habit',
      description: 'Hand over one recurring task a week.',
      area: 'leadership',
      keyResults: [{ title: 'Tasks handed over', startValue: 0, targetValue: 6, unit: 'tasks' }],
      milestones: ['Pick the first task'],
      reasoning: 'You say you struggle to delegate.',
      source: { question: 'challenges', quote: 'I struggle to delegate tasks' },
    },
  ],
};

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  stub = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      received.push({ body: JSON.parse(text) });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ choices: [{ message: { content: nextAnswer } }] }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const { port } = stub.address() as AddressInfo;
  app = await createTestApp({
    ai: { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'stub-key', model: 'stub-model' },
  });
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => stub.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  nextAnswer = JSON.stringify(goodAnswer);
});

const answers = {
  oneYear: 'In a year I want to lead a team of engineers.',
  challenges: 'I struggle to delegate tasks, so I often work late.',
};

async function generate(client: Person) {
  await as(app, client).put('/api/v1/goals/discovery', { answers });
  await as(app, client).post('/api/v1/goals/discovery/complete');
  await app.jobs.drain();
  return (await as(app, client).get('/api/v1/goals/suggestions')).json();
}

async function setLevel(person: Person, relationshipId: string, level: string) {
  const response = await as(app, person).put(`/api/v1/relationships/${relationshipId}/ai-privacy`, {
    level,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('AI privacy', () => {
  it('is set by each side for itself; the lower level is the effective one', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    const url = `/api/v1/relationships/${relationshipId}/ai-privacy`;
    expect((await as(app, client).get(url)).json()).toEqual({
      coach: 'local_only',
      client: 'local_only',
      effective: 'local_only',
    });
    expect(await setLevel(client, relationshipId, 'external')).toEqual({
      coach: 'local_only',
      client: 'external',
      effective: 'local_only',
    });
    expect(await setLevel(coach, relationshipId, 'none')).toMatchObject({ effective: 'none' });
    expect((await as(app, client).put(url, { level: 'everything' })).statusCode).toBe(400);
    const stranger = await signedInAs(app, 'client');
    expect((await as(app, stranger).get(url)).statusCode).toBe(404);
    expect((await as(app, stranger).put(url, { level: 'none' })).statusCode).toBe(404);
  });

  it('at none, generates nothing from the client’s data and says why', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    await setLevel(coach, relationshipId, 'none');
    const result = await generate(client);
    expect(result.data).toEqual([]);
    expect(result.lastRun).toMatchObject({ status: 'skipped', suggestionCount: 0 });
    expect(result.lastRun.reason).toMatch(/none/);
    expect(received).toEqual([]);
  });

  it('at local_only, never calls the AI service: the offline generator answers', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    await setLevel(coach, relationshipId, 'external');
    const result = await generate(client);
    expect(received).toEqual([]);
    expect(result.lastRun).toMatchObject({ status: 'succeeded', generator: 'offline-templates' });
    expect(result.data.length).toBeGreaterThan(0);
  });

  it('at external on both sides, asks the AI service and keeps its checked suggestions', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    await setLevel(coach, relationshipId, 'external');
    await setLevel(client, relationshipId, 'external');
    const result = await generate(client);
    expect(received).toHaveLength(1);
    expect(received[0]?.body.model).toBe('stub-model');
    expect(received[0]?.body.messages[1]?.content).toContain('I struggle to delegate tasks');
    expect(result.lastRun).toMatchObject({ status: 'succeeded', generator: 'external-chat' });
    expect(result.data).toEqual([
      expect.objectContaining({
        title: 'Build a delegation habit',
        generator: 'external-chat',
        generatorVersion: 'stub-model',
        sources: [
          {
            kind: 'answer',
            question: 'challenges',
            start: 0,
            end: 'I struggle to delegate tasks'.length,
            excerpt: 'I struggle to delegate tasks',
          },
        ],
      }),
    ]);
    // Regenerating refreshes the same suggestion instead of adding a copy.
    await as(app, client).post('/api/v1/goals/suggestions/generate');
    await app.jobs.drain();
    expect((await as(app, client).get('/api/v1/goals/suggestions')).json().data).toHaveLength(1);
  });

  it('refuses malformed output: the run fails with a reason and nothing is stored', async () => {
    const { coach, client, relationshipId } = await activeRelationship(app);
    await setLevel(coach, relationshipId, 'external');
    await setLevel(client, relationshipId, 'external');
    for (const answer of [
      'not json',
      JSON.stringify({ suggestions: [{ title: 'Half a goal' }] }),
      JSON.stringify({ suggestions: [{ ...goodAnswer.suggestions[0], area: 'money' }] }),
    ]) {
      nextAnswer = answer;
      const result = await generate(client);
      expect(result.data).toEqual([]);
      expect(result.lastRun.status).toBe('failed');
      expect(result.lastRun.reason).toMatch(/AI service/);
    }
  });
});
