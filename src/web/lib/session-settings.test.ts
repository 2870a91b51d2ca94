import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SessionSettings } from '../../contract/relationships.ts';
import { ApiRequestError } from './api-client.ts';
import {
  sessionSettingsKey,
  sessionSettingsMutation,
  settingRolledBack,
  shareContextHint,
} from './session-settings.ts';

const ON = { auto_send_context: true };
const OFF = { auto_send_context: false };

/** A client whose cache holds the settings as read, and the save run through a mutation. */
function setUp(save: (settings: SessionSettings) => Promise<SessionSettings>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sessionSettingsKey, OFF);
  const observer = new MutationObserver(client, sessionSettingsMutation(client, save));
  const shown = () => client.getQueryData<SessionSettings>(sessionSettingsKey);
  return { observer, shown };
}

describe('sessionSettingsMutation', () => {
  it('shows the new value before the server answers, then keeps what it saved', async () => {
    let seenWhileSaving: SessionSettings | undefined;
    const { observer, shown } = setUp(async (settings) => {
      seenWhileSaving = shown();
      return settings;
    });
    await observer.mutate(ON);
    expect(seenWhileSaving).toEqual(ON);
    expect(shown()).toEqual(ON);
  });

  it('puts the value before back when the server refuses', async () => {
    const refused = new ApiRequestError({ status: 502, code: 'x', message: 'No.' });
    let seenWhileSaving: SessionSettings | undefined;
    const { observer, shown } = setUp(async () => {
      seenWhileSaving = shown();
      throw refused;
    });
    await expect(observer.mutate(ON)).rejects.toBe(refused);
    expect(seenWhileSaving).toEqual(ON);
    expect(shown()).toEqual(OFF);
  });
});

describe('the session setting’s words', () => {
  it('says what each position means', () => {
    expect(shareContextHint(true)).toMatch(/^On:/);
    expect(shareContextHint(false)).toMatch(/^Off:/);
  });

  it('says a refused change was taken back, where the toggle is now, and why', () => {
    const refused = new ApiRequestError({
      status: 503,
      code: 'provider_unavailable',
      message: 'The identity provider did not answer.',
    });
    expect(settingRolledBack(false, refused)).toBe(
      'Your change was not saved. Sharing stays off, as it was. The identity provider did not answer.',
    );
    expect(settingRolledBack(true, new Error('Offline'))).toBe(
      'Your change was not saved. Sharing stays on, as it was. Offline',
    );
    expect(settingRolledBack(undefined, new Error('Offline'))).toBe(
      'Your change was not saved. Offline',
    );
  });
});
