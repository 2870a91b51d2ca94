import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../lib/api-client.ts';
import { type ClerkLike, createClerkWebAuth } from './clerk-auth.ts';
import { deferredWebAuth } from './deferred-auth.ts';
import type { WebAuth } from './web-auth.ts';

type FakeClerk = ClerkLike & {
  session: { getToken: ReturnType<typeof vi.fn> } | null;
  setActive: ReturnType<typeof vi.fn>;
  signOut: ReturnType<typeof vi.fn>;
};

/** A stand-in for the Clerk instance, with a signed-in session unless told otherwise. */
function fakeClerk(options: { signedIn?: boolean } = {}): FakeClerk {
  const clerk: FakeClerk = {
    session:
      options.signedIn === false
        ? null
        : {
            getToken: vi.fn(async (opts?: { skipCache?: boolean }) =>
              opts?.skipCache ? 'fresh' : 'cached',
            ),
          },
    setActive: vi.fn(async () => {}),
    signOut: vi.fn(async () => {
      clerk.session = null;
    }),
  };
  return clerk;
}

/** The Clerk instance as ClerkRoot gives it: once `load()` is called (Clerk has loaded). */
function loading(clerk: FakeClerk) {
  let load: () => void = () => {};
  const loaded = new Promise<ClerkLike>((resolve) => {
    load = () => resolve(clerk);
  });
  return { auth: createClerkWebAuth(() => loaded), load };
}

describe('the Clerk WebAuth', () => {
  it('waits for Clerk to load before answering with a token', async () => {
    const clerk = fakeClerk();
    const { auth, load } = loading(clerk);
    let answer: string | null | undefined;
    const pending = auth.getToken().then((token) => {
      answer = token;
    });
    await Promise.resolve();
    expect(answer).toBeUndefined();
    expect(clerk.session?.getToken).not.toHaveBeenCalled();
    load();
    await pending;
    expect(answer).toBe('cached');
    expect(auth.provider).toBe('clerk');
  });

  it('answers null without a session', async () => {
    const { auth, load } = loading(fakeClerk({ signedIn: false }));
    load();
    expect(await auth.getToken()).toBeNull();
    expect(await auth.getToken({ renew: true })).toBeNull();
  });

  it("uses Clerk's cache, and skips it when renewing", async () => {
    const clerk = fakeClerk();
    const { auth, load } = loading(clerk);
    load();
    expect(await auth.getToken()).toBe('cached');
    expect(await auth.getToken({ renew: true })).toBe('fresh');
    expect(clerk.session?.getToken).toHaveBeenNthCalledWith(1, undefined);
    expect(clerk.session?.getToken).toHaveBeenNthCalledWith(2, { skipCache: true });
  });

  it('asks anew once after forgetToken', async () => {
    const clerk = fakeClerk();
    const { auth, load } = loading(clerk);
    load();
    auth.forgetToken();
    expect(await auth.getToken()).toBe('fresh');
    expect(await auth.getToken()).toBe('cached');
  });

  it('switches organization with setActive, and the next token is a new one', async () => {
    const clerk = fakeClerk();
    const { auth, load } = loading(clerk);
    load();
    await auth.switchOrganization('org_2');
    expect(clerk.setActive).toHaveBeenCalledWith({ organization: 'org_2' });
    expect(await auth.getToken()).toBe('fresh');
    await auth.switchOrganization(null);
    expect(clerk.setActive).toHaveBeenLastCalledWith({ organization: null });
  });

  it('signs out with Clerk, after which there is no token', async () => {
    const clerk = fakeClerk();
    const { auth, load } = loading(clerk);
    load();
    await auth.signOut();
    expect(clerk.signOut).toHaveBeenCalledOnce();
    expect(await auth.getToken()).toBeNull();
  });

  it("turns Clerk's refusals into ApiRequestError, in plain words", async () => {
    const clerk = fakeClerk();
    const refusal = Object.assign(new Error('raw'), {
      status: 403,
      errors: [{ code: 'not_a_member', long_message: 'You are not a member of org_9 (raw)' }],
    });
    clerk.setActive.mockRejectedValueOnce(refusal);
    clerk.signOut.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    clerk.session?.getToken.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { auth, load } = loading(clerk);
    load();

    const switched = await auth.switchOrganization('org_9').catch((error: unknown) => error);
    expect(switched).toBeInstanceOf(ApiRequestError);
    expect(switched).toMatchObject({ status: 403, code: 'not_a_member' });
    expect((switched as Error).message).not.toContain('org_9');

    const signedOut = await auth.signOut().catch((error: unknown) => error);
    expect(signedOut).toMatchObject({ status: 0, code: 'clerk_error' });

    await expect(auth.getToken()).rejects.toBeInstanceOf(ApiRequestError);
  });
});

describe('deferredWebAuth', () => {
  function fakeAuth(provider: WebAuth['provider']): WebAuth {
    return {
      provider,
      getToken: vi.fn(async () => `${provider}-token`),
      forgetToken: vi.fn(),
      switchOrganization: vi.fn(async () => {}),
      signOut: vi.fn(async () => {}),
    };
  }

  it('loads the provider once, on first use, and goes to it', async () => {
    const clerk = fakeAuth('clerk');
    const load = vi.fn(async () => clerk);
    const auth = deferredWebAuth(load);
    auth.forgetToken();
    expect(load).not.toHaveBeenCalled();
    expect(await Promise.all([auth.getToken(), auth.getToken({ renew: true })])).toEqual([
      'clerk-token',
      'clerk-token',
    ]);
    expect(load).toHaveBeenCalledOnce();
    expect(auth.provider).toBe('clerk');
    await auth.switchOrganization('org_1');
    expect(clerk.switchOrganization).toHaveBeenCalledWith('org_1');
    auth.forgetToken();
    expect(clerk.forgetToken).toHaveBeenCalledOnce();
    await auth.signOut();
    expect(clerk.signOut).toHaveBeenCalledOnce();
  });

  it('tries loading again after a failure', async () => {
    const load = vi
      .fn<() => Promise<WebAuth>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(fakeAuth('local'));
    const auth = deferredWebAuth(load);
    await expect(auth.getToken()).rejects.toThrow('offline');
    expect(await auth.getToken()).toBe('local-token');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
