import { describe, expect, it } from 'vitest';
import { aiPrivacySummary } from './ai-privacy.ts';

describe('AI privacy in words', () => {
  it('says when both sides agree', () => {
    const privacy = { coach: 'local_only', client: 'local_only', effective: 'local_only' } as const;
    expect(aiPrivacySummary(privacy, 'coach', 'Cleo')).toBe(
      'In effect: Made on this server only. Cleo chose the same.',
    );
  });

  it('names the other side’s choice and the lower one that applies', () => {
    const privacy = { coach: 'external', client: 'none', effective: 'none' } as const;
    expect(aiPrivacySummary(privacy, 'coach', 'Cleo')).toBe(
      'In effect: No suggestions, the lower of your choice and Cleo’s (“No suggestions”).',
    );
    expect(aiPrivacySummary(privacy, 'client', 'Ben')).toBe(
      'In effect: No suggestions, the lower of your choice and Ben’s (“External AI service allowed”).',
    );
  });
});
