import { describe, expect, it } from 'vitest';
import { headersFromText } from './upload.ts';

describe('an upload’s answer headers', () => {
  it('are read from XMLHttpRequest’s text, values with colons kept whole', () => {
    const headers = headersFromText(
      'content-type: application/json\r\nx-request-id: r-1\r\nretry-after: Wed, 21 Oct 2026 07:28:00 GMT\r\n\r\n',
    );
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('X-Request-Id')).toBe('r-1');
    expect(headers.get('Retry-After')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('skip lines that are no header', () => {
    expect([...headersFromText('garbage\n: no name\n').keys()]).toEqual([]);
  });
});
