import { Link } from 'react-router';
import { RowAction } from '../../components/data-table/cells.tsx';
import { formatBytes } from '../../lib/documents.ts';
import { type QueuedFile, uploadPercent } from '../../lib/upload-queue.ts';

const progressClass =
  'h-1.5 w-full appearance-none overflow-hidden rounded-full bg-surface-muted [&::-moz-progress-bar]:bg-primary [&::-webkit-progress-bar]:bg-surface-muted [&::-webkit-progress-value]:bg-primary [&::-webkit-progress-value]:transition-all';

/**
 * The files chosen for upload, each with a progress bar of its own (the bytes sent, as the browser
 * reports them), what became of it, and what can be done: remove it, cancel it, or open the
 * document it became.
 */
export function UploadList({
  queue,
  onRemove,
  onCancel,
}: {
  queue: QueuedFile<File>[];
  onRemove: (id: string) => void;
  onCancel: (id: string) => void;
}) {
  if (queue.length === 0) return null;
  return (
    <ul
      aria-label="Files to upload"
      className="divide-y divide-border rounded-lg border border-border"
    >
      {queue.map((item) => {
        const percent = uploadPercent(item);
        const name = item.file.name;
        return (
          <li key={item.id} className="space-y-1.5 px-3 py-2.5">
            <div className="flex items-center gap-3">
              <div className="min-w-0 flex-1">
                <p title={name} className="truncate text-sm font-medium text-foreground">
                  {name}
                </p>
                <p className="text-xs text-muted-foreground">
                  {formatBytes(item.file.size)} · <StateWords item={item} percent={percent} />
                </p>
              </div>
              {item.state === 'uploading' ? (
                <RowAction
                  aria-label={`Cancel the upload of ${name}`}
                  onClick={() => onCancel(item.id)}
                >
                  Cancel
                </RowAction>
              ) : item.state === 'done' && item.documentId ? (
                <Link
                  to={`/documents/${encodeURIComponent(item.documentId)}`}
                  aria-label={`Open ${name}`}
                  className="inline-flex h-7 items-center rounded-md border border-border px-2.5 text-xs font-medium text-foreground hover:bg-surface-muted"
                >
                  Open
                </Link>
              ) : (
                <RowAction aria-label={`Remove ${name}`} onClick={() => onRemove(item.id)}>
                  Remove
                </RowAction>
              )}
            </div>
            {(item.state === 'uploading' || item.state === 'done') && (
              <progress
                max={100}
                value={percent}
                aria-label={`Upload of ${name}`}
                className={progressClass}
              />
            )}
            {item.problem && <p className="text-sm text-danger">{item.problem}</p>}
          </li>
        );
      })}
    </ul>
  );
}

function StateWords({ item, percent }: { item: QueuedFile<File>; percent: number }) {
  switch (item.state) {
    case 'ready':
      return <>Ready to upload</>;
    case 'uploading':
      // All bytes sent: the server is storing the file and checking what it is.
      return <>{percent >= 100 ? 'Checking the file…' : `Uploading, ${percent}%`}</>;
    case 'done':
      return <span className="text-success">Uploaded</span>;
    case 'failed':
      return <span className="text-danger">Not uploaded</span>;
  }
}
