import { describe, expect, it } from 'vitest';
import {
  isOnboardingDone,
  markOnboardingDone,
  markOnboardingOffered,
  ONBOARDING_GUIDES,
  onboardingKey,
  shouldOfferOnboarding,
} from './onboarding.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('onboarding completion', () => {
  it('is remembered per user id', () => {
    const local = memoryStorage();
    expect(isOnboardingDone('u1', local)).toBe(false);
    markOnboardingDone('u1', local, new Date('2026-01-02T03:04:05Z'));
    expect(isOnboardingDone('u1', local)).toBe(true);
    expect(isOnboardingDone('u2', local)).toBe(false);
    expect(local.items.get(onboardingKey('u1'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('copes with storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => markOnboardingDone('u1', refusing)).not.toThrow();
    expect(isOnboardingDone('u1', refusing)).toBe(false);
    expect(isOnboardingDone('u1', null)).toBe(false);
  });
});

describe('shouldOfferOnboarding', () => {
  it('offers the guide once per tab to a coach or client who has not finished it', () => {
    const storage = { local: memoryStorage(), session: memoryStorage() };
    expect(shouldOfferOnboarding({ id: 'u1', role: 'coach' }, storage)).toBe(true);
    markOnboardingOffered('u1', storage.session);
    expect(shouldOfferOnboarding({ id: 'u1', role: 'coach' }, storage)).toBe(false);
    expect(shouldOfferOnboarding({ id: 'u2', role: 'client' }, storage)).toBe(true);
    markOnboardingDone('u2', storage.local);
    expect(shouldOfferOnboarding({ id: 'u2', role: 'client' }, storage)).toBe(false);
  });

  it('never offers it to admins or pending users', () => {
    const storage = { local: memoryStorage(), session: memoryStorage() };
    expect(shouldOfferOnboarding({ id: 'u1', role: 'admin' }, storage)).toBe(false);
    expect(shouldOfferOnboarding({ id: 'u1', role: 'pending' }, storage)).toBe(false);
  });
});

describe('ONBOARDING_GUIDES', () => {
  it('end in the area of their role, and link every step that is ready', () => {
    expect(ONBOARDING_GUIDES.coach.done.to).toBe('/coach');
    expect(ONBOARDING_GUIDES.client.done.to).toBe('/member');
    for (const guide of Object.values(ONBOARDING_GUIDES)) {
      for (const step of guide.steps) {
        if (step.status === 'ready') expect(step.to).toMatch(/^\//);
        else expect(step.to).toBeUndefined();
      }
    }
  });
});
