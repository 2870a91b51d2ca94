/*
 * The files of the upload form, each with its own state: chosen (`ready`), being sent
 * (`uploading`, with the bytes sent so far), `done`, or `failed` with why in plain words. A file
 * refused before sending (too large, no room left) is `failed` from the start and never sent.
 * A pure reducer, so the form's states can be tested without a browser.
 */

export type QueuedFile<F extends { name: string; size: number }> = {
  id: string;
  file: F;
  state: 'ready' | 'uploading' | 'done' | 'failed';
  /** Bytes sent so far (of the whole request, which is a little larger than the file). */
  loaded: number;
  total: number;
  problem: string | null;
  /** The document made from it, once done. */
  documentId: string | null;
};

export type QueueAction<F extends { name: string; size: number }> =
  /** New files; each with the reason it cannot go, if one is known already. */
  | { type: 'add'; files: { id: string; file: F; problem: string | null }[] }
  | { type: 'start'; id: string }
  | { type: 'progress'; id: string; loaded: number; total: number }
  | { type: 'done'; id: string; documentId: string }
  | { type: 'failed'; id: string; problem: string }
  | { type: 'remove'; id: string }
  /** Back to `ready`: a cancelled upload can be sent again. */
  | { type: 'reset'; id: string };

export function uploadQueue<F extends { name: string; size: number }>(
  queue: QueuedFile<F>[],
  action: QueueAction<F>,
): QueuedFile<F>[] {
  const change = (id: string, update: (item: QueuedFile<F>) => QueuedFile<F>) =>
    queue.map((item) => (item.id === id ? update(item) : item));
  switch (action.type) {
    case 'add':
      // What is done already leaves the list: it is in the table below now.
      return [
        ...queue.filter((item) => item.state !== 'done'),
        ...action.files.map(({ id, file, problem }) => ({
          id,
          file,
          state: problem ? ('failed' as const) : ('ready' as const),
          loaded: 0,
          total: file.size,
          problem,
          documentId: null,
        })),
      ];
    case 'start':
      return change(action.id, (item) => ({
        ...item,
        state: 'uploading',
        loaded: 0,
        problem: null,
      }));
    case 'progress':
      return change(action.id, (item) =>
        item.state === 'uploading' ? { ...item, loaded: action.loaded, total: action.total } : item,
      );
    case 'done':
      return change(action.id, (item) => ({
        ...item,
        state: 'done',
        loaded: item.total,
        documentId: action.documentId,
      }));
    case 'failed':
      return change(action.id, (item) => ({ ...item, state: 'failed', problem: action.problem }));
    case 'remove':
      return queue.filter((item) => item.id !== action.id);
    case 'reset':
      return change(action.id, (item) => ({ ...item, state: 'ready', loaded: 0, problem: null }));
  }
}

/** How far a file's upload is, from 0 to 100. */
export function uploadPercent(item: Pick<QueuedFile<never>, 'loaded' | 'total' | 'state'>): number {
  if (item.state === 'done') return 100;
  if (item.total <= 0) return 0;
  return Math.min(100, Math.floor((item.loaded / item.total) * 100));
}

/** The files to send when the form is submitted. */
export function readyFiles<F extends { name: string; size: number }>(
  queue: QueuedFile<F>[],
): QueuedFile<F>[] {
  return queue.filter((item) => item.state === 'ready');
}

/** One line for the whole batch, for a screen reader's status: "2 of 3 files uploaded, 1 failed". */
export function queueSummary(queue: QueuedFile<{ name: string; size: number }>[]): string {
  if (queue.length === 0) return '';
  const count = (state: QueuedFile<never>['state']) =>
    queue.filter((item) => item.state === state).length;
  const sending = count('uploading');
  const files = queue.length === 1 ? 'file' : 'files';
  const parts = [`${count('done')} of ${queue.length} ${files} uploaded`];
  if (sending > 0) parts.push(`${sending} uploading`);
  if (count('failed') > 0) parts.push(`${count('failed')} not uploaded`);
  return parts.join(', ');
}
