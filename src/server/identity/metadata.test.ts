import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './metadata.ts';

describe('mergeMetadata (Clerk semantics)', () => {
  it('merges objects key by key, recursively', () => {
    expect(
      mergeMetadata(
        { primary_role: 'coach', organization_roles: { org_a: 'admin' } },
        { organization_roles: { org_b: 'member' } },
      ),
    ).toEqual({ primary_role: 'coach', organization_roles: { org_a: 'admin', org_b: 'member' } });
  });

  it('deletes a key given null, at any depth', () => {
    expect(
      mergeMetadata(
        { primary_role: 'coach', organization_roles: { org_a: 'admin', org_b: 'member' } },
        {
          primary_role: null,
          organization_roles: { org_a: null },
        },
      ),
    ).toEqual({ organization_roles: { org_b: 'member' } });
  });

  it('replaces scalars and arrays rather than merging them', () => {
    expect(mergeMetadata({ tags: ['a', 'b'], count: 1 }, { tags: ['c'], count: 2 })).toEqual({
      tags: ['c'],
      count: 2,
    });
    expect(mergeMetadata({ nested: { a: 1 } }, { nested: 'flat' })).toEqual({ nested: 'flat' });
  });

  it('leaves the original untouched', () => {
    const original = { organization_roles: { org_a: 'admin' } };
    mergeMetadata(original, { organization_roles: { org_b: 'member' } });
    expect(original).toEqual({ organization_roles: { org_a: 'admin' } });
  });
});
