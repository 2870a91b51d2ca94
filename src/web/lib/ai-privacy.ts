import type { AiPrivacy, AiPrivacyLevel } from '../../contract/goal-suggestions.ts';

/*
 * Issue 10's AI privacy per relationship, in words: each side chooses how far the client's data may
 * go to make goal suggestions, and the lower of the two applies. Pure: the setting's component
 * uses it.
 */

export const AI_PRIVACY_OPTIONS: readonly { level: AiPrivacyLevel; label: string; hint: string }[] =
  [
    {
      level: 'none',
      label: 'No suggestions',
      hint: 'Nothing is generated from the client’s answers or documents.',
    },
    {
      level: 'local_only',
      label: 'Made on this server only',
      hint: 'Arete itself reads the answers and shared documents; nothing leaves the server.',
    },
    {
      level: 'external',
      label: 'External AI service allowed',
      hint: 'Answers and documents may be sent to the AI service this Arete is set up with.',
    },
  ];

function labelOf(level: AiPrivacyLevel): string {
  return AI_PRIVACY_OPTIONS.find((option) => option.level === level)?.label ?? level;
}

/** What applies, and why, as the side `side` reads it. */
export function aiPrivacySummary(
  privacy: AiPrivacy,
  side: 'coach' | 'client',
  otherName: string,
): string {
  const mine = side === 'coach' ? privacy.coach : privacy.client;
  const theirs = side === 'coach' ? privacy.client : privacy.coach;
  const effective = labelOf(privacy.effective);
  if (mine === theirs) return `In effect: ${effective}. ${otherName} chose the same.`;
  return `In effect: ${effective}, the lower of your choice and ${otherName}’s (“${labelOf(theirs)}”).`;
}
