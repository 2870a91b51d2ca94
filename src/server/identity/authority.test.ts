import { describe, expect, it } from 'vitest';
import { AuthorityCache } from './authority.ts';
import type { IdentityProvider, IdentityUser } from './port.ts';

function user(role: 'coach' | 'client'): IdentityUser {
  return {
    id: 'user_1',
    email: 'ada@example.com',
    emailVerified: true,
    firstName: 'Ada',
    lastName: null,
    imageUrl: null,
    publicMetadata: { primary_role: role },
    banned: false,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

/** A provider whose reads wait until the test lets them answer, with the role of that moment. */
function slowProvider() {
  let role: 'coach' | 'client' = 'coach';
  const waiting: (() => void)[] = [];
  let reads = 0;
  const provider = {
    users: {
      get: async () => {
        reads++;
        const answer = user(role);
        await new Promise<void>((resolve) => waiting.push(resolve));
        return answer;
      },
    },
  } as unknown as IdentityProvider;
  return {
    provider,
    setRole: (next: 'coach' | 'client') => {
      role = next;
    },
    answerAll: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
    reads: () => reads,
  };
}

describe('AuthorityCache', () => {
  it('answers a burst with one read, and gives that read user to each caller', async () => {
    const slow = slowProvider();
    const cache = new AuthorityCache(slow.provider);
    const burst = [cache.lookup('user_1'), cache.lookup('user_1'), cache.lookup('user_1')];
    slow.answerAll();
    const answers = await Promise.all(burst);
    expect(slow.reads()).toBe(1);
    for (const answer of answers) {
      expect(answer.authority).toEqual({ role: 'coach', banned: false, email: 'ada@example.com' });
      expect(answer.user?.id).toBe('user_1');
    }
    // Now from the cache: no read, and no user to hand on.
    expect(await cache.lookup('user_1')).toEqual({ authority: answers[0]?.authority });
    expect(slow.reads()).toBe(1);
  });

  it('does not keep a read that was under way when the role changed', async () => {
    const slow = slowProvider();
    const cache = new AuthorityCache(slow.provider);
    const stale = cache.get('user_1');
    // The role changes here (and is invalidated) while the first read is still out.
    slow.setRole('client');
    cache.invalidate('user_1');
    const fresh = cache.get('user_1');
    slow.answerAll();
    expect((await stale)?.role).toBe('coach');
    expect((await fresh)?.role).toBe('client');
    expect(slow.reads()).toBe(2);
    const again = cache.get('user_1');
    slow.answerAll();
    expect((await again)?.role).toBe('client');
    expect(slow.reads()).toBe(2);
  });

  it('keeps what `remember` is given unless an invalidation came after that read began', async () => {
    const slow = slowProvider();
    const cache = new AuthorityCache(slow.provider);
    const before = cache.invalidations;
    cache.invalidate('someone_else');
    expect(cache.remember(user('client'), before).role).toBe('client');
    const lookup = cache.lookup('user_1');
    slow.answerAll();
    expect((await lookup).authority?.role).toBe('coach');
    expect(slow.reads()).toBe(1);

    cache.remember(user('client'), cache.invalidations);
    expect((await cache.lookup('user_1')).authority?.role).toBe('client');
    expect(slow.reads()).toBe(1);
  });
});
