import type { MutationOptions, QueryClient } from '@tanstack/react-query';
import type { SessionSettings } from '../../contract/relationships.ts';
import { apiRequest } from './api-client.ts';
import { plainApiError } from './plain-errors.ts';

/*
 * Seed 001's session setting, `auto_send_context`: its optimistic save (the toggle moves at once,
 * and back if the server refuses), what the toggle means in each position, and what to say when a
 * change the page showed at once had to be taken back.
 */

export const sessionSettingsKey = ['me', 'session-settings'] as const;
export const SESSION_SETTINGS_PATH = '/api/v1/member/session-settings/';

const putSettings = (settings: SessionSettings) =>
  apiRequest<SessionSettings>(SESSION_SETTINGS_PATH, { method: 'PUT', body: settings });

type Rollback = { previous: SessionSettings | undefined };

/**
 * The save as mutation options: the cache shows the new value before the server answers, the one
 * before comes back if it refuses, and the server's answer is read again either way.
 */
export function sessionSettingsMutation(
  client: QueryClient,
  save: (settings: SessionSettings) => Promise<SessionSettings> = putSettings,
): MutationOptions<SessionSettings, Error, SessionSettings, Rollback> {
  return {
    mutationFn: save,
    onMutate: async (settings) => {
      // A read in flight would overwrite the optimistic value with the old one.
      await client.cancelQueries({ queryKey: sessionSettingsKey });
      const previous = client.getQueryData<SessionSettings>(sessionSettingsKey);
      client.setQueryData(sessionSettingsKey, settings);
      return { previous };
    },
    onError: (_error, _settings, context) => {
      if (context?.previous) client.setQueryData(sessionSettingsKey, context.previous);
    },
    onSuccess: (saved) => {
      client.setQueryData(sessionSettingsKey, saved);
    },
    onSettled: () => client.invalidateQueries({ queryKey: sessionSettingsKey }),
  };
}

export const SHARE_CONTEXT_LABEL = 'Share my context with my coach before sessions';

/** What the toggle's position means, under its label. */
export function shareContextHint(on: boolean): string {
  return on
    ? 'On: before each session, your coach receives your latest goals and notes.'
    : 'Off: your coach sees only what you bring to the session.';
}

/**
 * The toggle moved at once and the server refused: it is back where it was (`kept`), and this says
 * so, with why.
 */
export function settingRolledBack(kept: boolean | undefined, error: Error): string {
  const state = kept === undefined ? '' : ` Sharing stays ${kept ? 'on' : 'off'}, as it was.`;
  return `Your change was not saved.${state} ${plainApiError(error)}`;
}
