import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns http(s) URLs into links and keeps the text around them', () => {
    expect(linkify('Open http://127.0.0.1:3000/welcome?token=a.b&x=1 to start.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://127.0.0.1:3000/welcome?token=a.b&x=1' },
      { kind: 'text', text: ' to start.' },
    ]);
  });

  it('keeps a password link whole, with its encoded callback', () => {
    const link =
      'http://127.0.0.1:3000/api/auth/reset-password/aB3dE5gH7jK9mN1pQ3sT5vX7?callbackURL=%2Fset-password%3Femail%3Dpat%252Btag%2540example.com';
    expect(linkify(`Choose your password here: ${link}\n\nThe link works once.`)).toEqual([
      { kind: 'text', text: 'Choose your password here: ' },
      { kind: 'link', href: link },
      { kind: 'text', text: '\n\nThe link works once.' },
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
