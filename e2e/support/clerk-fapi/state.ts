// The stub's in-memory records. Plain data: json.ts shapes them as clerk-js expects them.
import { randomBytes, randomInt } from 'node:crypto';

export type User = {
  id: string;
  emailId: string;
  email: string;
  password: string;
  firstName: string | null;
  lastName: string | null;
  publicMetadata: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
};

export type Organization = {
  id: string;
  name: string;
  slug: string;
  /** Set through the Backend API (backend.ts); the Frontend API shows none. */
  publicMetadata?: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
};

export type Membership = {
  id: string;
  userId: string;
  orgId: string;
  /** Always with the `org:` prefix, as Clerk stores it. */
  role: string;
  createdAt: number;
  updatedAt: number;
};

export type Session = {
  id: string;
  clientId: string;
  userId: string;
  status: 'active' | 'ended';
  activeOrgId: string | null;
  createdAt: number;
  updatedAt: number;
};

export type Verification = {
  status: 'unverified' | 'verified' | 'failed';
  strategy: string;
  attempts: number;
};

export type SignIn = {
  id: string;
  identifier: string;
  userId: string;
  status: 'needs_first_factor' | 'complete';
  firstFactor: Verification | null;
  createdSessionId: string | null;
};

export type SignUp = {
  id: string;
  email: string | null;
  password: string | null;
  firstName: string | null;
  lastName: string | null;
  emailVerification: Verification | null;
  status: 'missing_requirements' | 'complete';
  createdSessionId: string | null;
  createdUserId: string | null;
};

export type Client = {
  id: string;
  /** The `__client` cookie's value: unguessable, unlike the id clerk-js sees. */
  token: string;
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  createdAt: number;
  updatedAt: number;
};

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export class Store {
  users = new Map<string, User>();
  organizations = new Map<string, Organization>();
  memberships = new Map<string, Membership>();
  clients = new Map<string, Client>();
  sessions = new Map<string, Session>();
  signIns = new Map<string, SignIn>();
  signUps = new Map<string, SignUp>();
  /** The last code "sent" to each address, for tests to type in. */
  emailCodes = new Map<string, string>();

  userByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((user) => user.email === wanted);
  }

  membershipsOf(userId: string): Membership[] {
    return [...this.memberships.values()].filter((membership) => membership.userId === userId);
  }

  membership(userId: string, orgId: string): Membership | undefined {
    return this.membershipsOf(userId).find((membership) => membership.orgId === orgId);
  }

  sessionsOf(clientId: string): Session[] {
    return [...this.sessions.values()].filter(
      (session) => session.clientId === clientId && session.status === 'active',
    );
  }

  clientByToken(token: string | undefined): Client | undefined {
    if (!token) return undefined;
    return [...this.clients.values()].find((client) => client.token === token);
  }

  createClient(): Client {
    const now = Date.now();
    const client: Client = {
      id: newId('client'),
      token: randomBytes(24).toString('base64url'),
      signInId: null,
      signUpId: null,
      lastActiveSessionId: null,
      createdAt: now,
      updatedAt: now,
    };
    this.clients.set(client.id, client);
    return client;
  }

  createUser(input: {
    email: string;
    password: string;
    firstName?: string | null;
    lastName?: string | null;
    publicMetadata?: Record<string, unknown>;
  }): User {
    const now = Date.now();
    const user: User = {
      id: newId('user'),
      emailId: newId('idn'),
      email: input.email.trim().toLowerCase(),
      password: input.password,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      publicMetadata: input.publicMetadata ?? {},
      createdAt: now,
      updatedAt: now,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Single-session mode: a new sign-in replaces whatever session the client had. */
  startSession(client: Client, userId: string): Session {
    for (const session of this.sessionsOf(client.id)) session.status = 'ended';
    const now = Date.now();
    const session: Session = {
      id: newId('sess'),
      clientId: client.id,
      userId,
      status: 'active',
      activeOrgId: null,
      createdAt: now,
      updatedAt: now,
    };
    this.sessions.set(session.id, session);
    client.lastActiveSessionId = session.id;
    client.updatedAt = now;
    return session;
  }
}
