import { describe, expect, it } from 'vitest';
import type { DocumentUsage } from '../../contract/documents.ts';
import { ApiRequestError } from './api-client.ts';
import {
  countMatches,
  documentListQuery,
  documentPath,
  documentsCaption,
  documentsListSpec,
  formatBytes,
  markSearchWords,
  plainUploadError,
  pollWhileExtracting,
  searchStems,
  sharedDocumentPath,
  uploadProblemBefore,
  usagePercent,
  usageSummary,
} from './documents.ts';
import { parseListState } from './list-state.ts';

const MB = 1024 * 1024;
const usage: DocumentUsage = {
  usedBytes: 498 * MB,
  quotaBytes: 500 * MB,
  maxUploadBytes: 20 * MB,
  sharedByDefault: false,
};

describe('sizes in words', () => {
  it('counts in steps of 1024, one decimal under ten', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * MB)).toBe('20 MB');
    expect(formatBytes(1.25 * MB)).toBe('1.3 MB');
    expect(formatBytes(2 * 1024 * MB)).toBe('2 GB');
  });

  it('sums up the storage', () => {
    expect(usageSummary(usage)).toBe('498 MB of 500 MB used · files up to 20 MB');
    expect(usagePercent(usage)).toBe(100);
    expect(usagePercent({ ...usage, usedBytes: 50 * MB })).toBe(10);
  });
});

describe('an upload refused', () => {
  it('before sending: empty, too large, or no room left (the files before it counted)', () => {
    expect(uploadProblemBefore({ name: 'a.pdf', size: 0 }, usage)).toMatch(/“a.pdf” is empty/);
    expect(uploadProblemBefore({ name: 'big.pdf', size: 25 * MB }, usage)).toBe(
      '“big.pdf” is 25 MB; a file can be at most 20 MB.',
    );
    expect(uploadProblemBefore({ name: 'ok.pdf', size: MB }, usage)).toBeNull();
    expect(uploadProblemBefore({ name: 'ok.pdf', size: MB }, usage, 1.5 * MB)).toBe(
      '“ok.pdf” (1 MB) does not fit in your storage: 2 MB of 500 MB is left. Delete documents you no longer need to make room.',
    );
  });

  it('by the server: 415 and 413 read well, with the figures', () => {
    const file = { name: 'photo.png', size: MB };
    const refused = (status: number, message: string) =>
      new ApiRequestError({ status, code: 'x', message });
    expect(plainUploadError(refused(415, 'Unsupported Media Type'), file, usage)).toBe(
      '“photo.png” is not a PDF, a Word document (DOCX), a text file or a Markdown file. Arete looks at what is inside the file, not at its name.',
    );
    expect(
      plainUploadError(
        refused(
          415,
          "The file's contents are a PDF, but its name or type says it is a Word document.",
        ),
        { name: 'cv.docx', size: MB },
        usage,
      ),
    ).toBe("The file's contents are a PDF, but its name or type says it is a Word document.");
    expect(
      plainUploadError(
        refused(413, 'This upload would take you over your 500 MB quota (498 MB used).'),
        file,
        usage,
      ),
    ).toBe('This upload would take you over your 500 MB quota (498 MB used).');
    // A proxy's 413 without figures: ours, from the usage.
    expect(plainUploadError(refused(413, 'The server answered 413.'), file, usage)).toMatch(
      /does not fit in your storage: 2 MB of 500 MB is left/,
    );
    expect(plainUploadError(refused(413, 'x'), { name: 'b.pdf', size: 30 * MB }, usage)).toBe(
      '“b.pdf” is 30 MB; a file can be at most 20 MB.',
    );
  });

  it('never with the validator’s words', () => {
    const error = new ApiRequestError({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid request',
      issues: [{ path: 'body.category', message: 'Invalid option: expected one of "cv"|"goals"' }],
    });
    expect(plainUploadError(error, { name: 'a.pdf', size: 1 }, usage)).toBe(
      'The category must be “cv” or “goals”.',
    );
  });
});

describe('the lists’ addresses', () => {
  it('read the contract’s categories and statuses, and nothing else', () => {
    const { state, problems } = parseListState(
      documentsListSpec,
      new URLSearchParams('q=focus&category=cv&status=bogus&page=2'),
    );
    expect(state).toEqual({ q: 'focus', category: 'cv', status: '', page: 2 });
    expect(problems.map((problem) => problem.message)).toEqual([
      '“bogus” is not a status this list knows, so the list shows every status.',
    ]);
    expect(documentListQuery(state)).toEqual({ q: 'focus', category: 'cv', page: 2, pageSize: 20 });
    expect(documentsCaption(state)).toBe(', category CV / résumé, matching “focus”');
  });

  it('carry the search to a document’s page', () => {
    expect(documentPath('d1')).toBe('/documents/d1');
    expect(documentPath('d1', ' quiet words ')).toBe('/documents/d1?q=quiet+words');
    expect(sharedDocumentPath('r1', 'd1', 'x')).toBe('/coach/clients/r1/documents/d1?q=x');
  });
});

describe('polling while text is read', () => {
  it('goes on while a row waits or is read, and stops when none is', () => {
    expect(pollWhileExtracting(undefined)).toBe(false);
    expect(pollWhileExtracting([{ status: 'extracted' }, { status: 'failed' }])).toBe(false);
    expect(pollWhileExtracting([{ status: 'extracted' }, { status: 'pending' }])).toBe(2_000);
    expect(pollWhileExtracting([{ status: 'extracting' }])).toBe(2_000);
  });
});

describe('marking the search in a text', () => {
  it('marks whole words starting with each word’s stem, whatever the case', () => {
    const parts = markSearchWords('Coaches coach; a coaching session. Reproach!', 'coaching');
    expect(parts).toEqual([
      { text: 'Coaches', match: true },
      { text: ' ', match: false },
      { text: 'coach', match: true },
      { text: '; a ', match: false },
      { text: 'coaching', match: true },
      { text: ' session. Reproach!', match: false },
    ]);
    expect(countMatches(parts)).toBe(3);
  });

  it('takes several words, ignores one-letter ones and regular-expression characters', () => {
    expect(searchStems('a Goals (team) goals')).toEqual(['goal', 'team']);
    expect(markSearchWords('x+y', 'x+')).toEqual([{ text: 'x+y', match: false }]);
    expect(markSearchWords('Über die Brücke', 'brücke')).toEqual([
      { text: 'Über die ', match: false },
      { text: 'Brücke', match: true },
    ]);
  });

  it('leaves a text whole without a search', () => {
    expect(markSearchWords('plain', '')).toEqual([{ text: 'plain', match: false }]);
    expect(markSearchWords('', 'x')).toEqual([]);
  });
});
