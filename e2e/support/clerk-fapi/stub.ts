// A Frontend API of our own for Clerk mode without Clerk's servers: clerk-js, pointed at it with
// `proxyUrl`, signs up, signs in, switches organization and signs out against this memory.
import { randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { createBackendHandler } from './backend.ts';
import { environmentJson } from './environment.ts';
import { type Call, createHandler } from './handler.ts';
import type { FapiRequest, FapiResponse } from './http.ts';
import { serializer } from './json.ts';
import { createSigningKey, publishableKeyFor, signJwt } from './keys.ts';
import { routeFapiStub } from './playwright.ts';
import { listenFapiStub } from './server.ts';
import { newCode, newId, type Organization, type Session, Store } from './state.ts';

export type FapiStubOptions = {
  /** The app's origin, e.g. `http://127.0.0.1:3100`: the tokens' `azp`. */
  origin: string;
  /** The Frontend API host the publishable key names; never contacted with `proxyUrl`. */
  frontendApiHost?: string;
  /** Session tokens live this long, as Clerk's do (60 s). */
  tokenLifetimeSeconds?: number;
  /** PKCS#8 PEM (see generatePrivateKeyPem); by default a new key per stub. */
  privateKeyPem?: string;
};

export type FapiStub = ReturnType<typeof createFapiStub>;

export function createFapiStub(options: FapiStubOptions) {
  const origin = options.origin.replace(/\/+$/, '');
  const host = options.frontendApiHost ?? 'clerk.arete.test';
  const lifetime = options.tokenLifetimeSeconds ?? 60;
  const key = createSigningKey(options.privateKeyPem);
  const store = new Store();
  const calls: Call[] = [];
  const unhandled: string[] = [];

  function mint(session: Session, orgId?: string | null): string {
    const user = store.users.get(session.userId);
    if (!user) throw new Error(`session ${session.id} has no user`);
    const activeOrgId = orgId === undefined ? session.activeOrgId : orgId;
    const membership = activeOrgId ? store.membership(user.id, activeOrgId) : undefined;
    const organization = membership && store.organizations.get(membership.orgId);
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, {
      azp: origin,
      exp: now + lifetime,
      fva: [0, -1],
      iat: now,
      iss: `https://${host}`,
      jti: randomUUID().replaceAll('-', '').slice(0, 20),
      nbf: now - 10,
      sid: session.id,
      sts: 'active',
      sub: user.id,
      v: 2,
      // Arete's custom session claim: `{"metadata": "{{user.public_metadata}}"}`.
      metadata: user.publicMetadata,
      ...(membership &&
        organization && {
          o: {
            id: organization.id,
            slg: organization.slug,
            rol: membership.role.replace(/^org:/, ''),
            per: '',
          },
        }),
    });
  }

  const handle = createHandler({
    store,
    json: serializer(store, (session) => mint(session)),
    mint,
    sendEmailCode: (email) => store.emailCodes.set(email, newCode()),
    environment: () => environmentJson(origin),
    calls,
    unhandled,
  });

  return {
    origin,
    publishableKey: publishableKeyFor(host),
    /** SPKI PEM: the server's CLERK_JWT_KEY. */
    publicKeyPem: key.publicKeyPem,
    /** The memory itself, for the stub's own process (main.ts). */
    store,
    /** Every request, in order, with the route pattern that answered (null: none did). */
    calls,
    /** `METHOD /path` of requests no route answered (and stub errors): a test should expect []. */
    unhandled,
    handle: handle as (request: FapiRequest) => FapiResponse,

    /** The Backend API the server calls (CLERK_API_URL), on the same memory: see backend.ts. */
    handleBackend: createBackendHandler(store, unhandled),

    /** Answers the context's `/__clerk/**` requests (use `proxyUrl="/__clerk"`). */
    route: (context: BrowserContext) => routeFapiStub({ handle }, context),

    /** The stub over HTTP on 127.0.0.1, at `/v1/...` and `/__clerk/v1/...`. */
    listen: (port?: number) => listenFapiStub({ handle }, port),

    /** The code last "emailed" to the address (sign-up or sign-in by code). */
    lastEmailCode(email: string): string | undefined {
      return store.emailCodes.get(email.trim().toLowerCase());
    },

    /** A user made without a sign-up, e.g. an account a journey signs in with. */
    createUser(input: {
      email: string;
      password: string;
      firstName?: string;
      lastName?: string;
      publicMetadata?: Record<string, unknown>;
    }) {
      return store.createUser(input).id;
    },

    userIdByEmail(email: string): string | undefined {
      return store.userByEmail(email)?.id;
    },

    /** Replaces the user's public metadata; the next token carries it as `metadata`. */
    setPublicMetadata(userId: string, metadata: Record<string, unknown>) {
      const user = store.users.get(userId);
      if (!user) throw new Error(`no user ${userId}`);
      user.publicMetadata = metadata;
      user.updatedAt = Date.now();
    },

    createOrganization(input: { name: string; slug?: string }): Organization {
      const now = Date.now();
      const organization: Organization = {
        id: newId('org'),
        name: input.name,
        slug: input.slug ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        createdAt: now,
        updatedAt: now,
      };
      store.organizations.set(organization.id, organization);
      return organization;
    },

    /** `role` with or without the `org:` prefix: `admin`, `org:member`… */
    addMembership(userId: string, orgId: string, role: string): string {
      if (!store.users.has(userId)) throw new Error(`no user ${userId}`);
      if (!store.organizations.has(orgId)) throw new Error(`no organization ${orgId}`);
      const now = Date.now();
      const id = newId('orgmem');
      const fullRole = role.startsWith('org:') ? role : `org:${role}`;
      store.memberships.set(id, {
        id,
        userId,
        orgId,
        role: fullRole,
        createdAt: now,
        updatedAt: now,
      });
      return id;
    },

    /** The active sessions, for tests that check sign-out. */
    activeSessionIds(): string[] {
      return [...store.sessions.values()]
        .filter((session) => session.status === 'active')
        .map((session) => session.id);
    },
  };
}
