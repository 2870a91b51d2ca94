import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns http(s) URLs into links and keeps the text around them', () => {
    expect(
      linkify('Open http://127.0.0.1:3000/api/auth/verify-email?token=a.b&x=1 to verify.'),
    ).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://127.0.0.1:3000/api/auth/verify-email?token=a.b&x=1' },
      { kind: 'text', text: ' to verify.' },
    ]);
  });

  it('leaves sentence punctuation after a URL out of the link', () => {
    expect(linkify('See https://example.com/a).')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://example.com/a' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('does not link other schemes and keeps line breaks', () => {
    expect(linkify('javascript:alert(1)\nmailto:a@b.c')).toEqual([
      { kind: 'text', text: 'javascript:alert(1)\nmailto:a@b.c' },
    ]);
  });

  it('handles several links and text without any', () => {
    expect(linkify('https://a.example\nhttps://b.example')).toEqual([
      { kind: 'link', href: 'https://a.example' },
      { kind: 'text', text: '\n' },
      { kind: 'link', href: 'https://b.example' },
    ]);
    expect(linkify('')).toEqual([]);
  });
});
