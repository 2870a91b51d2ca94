import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client.ts';
import { noRetryOnRefusal } from './query-retry.ts';

const error = (status: number) => new ApiRequestError({ status, code: 'x', message: 'm' });

describe('noRetryOnRefusal', () => {
  it('asks once more after a network or server failure', () => {
    expect(noRetryOnRefusal(0, error(0))).toBe(true);
    expect(noRetryOnRefusal(1, error(503))).toBe(true);
    expect(noRetryOnRefusal(1, new Error('offline'))).toBe(true);
    expect(noRetryOnRefusal(2, error(503))).toBe(false);
  });

  it('never asks again after a refusal', () => {
    expect(noRetryOnRefusal(0, error(400))).toBe(false);
    expect(noRetryOnRefusal(0, error(404))).toBe(false);
    expect(noRetryOnRefusal(0, error(499))).toBe(false);
  });
});
