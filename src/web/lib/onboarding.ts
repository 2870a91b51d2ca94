import type { Role } from '../../contract/users.ts';

/** The roles with a welcome guide after their first sign-in. */
export type OnboardingRole = Extract<Role, 'coach' | 'client'>;

export function hasOnboarding(role: Role): role is OnboardingRole {
  return role === 'coach' || role === 'client';
}

export type OnboardingStep = {
  title: string;
  text: string;
  /**
   * `ready`: there is something to do here now (`to` says where). `upcoming`: it comes with a later
   * part of Arete (relationships, goals); the guide shows it, clearly marked, with no form.
   * When that part lands, its step turns `ready` here and gains its `to`.
   */
  status: 'ready' | 'upcoming';
  to?: string;
};

export type OnboardingGuide = {
  kicker: string;
  title: string;
  lead: string;
  steps: OnboardingStep[];
  done: { to: string; label: string };
};

export const ONBOARDING_GUIDES: Record<OnboardingRole, OnboardingGuide> = {
  coach: {
    kicker: 'Welcome, coach',
    title: 'Set up your practice',
    lead: 'Your coach account is ready. These are the steps to run your practice on Arete; the ones marked “coming soon” arrive with the next releases.',
    steps: [
      {
        title: 'Check your account',
        text: 'Your name, email address and coach role, as an admin approved them.',
        status: 'ready',
        to: '/account',
      },
      {
        title: 'Set up your practice',
        text: 'Give your practice its name and details: the organization your clients are invited into.',
        status: 'ready',
        to: '/organizations',
      },
      {
        title: 'Write your coach profile',
        text: 'How you coach and whom you work with, for your clients to read.',
        status: 'ready',
        to: '/profile',
      },
      {
        title: 'Invite clients',
        text: 'Invite clients by email, and answer the clients who ask to work with you.',
        status: 'ready',
        to: '/coach/clients',
      },
      {
        title: 'Start coaching relationships',
        text: 'Follow each relationship from the first session to completed goals, with shared documents.',
        status: 'upcoming',
      },
    ],
    done: { to: '/coach', label: 'Go to the coach area' },
  },
  client: {
    kicker: 'Welcome',
    title: 'Get ready for coaching',
    lead: 'Your client account is ready. These are the steps to start being coached on Arete; the ones marked “coming soon” arrive with the next releases.',
    steps: [
      {
        title: 'Check your account',
        text: 'Your name, email address and client role, as an admin approved them.',
        status: 'ready',
        to: '/account',
      },
      {
        title: 'Join your company',
        text: 'Become a member of the company you work for, so coaching happens where you work.',
        status: 'ready',
        to: '/organizations',
      },
      {
        title: 'Write your profile',
        text: 'Your name, headline and job title, as your coach will see them.',
        status: 'ready',
        to: '/profile',
      },
      {
        title: 'Connect with your coach',
        text: 'Accept your coach’s invitation, ask a coach from the directory, or tell us what you want from coaching.',
        status: 'ready',
        to: '/member/coaching',
      },
      {
        title: 'Set your goals',
        text: 'Write down what you want to work on and keep it next to the documents you share.',
        status: 'upcoming',
      },
    ],
    done: { to: '/member', label: 'Go to the member area' },
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Completion, per user, in this browser                                                       */
/* ------------------------------------------------------------------------------------------ */

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const onboardingKey = (userId: string) => `arete.onboarding.${userId}`;
export const onboardingOfferedKey = (userId: string) => `arete.onboarding-offered.${userId}`;

// Storage can be missing or refuse (private windows, blocked cookies): then nothing is remembered.
function storageOf(kind: 'local' | 'session'): KeyValueStorage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

function read(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or refused: the guide is simply offered again next time.
  }
}

/** Whether this user finished their welcome guide (in this browser). */
export function isOnboardingDone(
  userId: string,
  storage: KeyValueStorage | null = storageOf('local'),
): boolean {
  return read(storage, onboardingKey(userId)) !== null;
}

export function markOnboardingDone(
  userId: string,
  storage: KeyValueStorage | null = storageOf('local'),
  now: Date = new Date(),
): void {
  write(storage, onboardingKey(userId), now.toISOString());
}

/**
 * Whether to send this user from their account page to the guide: their role has one, they have
 * not finished it, and it was not offered already in this tab (so that "Account" in the menu still
 * opens the account page for someone who chose to look around first).
 */
export function shouldOfferOnboarding(
  user: { id: string; role: Role },
  storage: { local: KeyValueStorage | null; session: KeyValueStorage | null } = {
    local: storageOf('local'),
    session: storageOf('session'),
  },
): boolean {
  if (!hasOnboarding(user.role)) return false;
  if (isOnboardingDone(user.id, storage.local)) return false;
  return read(storage.session, onboardingOfferedKey(user.id)) === null;
}

export function markOnboardingOffered(
  userId: string,
  storage: KeyValueStorage | null = storageOf('session'),
): void {
  write(storage, onboardingOfferedKey(userId), '1');
}
