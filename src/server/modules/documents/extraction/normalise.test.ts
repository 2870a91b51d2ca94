import { describe, expect, it } from 'vitest';
import { countWords, normaliseText } from './normalise.ts';

describe('normaliseText', () => {
  it('joins a word hyphenated at a line end', () => {
    expect(normaliseText('good manage-\nment here')).toBe('good management here');
    expect(normaliseText('manage\u2010\n  ment')).toBe('management');
  });

  it('keeps the hyphen when the next line starts with a capital or a digit', () => {
    expect(normaliseText('Jean-\nPierre and COVID-\n19')).toBe('Jean-Pierre and COVID-19');
  });

  it('leaves hyphens inside a line and list dashes alone', () => {
    expect(normaliseText('well-being\n- first item\n- second')).toBe(
      'well-being\n- first item\n- second',
    );
  });

  it('collapses spaces, trims lines and keeps one blank line between paragraphs', () => {
    const raw = '  Title\t\t here \r\n\r\n\r\n\r\n  First\u00a0 paragraph  \nline two\n\n\nNext ';
    expect(normaliseText(raw)).toBe('Title here\n\nFirst paragraph\nline two\n\nNext');
  });

  it('removes NULs, control characters and soft hyphens, and turns form feeds into paragraphs', () => {
    expect(normaliseText('a\u0000b\u0007c co\u00adop\fnext page')).toBe('abc coop\n\nnext page');
  });

  it('composes accents (NFC) so search finds them', () => {
    expect(normaliseText('cafe\u0301')).toBe('caf\u00e9');
  });
});

describe('countWords', () => {
  it('counts runs containing a letter or digit, not punctuation on its own', () => {
    expect(countWords('Hello, world — 2024 is well-being.\n\nNext')).toBe(6);
    expect(countWords('')).toBe(0);
  });
});
