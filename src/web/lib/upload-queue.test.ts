import { describe, expect, it } from 'vitest';
import {
  type QueueAction,
  type QueuedFile,
  queueSummary,
  readyFiles,
  uploadPercent,
  uploadQueue,
} from './upload-queue.ts';

type F = { name: string; size: number };
const file = (name: string, size = 100): F => ({ name, size });

function run(...actions: Parameters<typeof uploadQueue<F>>[1][]): QueuedFile<F>[] {
  return actions.reduce<QueuedFile<F>[]>((queue, action) => uploadQueue(queue, action), []);
}

describe('the upload form’s files', () => {
  it('are ready when chosen, refused at once when a reason is known', () => {
    const queue = run({
      type: 'add',
      files: [
        { id: 'a', file: file('a.pdf'), problem: null },
        { id: 'b', file: file('b.pdf'), problem: '“b.pdf” is too large' },
      ],
    });
    expect(queue.map((item) => [item.id, item.state])).toEqual([
      ['a', 'ready'],
      ['b', 'failed'],
    ]);
    expect(readyFiles(queue).map((item) => item.id)).toEqual(['a']);
    expect(queueSummary(queue)).toBe('0 of 2 files uploaded, 1 not uploaded');
  });

  it('move on their own bar, and what is done leaves when more files come', () => {
    const add = (id: string): QueueAction<F> => ({
      type: 'add',
      files: [{ id, file: file(`${id}.pdf`, 200), problem: null }],
    });
    let queue = run(add('a'), add('b'), { type: 'start', id: 'a' });
    queue = uploadQueue(queue, { type: 'progress', id: 'a', loaded: 150, total: 300 });
    // Progress for a file not being sent is ignored (a late event after a cancel).
    queue = uploadQueue(queue, { type: 'progress', id: 'b', loaded: 10, total: 300 });
    expect(queue.map(uploadPercent)).toEqual([50, 0]);
    expect(queueSummary(queue)).toBe('0 of 2 files uploaded, 1 uploading');
    queue = uploadQueue(queue, { type: 'done', id: 'a', documentId: 'doc-a' });
    expect(queue[0]).toMatchObject({ state: 'done', documentId: 'doc-a' });
    expect(uploadPercent(queue[0] as QueuedFile<F>)).toBe(100);
    queue = uploadQueue(queue, add('c'));
    expect(queue.map((item) => item.id)).toEqual(['b', 'c']);
  });

  it('keep why one failed until it is removed or sent again', () => {
    let queue = run(
      { type: 'add', files: [{ id: 'a', file: file('a.pdf'), problem: null }] },
      { type: 'start', id: 'a' },
      { type: 'failed', id: 'a', problem: 'not a PDF' },
    );
    expect(queue[0]).toMatchObject({ state: 'failed', problem: 'not a PDF' });
    queue = uploadQueue(queue, { type: 'reset', id: 'a' });
    expect(queue[0]).toMatchObject({ state: 'ready', problem: null, loaded: 0 });
    expect(uploadQueue(queue, { type: 'remove', id: 'a' })).toEqual([]);
  });

  it('count nothing for an empty file', () => {
    expect(uploadPercent({ state: 'uploading', loaded: 0, total: 0 })).toBe(0);
    expect(queueSummary([])).toBe('');
  });
});
