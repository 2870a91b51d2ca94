import { describe, expect, it } from 'vitest';
import { currentNavItem, navSections } from './nav-items.ts';

describe('the app shell navigation', () => {
  it('lists every admin page, and the account, for an admin', () => {
    const paths = navSections('admin').flatMap((section) => section.items.map((item) => item.to));
    expect(paths).toEqual([
      '/admin',
      '/admin/waitlist',
      '/admin/approved-users',
      '/admin/coaching-interest',
      '/admin/users',
      '/admin/audit-log',
      '/admin/outbox',
      '/admin/status',
      '/profile',
      '/documents',
      '/organizations',
      '/account',
    ]);
  });

  it("gives each role its own area's pages", () => {
    const first = (role: Parameters<typeof navSections>[0]) => navSections(role)[0]?.items[0]?.to;
    expect(first('coach')).toBe('/coach');
    expect(first('client')).toBe('/member');
    expect(first('pending')).toBe('/pending');
    const paths = (role: Parameters<typeof navSections>[0]) =>
      navSections(role)[0]?.items.map((item) => item.to);
    expect(paths('coach')).toContain('/coach/clients');
    expect(paths('client')).toEqual(
      expect.arrayContaining(['/member/coaching', '/goals', '/documents', '/coaches']),
    );
    // Goals are a client's own: a coach reaches a client's from My clients.
    expect(paths('coach')).not.toContain('/goals');
    expect(currentNavItem(navSections('client'), '/goals/discovery')?.label).toBe('Goals');
    // Everyone with an area finds their documents once: a client in the member area.
    for (const role of ['admin', 'coach', 'client'] as const) {
      const all = navSections(role).flatMap((section) => section.items.map((item) => item.to));
      expect(all.filter((path) => path === '/documents')).toHaveLength(1);
    }
    expect(currentNavItem(navSections('client'), '/documents/abc')?.label).toBe('Documents');
  });

  it('finds the page a path belongs to, the longest match first', () => {
    const admin = navSections('admin');
    expect(currentNavItem(admin, '/admin')?.label).toBe('Overview');
    expect(currentNavItem(admin, '/admin/')?.label).toBe('Overview');
    expect(currentNavItem(admin, '/admin/waitlist')?.label).toBe('Waitlist');
    expect(currentNavItem(admin, '/admin/waitlist/anything')?.label).toBe('Waitlist');
    expect(currentNavItem(admin, '/account')?.label).toBe('Account');
    expect(currentNavItem(admin, '/organizations/org_1')?.label).toBe('Organizations');
    expect(currentNavItem(admin, '/coach')).toBeUndefined();
    expect(currentNavItem(admin, '/admin/coaching-interest/abc')?.label).toBe('Coaching interest');
    expect(currentNavItem(navSections('client'), '/member/coaching')?.label).toBe('Coaching');
  });
});
