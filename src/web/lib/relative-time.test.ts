import { describe, expect, it } from 'vitest';
import { formatUptime, timeAgo } from './relative-time.ts';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('timeAgo', () => {
  it('says how long ago, in the largest unit that fits', () => {
    expect(timeAgo(ago(10), now, 'en')).toBe('just now');
    expect(timeAgo(ago(90), now, 'en')).toBe('2 minutes ago');
    expect(timeAgo(ago(3 * 3600), now, 'en')).toBe('3 hours ago');
    expect(timeAgo(ago(26 * 3600), now, 'en')).toBe('yesterday');
    expect(timeAgo(ago(15 * 24 * 3600), now, 'en')).toBe('2 weeks ago');
  });

  it('says nothing for a date it cannot read', () => {
    expect(timeAgo('not a date', now, 'en')).toBe('');
  });
});

describe('formatUptime', () => {
  it('says how long, in the two largest units', () => {
    expect(formatUptime(45)).toBe('45 s');
    expect(formatUptime(600)).toBe('10 min');
    expect(formatUptime(3 * 3600 + 12 * 60 + 5)).toBe('3 h 12 min');
    expect(formatUptime(2 * 86_400 + 3 * 3600)).toBe('2 days 3 h');
  });
});
