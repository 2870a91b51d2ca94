// Session tokens shaped like Clerk's, signed here with a fresh RSA key and verified by the adapter
// through @clerk/backend's networkless verifyToken (the PEM public key as jwtKey).
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IdentityProvider, InvalidTokenError } from '../port.ts';
import { createClerkIdentityProvider } from './adapter.ts';
import { startClerkStandIn } from './test-support/clerk-stand-in.ts';

const issuer = 'https://clerk.arete.example.test';
const appOrigin = 'https://app.arete.example.test';

function rsaKeyPair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

let signingKey: KeyObject;
let verifyingKey: KeyObject;
let otherKey: KeyObject;
let identity: IdentityProvider;

beforeAll(() => {
  const pair = rsaKeyPair();
  signingKey = pair.privateKey;
  verifyingKey = pair.publicKey;
  otherKey = rsaKeyPair().privateKey;
  identity = createClerkIdentityProvider({
    secretKey: 'sk_test_unused',
    jwtKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    authorizedParties: [appOrigin],
  });
});

type TokenOptions = { key?: KeyObject; lifetimeSeconds?: number; issuedSecondsAgo?: number };

/** A Clerk v2 session token with the `metadata` custom claim, unless `claims` says otherwise. */
function sessionToken(claims: JWTPayload = {}, options: TokenOptions = {}) {
  const { key = signingKey, lifetimeSeconds = 60, issuedSecondsAgo = 5 } = options;
  const issuedAt = Math.floor(Date.now() / 1000) - issuedSecondsAgo;
  return new SignJWT({
    sub: 'user_1',
    sid: 'sess_1',
    iss: issuer,
    azp: appOrigin,
    iat: issuedAt,
    nbf: issuedAt - 5,
    exp: issuedAt + lifetimeSeconds,
    v: 2,
    o: { id: 'org_1', rol: 'admin', slg: 'north-star' },
    metadata: { primary_role: 'coach' },
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'ins_test_key', typ: 'JWT' })
    .sign(key);
}

async function reasonRejecting(token: string): Promise<string> {
  const error = await identity.verifyToken(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as Error).message;
}

describe('verifyToken', () => {
  it('reads the user, session, active organization and metadata from a v2 token', async () => {
    const claims = await identity.verifyToken(await sessionToken());
    expect(claims).toEqual({
      userId: 'user_1',
      sessionId: 'sess_1',
      orgId: 'org_1',
      metadata: { primary_role: 'coach' },
    });
  });

  it('reads the organization of a v1 token and has no metadata without the custom claim', async () => {
    const token = await sessionToken({
      v: undefined,
      o: undefined,
      org_id: 'org_7',
      metadata: undefined,
    });
    expect(await identity.verifyToken(token)).toEqual({
      userId: 'user_1',
      sessionId: 'sess_1',
      orgId: 'org_7',
      metadata: {},
    });
  });

  it('has no organization when none is active', async () => {
    const claims = await identity.verifyToken(await sessionToken({ o: undefined }));
    expect(claims.orgId).toBeNull();
  });

  it('refuses an expired token', async () => {
    const token = await sessionToken({}, { issuedSecondsAgo: 600, lifetimeSeconds: 60 });
    expect(await reasonRejecting(token)).toBe('token expired');
  });

  it('refuses a token signed by another key', async () => {
    expect(await reasonRejecting(await sessionToken({}, { key: otherKey }))).toBe('bad signature');
  });

  it('refuses a token made for another origin', async () => {
    const token = await sessionToken({ azp: 'https://evil.example.test' });
    expect(await reasonRejecting(token)).toBe('unauthorized party');
  });

  it('refuses a signed token that is not a session token', async () => {
    expect(await reasonRejecting(await sessionToken({ sid: undefined }))).toBe(
      'not a session token',
    );
  });

  it('refuses garbage', async () => {
    expect(await reasonRejecting('not-a-jwt')).toBe('malformed token');
    expect(await reasonRejecting('a.b.c')).toBe('malformed token');
    expect(await reasonRejecting('')).toBe('malformed token');
  });

  it('says no more than a short reason', async () => {
    const token = await sessionToken({}, { key: otherKey });
    const error = await identity.verifyToken(token).catch((reason: Error) => reason);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).not.toMatch(/BEGIN|PUBLIC KEY|sk_test/);
  });

  it('fetches Clerk’s JWKS with the secret key when it has no jwtKey', async () => {
    // Clerk's servers cannot be reached from here: a local stand-in serves the JWKS.
    const standIn = await startClerkStandIn();
    try {
      const jwk = { ...verifyingKey.export({ format: 'jwk' }), kid: 'ins_test_key', alg: 'RS256' };
      standIn.answerWith(() => ({ body: { keys: [jwk] } }));
      const online = createClerkIdentityProvider({
        secretKey: 'sk_test_jwks',
        apiUrl: standIn.url,
      });

      const claims = await online.verifyToken(await sessionToken());

      expect(claims.userId).toBe('user_1');
      expect(standIn.requests).toMatchObject([
        { method: 'GET', path: '/v1/jwks', authorization: 'Bearer sk_test_jwks' },
      ]);
    } finally {
      await standIn.close();
    }
  });
});
