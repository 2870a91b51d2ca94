/**
 * Every operation of the OpenAPI document, with hostile values in every parameter (path, query and
 * each body property, nested ones too), sent as an admin (so the guards let it reach the handler)
 * and without a token. No answer may be a 5xx; every 4xx has the API error shape, its request id,
 * no internals, and is never the database's refusal (`invalid_value`: an input schema should have
 * refused the value first). Then the embedded provider's endpoints, which are not in the document:
 * no 5xx.
 *
 * Deterministic and bounded: a fixed catalogue, one hostile value at a time with everything else
 * valid (the caller a route is for gets every variant, the other one every eighth), then fast-check
 * combinations from a fixed seed, 40 per operation, without shrinking (each run is a request).
 *
 * Operations come from the document, so a new route is fuzzed without touching this file. If its
 * base request (generated from its schemas) cannot succeed, the test says so: give the parameter a
 * value in KNOWN_VALUES, the body in KNOWN_BODIES, or a shape the document leaves open in OPEN_SHAPES.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/contract/errors.ts';
import { multipartBody, pdfOf } from '../support/documents.ts';
import { bearer, signedInAs, signUpAndVerify, uniqueClientAddress } from '../support/identity.ts';
import { createWaitlistTestApp } from '../support/waitlist-app.ts';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
};
type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
};
type OperationObject = {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** A JSON literal written as is into the body text: what JSON.stringify cannot produce. */
class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
type Value = unknown;

const NUL = '\u0000';
const deepArray = (depth: number) => new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number) => new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Strings every parameter gets: control characters, sizes, Unicode, paths, injections. */
const COMMON_STRINGS: string[] = [
  NUL,
  `a${NUL}b`,
  '%00',
  '\u0001\u001f\u007f\u0085\u009f',
  '\t\r\n',
  ' ',
  '',
  'x'.repeat(100_000),
  '\u202Egpj.exe',
  '\u200F\u200E\u2066\u2069',
  '😀'.repeat(70),
  '\ud800',
  'a\udfffb',
  '\uFEFF\uFFFF\uFFFE',
  'İSTANBUL',
  '../../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  "' OR '1'='1",
  '%_\\',
  'abc\\',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, literally.
  '${jndi:ldap://example.com/a}',
  '<script>alert(1)</script>',
  '-1',
  '1e309',
  'NaN',
  'null',
  '{}',
  '__proto__',
  '0000-01-01T00:00:00Z',
  'not-a-uuid',
  'ADMIN',
  'ada@example.com\r\nBcc: eve@example.com',
];

/** More, for parameters of one kind (by format, type or name). */
const KIND_STRINGS: Record<'number' | 'date' | 'id' | 'email', string[]> = {
  number: [
    '0',
    '-0',
    '1.5',
    'Infinity',
    '-1e309',
    '9007199254740993',
    '-9007199254740993',
    '1e3',
    '0x1F',
    ' 1',
    '1_000',
    'true',
    '[]',
  ],
  date: [
    '0000-01-01',
    '99999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '2024-02-30T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '9999-12-31T23:59:59-12:00',
    '2024-01-01T00:00:00.1234567890123Z',
    '2024-01-01T00:00:00+99:00',
    'infinity',
    'epoch',
    'allballs',
    'now',
  ],
  id: [
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '{12345678-1234-1234-1234-123456789abc}',
    '12345678123412341234123456789abc',
    '2f0c5a3e-9b1d-4c55-8a55-0a4fd1b7d00',
    'user_1',
    'x'.repeat(129),
    '.',
    '..',
    'a/b',
  ],
  email: [
    `fuzz${NUL}@example.com`,
    `fuzz@example.com${NUL}`,
    `${'é'.repeat(300)}@example.com`,
    `${'a'.repeat(250)}@example.com`,
    'a@b',
    '@example.com',
    'user@[127.0.0.1]',
    'Ada <ada@example.com>',
    'FUZZ.SEED@EXAMPLE.COM',
    'fuzz.seed@example.com.',
    '"quoted"@example.com',
  ],
};

function kindOf(schema: JsonSchema, name: string): keyof typeof KIND_STRINGS | undefined {
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number') return 'number';
  if (schema.format === 'date-time' || /At$|^from$|^until$/.test(name)) return 'date';
  if (schema.format === 'email' || /email|^to$/i.test(name)) return 'email';
  if (schema.format === 'uuid' || /id$|ids$/i.test(name)) return 'id';
  return undefined;
}

function hostileStringsFor(schema: JsonSchema, name: string): string[] {
  const kind = kindOf(resolve(schema), name);
  return kind ? [...COMMON_STRINGS, ...KIND_STRINGS[kind]] : COMMON_STRINGS;
}

/** Values of other JSON types, for body properties. */
const HOSTILE_JSON: Value[] = [
  -1,
  0,
  1.5,
  new Raw('-0'),
  new Raw('1e309'),
  new Raw('-1e309'),
  new Raw('1e-400'),
  new Raw('9007199254740993'),
  new Raw('123456789012345678901234567890'),
  true,
  null,
  [],
  {},
  [null],
  { $gt: '' },
  { __proto__: null, constructor: { prototype: { polluted: true } } },
  new Raw('{"__proto__":{"polluted":true}}'),
  Array.from({ length: 600 }, (_, index) => `fuzz.${index}@example.com`),
  deepArray(500),
  deepObject(500),
];

/** Percent-encoded forms that only make sense in a URL. */
const RAW_URL_PARTS = [
  '%00',
  '%',
  '%zz',
  '..%2F..%2F',
  '%2e%2e',
  '%C0%AE',
  '%ED%A0%80',
  '%FF',
  '%E2%80%AE',
];

const CONTENT_TYPES = [
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
];

const BODIES_OF_EVERY_SHAPE = [
  new Raw('null'),
  new Raw('[]'),
  new Raw('"text"'),
  new Raw('0'),
  new Raw('{}'),
  new Raw('{"a":'),
  new Raw('\uFEFF{}'),
  deepArray(5_000),
  deepObject(5_000),
  deepArray(12_000),
];

// ---------------------------------------------------------------------------------------------
// The app, with a few things to act on: a user who is not the admin, a waitlist entry, an
// approved email, and the registry's backup.

const { app, admin, asAdmin } = await createWaitlistTestApp();
afterAll(() => app.close());

const victimEmail = 'fuzz.victim@example.com';
await asAdmin('POST', '/api/v1/admin/approved-users', { email: victimEmail, role: 'client' });
const victim = await signUpAndVerify(app, { email: victimEmail });
const seededEmail = 'fuzz.seed@example.com';
const approvedEmail = 'fuzz.approved@example.com';
await app.inject({
  method: 'POST',
  url: '/api/v1/waitlist',
  remoteAddress: uniqueClientAddress(),
  payload: { email: seededEmail, role: 'coach', name: 'Fuzz Seed', note: 'hello' },
});
await asAdmin('POST', '/api/v1/admin/approved-users', { email: approvedEmail, role: 'client' });
const seededId: string = (
  await asAdmin('GET', `/api/v1/admin/waitlist?query=${encodeURIComponent(seededEmail)}`)
).json().data[0].id;
const backup = (await asAdmin('GET', '/api/v1/admin/approved-users/backup')).json();

// Organizations and profiles (issue 7): an organization the admin runs with the victim in it, a
// pending invitation of it, two invitations to the admin (one to accept, one to decline), the
// admin's profile, and a coach, a client and a user without a profile for the onboarding routes.
const practiceMetadata = {
  kind: 'coach_practice',
  specialties: ['fuzz'],
  experience_years: 1,
  philosophy: 'Fuzz',
};
const fuzzOrgId: string = (
  await asAdmin('POST', '/api/v1/tenants/create', {
    name: 'Fuzz Practice',
    metadata: practiceMetadata,
  })
).json().identityOrgId;
await app.identity.provider.organizations.addMember({
  organizationId: fuzzOrgId,
  userId: victim.userId,
  role: 'member',
});
const pendingInvitationId: string = (
  await asAdmin('POST', `/api/v1/tenants/${fuzzOrgId}/invitations`, {
    email: 'fuzz.invitee@example.com',
  })
).json().id;
async function invitationToAdmin(name: string): Promise<string> {
  const organization = await app.identity.provider.organizations.create({
    name,
    createdBy: victim.userId,
    publicMetadata: { kind: 'client_company', industry: 'Fuzz', size: '1-10' },
  });
  const invitation = await app.identity.provider.organizationInvitations.create({
    organizationId: organization.id,
    emailAddress: admin.email,
    role: 'member',
    inviterUserId: victim.userId,
  });
  return invitation.id;
}
const invitationToAccept = await invitationToAdmin('Fuzz Accepting Co');
const invitationToDecline = await invitationToAdmin('Fuzz Declining Co');
await asAdmin('POST', '/api/v1/users/me/profile', { firstName: 'Fuzz', lastName: 'Admin' });
async function approvedPerson(role: 'coach' | 'client', label: string) {
  const email = `fuzz.${label}@example.com`;
  await asAdmin('POST', '/api/v1/admin/approved-users', { email, role });
  return signedInAs(app, role, { email });
}
const onboardingCoach = await approvedPerson('coach', 'coach');
const onboardingClient = await approvedPerson('client', 'client');
const profileMaker = await approvedPerson('client', 'profile.maker');

// Relationships and coaching interest (issue 8): a coach with a listed practice, clients with a
// pending request, an active relationship and a pending invitation, and two interest submissions.
const relationshipCoach = await approvedPerson('coach', 'rel.coach');
await app.inject({
  method: 'POST',
  url: '/api/v1/profiles/coach',
  headers: bearer(relationshipCoach.token),
  payload: {
    profile: { firstName: 'Fuzz', lastName: 'Coach' },
    practice: { name: 'Fuzz Listed', ...practiceMetadata, listed: true },
  },
});
const [requester, requesterToRespond, activeClient] = await Promise.all([
  approvedPerson('client', 'rel.requester'),
  approvedPerson('client', 'rel.pending'),
  approvedPerson('client', 'rel.active'),
]);
async function relationshipAs(person: { token: string }, url: string, payload: object) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: bearer(person.token),
    payload,
  });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
  return response.json().id as string;
}
const pendingRequestId = await relationshipAs(requesterToRespond, '/api/v1/relationships/request', {
  coachUserId: relationshipCoach.userId,
});
const activeRelationshipId = await relationshipAs(activeClient, '/api/v1/relationships/request', {
  coachUserId: relationshipCoach.userId,
});
await relationshipAs(relationshipCoach, `/api/v1/relationships/${activeRelationshipId}/respond`, {
  accept: true,
});
const invitationToRevokeId = await relationshipAs(
  relationshipCoach,
  '/api/v1/relationships/invite',
  { email: 'fuzz.rel.invitee@example.com' },
);
const interestBody = { goals: 'Fuzz', focusAreas: ['fuzz'], preferredFormat: 'video' };
const interestToTriage = await relationshipAs(
  requester,
  '/api/v1/member/coaching-interest/',
  interestBody,
);
const interestToMatch = await relationshipAs(
  victim,
  '/api/v1/member/coaching-interest/',
  interestBody,
);

// Documents (issue 9): the admin's own documents (one to delete), and a client's shared document
// that their coach reads through an active relationship of its own (the one above gets paused).
const documentsClient = await approvedPerson('client', 'doc.client');
const documentsRelationshipId = await relationshipAs(
  documentsClient,
  '/api/v1/relationships/request',
  { coachUserId: relationshipCoach.userId },
);
await relationshipAs(
  relationshipCoach,
  `/api/v1/relationships/${documentsRelationshipId}/respond`,
  {
    accept: true,
  },
);
const uploadForm = await multipartBody([
  { name: 'category', value: 'reflection' },
  { name: 'sharedWithCoaches', value: 'true' },
  { name: 'file', file: pdfOf('Fuzz reflection'), filename: 'fuzz.pdf', type: 'application/pdf' },
]);
async function uploadedBy(person: { token: string }): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { ...bearer(person.token), ...uploadForm.headers },
    payload: uploadForm.payload,
  });
  if (response.statusCode !== 201) throw new Error(`upload: ${response.body}`);
  return response.json().id as string;
}
const adminDocumentId = await uploadedBy(admin);
const documentToDeleteId = await uploadedBy(admin);
const sharedDocumentId = await uploadedBy(documentsClient);
await app.jobs.drain();
// Goals (issue 10): a shared goal of that same client, which their coach reads and comments on.
const sharedGoalId: string = (
  await app.inject({
    method: 'POST',
    url: '/api/v1/goals',
    headers: bearer(documentsClient.token),
    payload: { title: 'Fuzz goal', area: 'skills', visibility: 'shared' },
  })
).json().id;
// Goal suggestions: a client of their own (the questionnaire routes rewrite the other's answers,
// and generating again would supersede these) finishes the questionnaire, for suggestions to
// accept and dismiss; the other shares theirs with the coach.
const suggestionsClient = await approvedPerson('client', 'suggestions');
async function asClient(
  person: { token: string },
  method: 'POST' | 'PUT',
  url: string,
  payload: object,
) {
  const response = await app.inject({ method, url, headers: bearer(person.token), payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
}
await asClient(documentsClient, 'PUT', '/api/v1/goals/discovery', {
  answers: { values: 'Fuzz' },
  sharedWithCoaches: true,
});
await asClient(suggestionsClient, 'PUT', '/api/v1/goals/discovery', {
  answers: {
    oneYear: 'I want to lead a team and delegate more.',
    challenges: 'I work late, close to burnout, and avoid public speaking.',
  },
});
await asClient(suggestionsClient, 'POST', '/api/v1/goals/discovery/complete', {});
await app.jobs.drain();
const [suggestionToAccept, suggestionToDismiss] = (
  await app.inject({
    method: 'GET',
    url: '/api/v1/goals/suggestions?status=pending',
    headers: bearer(suggestionsClient.token),
  })
).json().data as { id: string }[];
/** Operations whose body is multipart/form-data, which the document does not describe: theirs. */
const MULTIPART_BODIES: Record<string, typeof uploadForm> = {
  'POST /api/v1/documents': uploadForm,
};

const document: OpenApiDocument = (
  await app.inject({ method: 'GET', url: '/api/openapi.json' })
).json();

/** In a body, replaced by a new address on every request: no conflicts, no per-email limits. */
const UNIQUE_EMAIL = 'fuzz.unique@example.com';
let sequence = 0;

/** Values that make a request succeed where a generated one could not, by parameter name. */
const KNOWN_VALUES: Record<string, Value> = {
  userId: victim.userId,
  email: approvedEmail,
  emails: [seededEmail],
  ids: [seededId],
  identityOrgId: fuzzOrgId,
  identityUserId: admin.userId,
};
/** Where one parameter name needs another value in one operation (each invitation acts once). */
const KNOWN_VALUES_BY_OPERATION: Record<string, Record<string, Value>> = {
  'POST /api/v1/tenants/{identityOrgId}/invitations/{invitationId}/revoke': {
    invitationId: pendingInvitationId,
  },
  'GET /api/v1/invitations/{invitationId}': { invitationId: invitationToAccept },
  'POST /api/v1/invitations/{invitationId}/accept': { invitationId: invitationToAccept },
  'POST /api/v1/invitations/{invitationId}/decline': { invitationId: invitationToDecline },
  'POST /api/v1/relationships/{id}/respond': { id: pendingRequestId },
  'POST /api/v1/relationships/{id}/revoke': { id: invitationToRevokeId },
  'PATCH /api/v1/relationships/{id}': { id: activeRelationshipId },
  'GET /api/v1/relationships/{id}': { id: activeRelationshipId },
  'GET /api/v1/admin/coaching-interest/{id}': { id: interestToTriage },
  'PATCH /api/v1/admin/coaching-interest/{id}': { id: interestToTriage },
  'POST /api/v1/admin/coaching-interest/{id}/match': { id: interestToMatch },
  'GET /api/v1/documents/{id}': { id: adminDocumentId },
  'GET /api/v1/documents/{id}/text': { id: adminDocumentId },
  'GET /api/v1/documents/{id}/download': { id: adminDocumentId },
  'PATCH /api/v1/documents/{id}': { id: adminDocumentId },
  'DELETE /api/v1/documents/{id}': { id: documentToDeleteId },
  'GET /api/v1/relationships/{id}/documents': { id: documentsRelationshipId },
  'GET /api/v1/relationships/{id}/documents/{documentId}': {
    id: documentsRelationshipId,
    documentId: sharedDocumentId,
  },
  'GET /api/v1/relationships/{id}/documents/{documentId}/text': {
    id: documentsRelationshipId,
    documentId: sharedDocumentId,
  },
  'GET /api/v1/relationships/{id}/documents/{documentId}/download': {
    id: documentsRelationshipId,
    documentId: sharedDocumentId,
  },
  'GET /api/v1/goals/{id}': { id: sharedGoalId },
  'PATCH /api/v1/goals/{id}': { id: sharedGoalId },
  'POST /api/v1/goals/{id}/check-ins': { id: sharedGoalId },
  'GET /api/v1/goals/{id}/check-ins': { id: sharedGoalId },
  'GET /api/v1/goals/{id}/comments': { id: sharedGoalId },
  'POST /api/v1/goals/{id}/comments': { id: sharedGoalId },
  'GET /api/v1/relationships/{id}/goals': { id: documentsRelationshipId },
  'POST /api/v1/relationships/{id}/goals': { id: documentsRelationshipId },
  'GET /api/v1/relationships/{id}/goals/{goalId}': {
    id: documentsRelationshipId,
    goalId: sharedGoalId,
  },
  'POST /api/v1/goals/suggestions/{id}/accept': { id: suggestionToAccept?.id ?? '' },
  'POST /api/v1/goals/suggestions/{id}/dismiss': { id: suggestionToDismiss?.id ?? '' },
  'GET /api/v1/relationships/{id}/goals/discovery': { id: documentsRelationshipId },
  'GET /api/v1/relationships/{id}/ai-privacy': { id: documentsRelationshipId },
  'PUT /api/v1/relationships/{id}/ai-privacy': { id: documentsRelationshipId },
  'GET /api/v1/relationships/{id}/goals/{goalId}/check-ins': {
    id: documentsRelationshipId,
    goalId: sharedGoalId,
  },
  'GET /api/v1/relationships/{id}/goals/{goalId}/comments': {
    id: documentsRelationshipId,
    goalId: sharedGoalId,
  },
  'POST /api/v1/relationships/{id}/goals/{goalId}/comments': {
    id: documentsRelationshipId,
    goalId: sharedGoalId,
  },
};
/** Routes for another role than the admin's: whose token the full catalogue is sent with. */
const CALLER_BY_OPERATION: Record<string, { token: string }> = {
  'POST /api/v1/profiles/coach': onboardingCoach,
  'POST /api/v1/profiles/client': onboardingClient,
  // The admin has a profile already: creating one is for someone who has none (once).
  'POST /api/v1/users/me/profile': profileMaker,
  'POST /api/v1/relationships/invite': relationshipCoach,
  'POST /api/v1/relationships/request': requester,
  'POST /api/v1/relationships/{id}/respond': relationshipCoach,
  'POST /api/v1/relationships/{id}/revoke': relationshipCoach,
  'PATCH /api/v1/relationships/{id}': relationshipCoach,
  'GET /api/v1/relationships/{id}/documents': relationshipCoach,
  'GET /api/v1/relationships/{id}/documents/{documentId}': relationshipCoach,
  'GET /api/v1/relationships/{id}/documents/{documentId}/text': relationshipCoach,
  'GET /api/v1/relationships/{id}/documents/{documentId}/download': relationshipCoach,
  'GET /api/v1/goals/{id}': documentsClient,
  'PATCH /api/v1/goals/{id}': documentsClient,
  'POST /api/v1/goals/{id}/check-ins': documentsClient,
  'GET /api/v1/goals/{id}/check-ins': documentsClient,
  'GET /api/v1/goals/{id}/comments': documentsClient,
  'POST /api/v1/goals/{id}/comments': documentsClient,
  'GET /api/v1/relationships/coach/goals': relationshipCoach,
  'GET /api/v1/relationships/{id}/goals': relationshipCoach,
  'POST /api/v1/relationships/{id}/goals': relationshipCoach,
  'GET /api/v1/relationships/{id}/goals/{goalId}': relationshipCoach,
  'GET /api/v1/relationships/{id}/goals/{goalId}/check-ins': relationshipCoach,
  'GET /api/v1/relationships/{id}/goals/{goalId}/comments': relationshipCoach,
  'POST /api/v1/relationships/{id}/goals/{goalId}/comments': relationshipCoach,
  'POST /api/v1/goals': documentsClient,
  'GET /api/v1/goals/discovery': documentsClient,
  'PUT /api/v1/goals/discovery': documentsClient,
  'POST /api/v1/goals/discovery/complete': documentsClient,
  'GET /api/v1/goals/suggestions': documentsClient,
  'POST /api/v1/goals/suggestions/generate': documentsClient,
  'POST /api/v1/goals/suggestions/{id}/accept': suggestionsClient,
  'POST /api/v1/goals/suggestions/{id}/dismiss': suggestionsClient,
  'GET /api/v1/relationships/{id}/goals/discovery': relationshipCoach,
  'GET /api/v1/relationships/{id}/ai-privacy': relationshipCoach,
  'PUT /api/v1/relationships/{id}/ai-privacy': relationshipCoach,
  'GET /api/v1/goals': documentsClient,
};
/** Base bodies for operations whose rules a JSON schema cannot say (exactly one of two fields). */
const KNOWN_BODIES: Record<string, Value> = {
  'POST /api/v1/waitlist': { email: UNIQUE_EMAIL, role: 'client', name: 'Fuzz', note: 'Hi' },
  'POST /api/v1/admin/waitlist/approve': { emails: [seededEmail], role: 'coach' },
  'POST /api/v1/admin/waitlist/reject': { emails: [seededEmail] },
  'PUT /api/v1/admin/approved-users/{email}': { role: 'client', notes: 'fuzz' },
  'POST /api/v1/admin/approved-users': { email: UNIQUE_EMAIL, role: 'coach', name: 'Fuzz' },
  'POST /api/v1/admin/approved-users/bulk': {
    users: [{ email: UNIQUE_EMAIL, role: 'coach', notes: 'n', name: 'Bulk' }],
  },
  'POST /api/v1/admin/approved-users/restore': backup,
  'PATCH /api/v1/tenants/{identityOrgId}/metadata': { philosophy: 'Fuzz again' },
  'PUT /api/v1/users/me/profile': { headline: 'Fuzz' },
  'POST /api/v1/profiles/coach': {
    profile: { firstName: 'Fuzz', lastName: 'Coach' },
    practice: {
      name: 'Fuzz Coaching',
      specialties: ['fuzz'],
      experience_years: 1,
      philosophy: 'Fuzz',
    },
  },
  'POST /api/v1/relationships/invite': { email: UNIQUE_EMAIL },
  'POST /api/v1/relationships/request': { coachUserId: relationshipCoach.userId },
  'POST /api/v1/relationships/{id}/respond': { accept: true },
  'PATCH /api/v1/relationships/{id}': { status: 'paused' },
  'PATCH /api/v1/documents/{id}': { title: 'Fuzz title' },
  'POST /api/v1/goals': { title: 'Fuzz goal', area: 'skills' },
  'PUT /api/v1/goals/discovery': { answers: { values: 'Fuzz' } },
  'POST /api/v1/goals/suggestions/{id}/accept': {},
  'PUT /api/v1/relationships/{id}/ai-privacy': { level: 'local_only' },
  'PATCH /api/v1/goals/{id}': { title: 'Fuzz goal again' },
  'POST /api/v1/goals/{id}/check-ins': { confidence: 3, note: 'Fuzz' },
  'POST /api/v1/goals/{id}/comments': { body: 'Fuzz' },
  'POST /api/v1/relationships/{id}/goals': { title: 'Fuzz proposal', area: 'skills' },
  'POST /api/v1/relationships/{id}/goals/{goalId}/comments': { body: 'Fuzz' },
  'PATCH /api/v1/admin/coaching-interest/{id}': { status: 'contacted', notes: 'Fuzz' },
  'POST /api/v1/admin/coaching-interest/{id}/match': { coachUserId: relationshipCoach.userId },
  'POST /api/v1/profiles/client': {
    profile: { firstName: 'Fuzz', lastName: 'Client' },
    company: { action: 'create', name: 'Fuzz Co', industry: 'Fuzz', size: '1-10' },
  },
};
/** Shapes the document leaves open (an import row is validated row by row, so it is `{}` there). */
const OPEN_SHAPES: Record<string, JsonSchema> = {
  'POST /api/v1/admin/approved-users/bulk /users/0': {
    type: 'object',
    properties: {
      email: { type: 'string' },
      role: { type: 'string' },
      notes: { type: 'string' },
      name: { type: 'string' },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Reading the document.

function resolve(schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = document.components?.schemas?.[name] ?? {};
  }
  const options = current.anyOf ?? current.oneOf;
  if (options) {
    // An object is the more interesting shape (the bulk import's CSV string is covered as text/csv).
    const choices = options.map(resolve).filter((option) => option.type !== 'null');
    return choices.find((option) => option.type === 'object') ?? choices[0] ?? {};
  }
  return current;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
}

function exampleOf(schema: JsonSchema | undefined, name?: string): Value {
  if (name !== undefined && name in KNOWN_VALUES) return KNOWN_VALUES[name];
  const resolved = resolve(schema);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  if (resolved.default !== undefined) return resolved.default;
  switch (typeOf(resolved)) {
    case 'string':
      if (resolved.format === 'email' || name === 'email') return UNIQUE_EMAIL;
      if (resolved.format === 'uuid') return '2f0c5a3e-9b1d-4c55-8a55-0a4fd1b7d001';
      if (resolved.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      return 'fuzz'.padEnd(resolved.minLength ?? 0, 'z').slice(0, resolved.maxLength ?? 100);
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, resolved.minItems ?? 0) }, () =>
        exampleOf(resolved.items),
      );
    case 'object':
      return Object.fromEntries(
        (resolved.required ?? []).map((key) => [key, exampleOf(resolved.properties?.[key], key)]),
      );
    default:
      return 'fuzz';
  }
}

type Slot = { path: (string | number)[]; schema: JsonSchema };

/** Every property of a body, nested ones too (array items as index 0), as paths into it. */
function bodySlots(
  operationKey: string,
  schema: JsonSchema,
  path: (string | number)[] = [],
): Slot[] {
  const open = OPEN_SHAPES[`${operationKey} /${path.join('/')}`];
  const resolved = open ?? resolve(schema);
  const here: Slot[] = path.length > 0 ? [{ path, schema: resolved }] : [];
  if (path.length >= 4) return here;
  if (typeOf(resolved) === 'object' && resolved.properties) {
    return [
      ...here,
      ...Object.entries(resolved.properties).flatMap(([key, property]) =>
        bodySlots(operationKey, property, [...path, key]),
      ),
    ];
  }
  if (typeOf(resolved) === 'array') {
    return [...here, ...bodySlots(operationKey, resolved.items ?? {}, [...path, 0])];
  }
  return here;
}

/** A copy of `target` with the value at `path` replaced (or removed), creating what is missing. */
function setAt(target: Value, path: (string | number)[], value: Value | typeof REMOVE): Value {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const items: Value[] = Array.isArray(target) ? [...target] : [];
    const next = setAt(items[head], rest, value);
    if (next === REMOVE) items.splice(head, 1);
    else items[head] = next;
    return items;
  }
  const fields: Record<string, Value> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  const next = setAt(fields[head], rest, value);
  if (next === REMOVE) delete fields[head];
  else fields[head] = next;
  return fields;
}
const REMOVE = Symbol('remove');

function bodyText(value: Value): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item) => {
    if (item instanceof Raw) {
      raws.push(item.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return item;
  });
  return (text ?? '').replace(
    /"\\u0000raw(\d+)\\u0000"/g,
    (_match, index) => raws[Number(index)] ?? '',
  );
}

type Operation = {
  key: string;
  secured: boolean;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  parameters: Parameter[];
  bodySchema: JsonSchema | undefined;
  baseBody: Value;
  slots: Slot[];
};

const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => {
    const key = `${method.toUpperCase()} ${path}`;
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    const baseBody = bodySchema ? (KNOWN_BODIES[key] ?? exampleOf(bodySchema)) : undefined;
    return {
      key,
      secured: (operation.security?.length ?? 0) > 0,
      method: method.toUpperCase() as Operation['method'],
      path,
      parameters: (operation.parameters ?? []).filter(
        (parameter) => parameter.in === 'path' || parameter.in === 'query',
      ),
      bodySchema,
      baseBody,
      slots: bodySchema ? bodySlots(key, bodySchema) : [],
    };
  }),
);

// ---------------------------------------------------------------------------------------------
// Building and sending requests.

/** One parameter's value: a string (encoded here), or already encoded text for the URL. */
type UrlValue = string | Raw | string[];
type Variant = {
  params?: Record<string, UrlValue | typeof REMOVE>;
  body?: Value | typeof REMOVE;
  contentType?: string;
  extraQuery?: string;
};

/** Percent-encoding that also writes a lone surrogate, as its three WTF-8 bytes (`%ED%A0%80`). */
function percentEncode(value: string): string {
  let encoded = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    encoded +=
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(character);
  }
  return encoded;
}

const encode = (value: string | Raw) => (value instanceof Raw ? value.text : percentEncode(value));

function baseParamValue(operation: Operation, parameter: Parameter): string {
  const known = KNOWN_VALUES_BY_OPERATION[operation.key]?.[parameter.name];
  const value = known ?? exampleOf(parameter.schema, parameter.name);
  return String(value);
}

function urlOf(operation: Operation, variant: Variant): string {
  let path = operation.path;
  const query: string[] = [];
  for (const parameter of operation.parameters) {
    const override = variant.params?.[parameter.name];
    if (override === REMOVE) {
      if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, '');
      continue;
    }
    const value = override ?? baseParamValue(operation, parameter);
    if (parameter.in === 'path') {
      path = path.replace(
        `{${parameter.name}}`,
        encode(Array.isArray(value) ? value.join(',') : value),
      );
    } else if (override !== undefined || parameter.required || parameter.name in KNOWN_VALUES) {
      // The base request leaves optional query parameters out; each variant sets its own.
      for (const item of Array.isArray(value) ? value : [value])
        query.push(`${percentEncode(parameter.name)}=${encode(item)}`);
    }
  }
  if (variant.extraQuery) query.push(variant.extraQuery);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

type Sent = {
  url: string;
  as: 'admin' | 'anonymous';
  response: LightMyRequestResponse;
};

async function send(operation: Operation, variant: Variant, as: Sent['as']): Promise<Sent> {
  const url = urlOf(operation, variant);
  const body = variant.body === undefined ? operation.baseBody : variant.body;
  const caller = CALLER_BY_OPERATION[operation.key] ?? admin;
  const headers: Record<string, string> = as === 'admin' ? bearer(caller.token) : {};
  let payload: string | Buffer | undefined;
  const multipart = MULTIPART_BODIES[operation.key];
  if (multipart && variant.body === undefined && !variant.contentType) {
    payload = multipart.payload;
    Object.assign(headers, multipart.headers);
  } else if (body !== REMOVE && body !== undefined) {
    payload = bodyText(body).replaceAll(UNIQUE_EMAIL, () => `fuzz.u${++sequence}@example.com`);
    headers['content-type'] = variant.contentType ?? 'application/json';
  } else if (variant.contentType) {
    headers['content-type'] = variant.contentType;
  }
  const response = await app.inject({
    method: operation.method,
    url,
    headers,
    remoteAddress: uniqueClientAddress(),
    ...(payload === undefined ? {} : { payload }),
  });
  return { url, as, response };
}

const INTERNALS =
  /Failed query|params:|SQLSTATE|invalid byte sequence|invalid input syntax|out of range:|\bat .+\.ts:\d+|node_modules/;

/** What is wrong with an answer, or nothing. */
function problemWith({ response }: Sent): string | undefined {
  if (response.statusCode >= 500)
    return `status ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return undefined;
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return `status ${response.statusCode} without a JSON body: ${response.body.slice(0, 200)}`;
  }
  if (/"code":"FST_ERR_(BAD_URL|MAX_PARAM_LENGTH)"/.test(response.body))
    return `Fastify answered before routing, not in the API's shape (give Fastify() the \`frameworkErrors\` of src/server/http/error-handler.ts, and routerOptions.maxParamLength for emails in paths): ${response.body.slice(0, 200)}`;
  const shape = apiErrorSchema.strict().safeParse(body);
  if (!shape.success)
    return `status ${response.statusCode} not an ApiError: ${response.body.slice(0, 300)}`;
  if (shape.data.requestId !== response.headers['x-request-id'])
    return 'requestId differs from X-Request-Id';
  if (INTERNALS.test(shape.data.message)) return `internals in the message: ${shape.data.message}`;
  // The error handler's net for values the database refuses: reaching it means an input schema
  // let the value through. Use the shared building blocks of src/contract (text.ts, ids.ts, time.ts).
  if (shape.data.error === 'invalid_value')
    return 'the database refused a value that no input schema refused';
  return undefined;
}

function describeValue(value: unknown): string {
  const text =
    value instanceof Raw
      ? value.text
      : typeof value === 'symbol'
        ? 'removed'
        : JSON.stringify(value);
  return text === undefined
    ? String(value)
    : text.length > 80
      ? `${text.slice(0, 80)}… (${text.length} chars)`
      : text;
}

/** The fixed catalogue for one operation: one hostile value at a time, everything else valid. */
function catalogueOf(operation: Operation): { label: string; variant: Variant }[] {
  const variants: { label: string; variant: Variant }[] = [{ label: 'base request', variant: {} }];
  const add = (label: string, variant: Variant) => variants.push({ label, variant });

  for (const parameter of operation.parameters) {
    const at = `${parameter.in} ${parameter.name}`;
    for (const value of hostileStringsFor(parameter.schema, parameter.name))
      add(`${at} = ${describeValue(value)}`, { params: { [parameter.name]: value } });
    for (const part of RAW_URL_PARTS)
      add(`${at} = raw ${part}`, { params: { [parameter.name]: new Raw(`fuzz${part}`) } });
    add(`${at} removed`, { params: { [parameter.name]: REMOVE } });
    if (parameter.in === 'query') {
      add(`${at} twice`, { params: { [parameter.name]: ['1', 'fuzz'] } });
      add(`${at}[] bracketed`, { extraQuery: `${parameter.name}[]=1&${parameter.name}[a]=b` });
      add(`${at} without a value`, { extraQuery: encodeURIComponent(parameter.name) });
    }
  }
  if (
    operation.parameters.some((parameter) => parameter.in === 'query') ||
    operation.method === 'GET'
  ) {
    add('unknown query parameters', {
      extraQuery: '__proto__[x]=1&constructor[prototype][y]=2&z=%00',
    });
    add('a long query string', { extraQuery: `q=${'x'.repeat(60_000)}` });
  }

  if (operation.bodySchema) {
    for (const slot of operation.slots) {
      const at = `body /${slot.path.join('/')}`;
      const name = String(slot.path.filter((part) => typeof part === 'string').pop() ?? '');
      for (const value of [...hostileStringsFor(slot.schema, name), ...HOSTILE_JSON])
        add(`${at} = ${describeValue(value)}`, {
          body: setAt(operation.baseBody, slot.path, value),
        });
      add(`${at} removed`, { body: setAt(operation.baseBody, slot.path, REMOVE) });
    }
    for (const value of BODIES_OF_EVERY_SHAPE) add(`body ${describeValue(value)}`, { body: value });
    add('body with extra fields', {
      body:
        operation.baseBody &&
        typeof operation.baseBody === 'object' &&
        !Array.isArray(operation.baseBody)
          ? { ...operation.baseBody, extra: NUL, role: 'admin', isAdmin: true }
          : { extra: 1 },
    });
    add('body with a repeated key', {
      body: new Raw(`${bodyText(operation.baseBody).replace(/}$/, '')},"role":"admin","role":"x"}`),
    });
    add('empty body, JSON content type', { body: new Raw('') });
    add('no body', { body: REMOVE });
    add('no body, JSON content type', { body: REMOVE, contentType: 'application/json' });
    for (const contentType of CONTENT_TYPES) add(`content type ${contentType}`, { contentType });
    add('CSV body with hostile cells', {
      contentType: 'text/csv',
      body: new Raw(
        `email,role,notes,name\nfuzz.csv@example.com,coach,a${NUL}b,\u202E\nx,y,z\n"unclosed`,
      ),
    });
    add('a body over the limit', { body: { padding: 'x'.repeat(33 * 1024 * 1024) } });
  } else {
    add('an unexpected JSON body', { body: { a: NUL }, contentType: 'application/json' });
    add('an unexpected broken body', { body: new Raw('{"a":'), contentType: 'application/json' });
  }
  return variants;
}

// ---------------------------------------------------------------------------------------------

it('reads every operation of the OpenAPI document', () => {
  expect(operations.length).toBeGreaterThanOrEqual(20);
  expect(operations.map((operation) => operation.key)).toContain('POST /api/v1/waitlist');
});

// Each route's variants go one after another, and some write (creating an organization makes one
// in the provider too): on a busy machine that takes longer than one ordinary test. Not about speed.
const ROUTE_TIMEOUT_MS = 120_000;

describe.each(operations.map((operation) => [operation.key, operation] as const))(
  '%s',
  (_key, operation) => {
    it(
      'answers hostile values in every parameter with no 5xx and API errors',
      async () => {
        const failures: string[] = [];
        let baseAnswer = '';
        // The caller the route is for gets every variant; the other one every eighth (a guard
        // answers before anything else is read, and a public route ignores the token).
        const [full, sampled] = operation.secured
          ? (['admin', 'anonymous'] as const)
          : (['anonymous', 'admin'] as const);
        for (const [index, { label, variant }] of catalogueOf(operation).entries()) {
          for (const as of index % 8 === 0 ? [full, sampled] : [full]) {
            const sent = await send(operation, variant, as);
            if (label === 'base request' && as === 'admin' && sent.response.statusCode >= 300)
              baseAnswer = `${sent.response.statusCode} ${sent.response.body.slice(0, 300)}`;
            const problem = problemWith(sent);
            if (problem) failures.push(`${as} ${label} (${sent.url.slice(0, 120)}): ${problem}`);
          }
        }
        expect(failures, failures.join('\n')).toEqual([]);
        expect(baseAnswer, 'the base request should succeed: give it a known value').toBe('');
      },
      ROUTE_TIMEOUT_MS,
    );

    it(
      'answers random combinations of valid and hostile values with no 5xx',
      async () => {
        const urlValue = fc.oneof(
          fc.constantFrom(...COMMON_STRINGS, ...Object.values(KIND_STRINGS).flat()),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.constantFrom(...RAW_URL_PARTS).map((part) => new Raw(part)),
        );
        const bodyValue = fc.oneof(
          fc.constantFrom(
            ...COMMON_STRINGS,
            ...Object.values(KIND_STRINGS).flat(),
            ...HOSTILE_JSON,
          ),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.jsonValue({ maxDepth: 3 }),
        );
        const params = fc.record(
          Object.fromEntries(
            operation.parameters.map((parameter) => [
              parameter.name,
              fc.option(urlValue, { freq: 2, nil: undefined }),
            ]),
          ) as Record<string, fc.Arbitrary<UrlValue | undefined>>,
        );
        const mutations = fc.array(
          fc.tuple(fc.nat({ max: Math.max(0, operation.slots.length - 1) }), bodyValue),
          { maxLength: operation.slots.length > 0 ? 4 : 0 },
        );
        await fc.assert(
          fc.asyncProperty(params, mutations, fc.boolean(), async (chosen, changes, asAdmin) => {
            let body = operation.baseBody;
            for (const [index, value] of changes) {
              const slot = operation.slots[index];
              if (slot) body = setAt(body, slot.path, value);
            }
            const defined = Object.fromEntries(
              Object.entries(chosen).filter(([, value]) => value !== undefined),
            ) as Record<string, UrlValue>;
            const sent = await send(
              operation,
              { params: defined, body: operation.bodySchema ? body : undefined },
              asAdmin ? 'admin' : 'anonymous',
            );
            const problem = problemWith(sent);
            expect(
              problem,
              `${sent.as} ${sent.url.slice(0, 200)} ${bodyText(body).slice(0, 300)}`,
            ).toBeUndefined();
          }),
          { seed: 20_260_601, numRuns: 40, endOnFailure: true },
        );
      },
      ROUTE_TIMEOUT_MS,
    );
  },
);

// ---------------------------------------------------------------------------------------------
// The embedded provider's own endpoints are not in the document (they answer in Better Auth's
// shape); they too must never answer 5xx, whatever the body, the session cookie or none.

const PROVIDER_ENDPOINTS: { method: 'GET' | 'POST'; url: string; body?: Record<string, Value> }[] =
  [
    {
      method: 'POST',
      url: '/api/auth/sign-in/email',
      body: { email: UNIQUE_EMAIL, password: 'x' },
    },
    { method: 'POST', url: '/api/auth/sign-out', body: {} },
    { method: 'GET', url: '/api/auth/get-session' },
    { method: 'GET', url: '/api/auth/token' },
    { method: 'POST', url: '/api/auth/request-password-reset', body: { email: UNIQUE_EMAIL } },
    { method: 'POST', url: '/api/auth/reset-password', body: { token: 'x', newPassword: 'x' } },
    { method: 'POST', url: '/api/auth/organization/set-active', body: { organizationId: 'x' } },
    { method: 'GET', url: '/api/auth/reset-password/AAAAAAAAAAAAAAAAAAAAAAAA?callbackURL=%00' },
  ];

describe.each(
  PROVIDER_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.url}`, endpoint]),
)('%s (embedded provider)', (_key, endpoint) => {
  it('answers hostile bodies with no 5xx, signed in or not', async () => {
    const bodies: Value[] = [undefined];
    if (endpoint.body) {
      const base = endpoint.body;
      for (const field of Object.keys(base))
        for (const value of [...COMMON_STRINGS, ...HOSTILE_JSON, deepArray(10_000)])
          bodies.push(setAt(base, [field], value));
      bodies.push(...BODIES_OF_EVERY_SHAPE, { ...base, extra: NUL }, new Raw(''));
    }
    const failures: string[] = [];
    for (const [index, body] of bodies.entries()) {
      const payload =
        body === undefined
          ? undefined
          : bodyText(body).replaceAll(UNIQUE_EMAIL, () => `fuzz.u${++sequence}@example.com`);
      for (const cookie of index % 8 === 0 ? [undefined, admin.cookie] : [undefined]) {
        const response = await app.inject({
          method: endpoint.method,
          url: endpoint.url,
          remoteAddress: uniqueClientAddress(),
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(cookie ? { cookie } : {}),
          },
          ...(payload === undefined ? {} : { payload }),
        });
        if (response.statusCode >= 500)
          failures.push(
            `${describeValue(body)}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
