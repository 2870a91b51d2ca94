import { verifyToken } from '@clerk/backend';
import { TokenVerificationError } from '@clerk/backend/errors';
import { InvalidTokenError, type PublicMetadata, type TokenClaims } from '../port.ts';

export type SessionTokenOptions = {
  /** Clerk's PEM public key: verification needs no network. */
  jwtKey?: string;
  /** Without a jwtKey, the SDK fetches (and caches) the instance's JWKS with this key. */
  secretKey: string;
  apiUrl?: string;
  /** The origins allowed in `azp`; unset accepts any. */
  authorizedParties?: string[];
};

// Short reasons for callers and logs; Clerk's own messages can quote the expected parties.
const reasons: Record<string, string> = {
  'token-expired': 'token expired',
  'token-not-active-yet': 'token not yet valid',
  'token-iat-in-the-future': 'token issued in the future',
  'token-invalid': 'malformed token',
  'token-invalid-algorithm': 'unsupported signing algorithm',
  'token-invalid-signature': 'bad signature',
  'token-invalid-authorized-parties': 'unauthorized party',
  'token-invalid-issuer': 'unexpected issuer',
  'token-verification-failed': 'signature could not be verified',
  'jwk-kid-mismatch': 'unknown signing key',
  'jwk-remote-missing': 'unknown signing key',
  'jwk-remote-failed-to-load': 'signing keys unavailable',
  'jwk-remote-invalid': 'signing keys unavailable',
  'jwk-failed-to-resolve': 'signing keys unavailable',
  'jwk-local-missing': 'signing keys unavailable',
};

function reasonFor(error: unknown): string {
  return (error instanceof TokenVerificationError && reasons[error.reason]) || 'invalid token';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v2 tokens carry the active organization as `o: { id, rol, slg }`; v1 tokens as `org_id`. */
function activeOrganizationId(payload: Record<string, unknown>): string | null {
  const organization = payload.o;
  if (isRecord(organization) && typeof organization.id === 'string') return organization.id;
  return typeof payload.org_id === 'string' ? payload.org_id : null;
}

export async function verifySessionToken(
  token: string,
  options: SessionTokenOptions,
): Promise<TokenClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = await verifyToken(
      token,
      options.jwtKey
        ? { jwtKey: options.jwtKey, authorizedParties: options.authorizedParties }
        : {
            secretKey: options.secretKey,
            apiUrl: options.apiUrl,
            authorizedParties: options.authorizedParties,
          },
    );
  } catch (error) {
    throw new InvalidTokenError(reasonFor(error));
  }
  // Clerk signs other JWTs with the same key (JWT templates); only session tokens carry `sid`.
  if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
    throw new InvalidTokenError('not a session token');
  }
  return {
    userId: payload.sub,
    sessionId: payload.sid,
    orgId: activeOrganizationId(payload),
    // The custom claim `{"metadata": "{{user.public_metadata}}"}`; absent when not configured.
    metadata: isRecord(payload.metadata) ? (payload.metadata as PublicMetadata) : {},
  };
}
