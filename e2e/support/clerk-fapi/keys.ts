// The stub's signing key and the two strings the app needs from it: the PEM for the server's
// CLERK_JWT_KEY and a publishable key naming a Frontend API host that never has to resolve.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSign,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export type SigningKey = { kid: string; privateKey: KeyObject; publicKeyPem: string };

/** A PKCS#8 PEM for `createFapiStub({ privateKeyPem })`, e.g. made once in playwright.config.ts. */
export function generatePrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * A fresh RSA-2048 key per stub unless one is given: a server started before the stub (Playwright's
 * webServer) needs the public half in its environment, and Playwright workers are separate processes.
 */
export function createSigningKey(privateKeyPem = generatePrivateKeyPem()): SigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
  const kid = createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 24);
  return { kid: `ins_stub_${kid}`, privateKey, publicKeyPem: publicKeyPem.toString() };
}

export function signJwt(key: SigningKey, payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/**
 * A production key (`pk_live_`): clerk-js then skips the development-browser handshake, which
 * only Clerk's servers can answer, and talks to `proxyUrl` with the `__client` cookie instead.
 */
export function publishableKeyFor(host: string): string {
  return `pk_live_${Buffer.from(`${host}$`).toString('base64')}`;
}
