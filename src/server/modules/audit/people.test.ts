import { describe, expect, it, vi } from 'vitest';
import type { IdentityUser } from '../../identity/port.ts';
import { createPeopleDirectory, personOf } from './people.ts';

function user(
  id: string,
  name: [string | null, string | null] = ['Ada', 'Lovelace'],
): IdentityUser {
  return {
    id,
    email: `${id}@example.com`,
    emailVerified: true,
    firstName: name[0],
    lastName: name[1],
    imageUrl: null,
    publicMetadata: {},
    banned: false,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

describe('personOf', () => {
  it('joins the name, and has none when the provider has none', () => {
    expect(personOf(user('ada'))).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(personOf(user('x', [null, null]))).toEqual({ email: 'x@example.com', name: null });
    expect(personOf(user('y', ['Cher', null]))).toEqual({ email: 'y@example.com', name: 'Cher' });
  });
});

describe('createPeopleDirectory', () => {
  it('asks the provider once per id while the answer is fresh, unknown ids included', async () => {
    let now = 0;
    const get = vi.fn(async (id: string) => (id === 'gone' ? null : user(id)));
    const directory = createPeopleDirectory({ get }, { ttlMs: 1_000, now: () => now });

    const first = await directory.lookUp(['ada', 'gone', 'ada']);
    expect(first.get('ada')).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(first.get('gone')).toBeNull();
    expect(get).toHaveBeenCalledTimes(2);

    now = 999;
    await directory.lookUp(['ada', 'gone']);
    expect(get).toHaveBeenCalledTimes(2);

    now = 1_000;
    await directory.lookUp(['ada']);
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('keeps at most maxEntries ids, letting the oldest go', async () => {
    const get = vi.fn(async (id: string) => user(id));
    const directory = createPeopleDirectory({ get }, { maxEntries: 2 });
    await directory.lookUp(['a', 'b', 'c']);
    expect(get).toHaveBeenCalledTimes(3);
    await directory.lookUp(['b', 'c']);
    expect(get).toHaveBeenCalledTimes(3);
    await directory.lookUp(['a']);
    expect(get).toHaveBeenCalledTimes(4);
  });

  it('does not remember a failure: the ids show, and the next look-up asks again', async () => {
    const get = vi
      .fn<(id: string) => Promise<IdentityUser | null>>()
      .mockRejectedValueOnce(new Error('provider down'))
      .mockImplementation(async (id) => user(id));
    const directory = createPeopleDirectory({ get });
    expect((await directory.lookUp(['ada'])).get('ada')).toBeNull();
    expect((await directory.lookUp(['ada'])).get('ada')).toMatchObject({ name: 'Ada Lovelace' });
    expect(get).toHaveBeenCalledTimes(2);
  });
});
