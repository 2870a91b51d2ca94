import { FileUp } from 'lucide-react';
import { type DragEvent, useId, useState } from 'react';
import { ACCEPT_ATTRIBUTE } from '../../lib/documents.ts';

/**
 * Where files are dropped, and the label of the file input at once: a click, or Space or Enter on
 * the (visually hidden but focused) input, opens the file picker, so the keyboard needs no drag.
 * The zone shows the input's focus ring.
 */
export function DropZone({
  hint,
  disabled,
  onFiles,
}: {
  /** The accepted types and size, under the words. */
  hint: string;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  const over = (event: DragEvent<HTMLLabelElement>) => {
    // Without this the browser opens the dropped file itself instead of giving it to the page.
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const drop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled && event.dataTransfer.files.length > 0) {
      onFiles([...event.dataTransfer.files]);
    }
  };

  return (
    <label
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-dragging={dragging || undefined}
      className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring has-disabled:cursor-not-allowed has-disabled:opacity-60 ${
        dragging
          ? 'border-primary bg-primary-soft'
          : 'border-border bg-surface-muted/50 hover:border-primary/60'
      }`}
    >
      <FileUp aria-hidden="true" className="size-6 text-primary" />
      <span className="text-sm text-foreground">
        <span className="font-medium text-primary underline underline-offset-4">Choose files</span>{' '}
        or drop them here
      </span>
      {/* Hidden from the label's name (it is the input's description instead). */}
      <span id={hintId} aria-hidden="true" className="text-xs text-muted-foreground">
        {hint}
      </span>
      <input
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled}
        aria-describedby={hintId}
        className="sr-only"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Emptied, so that choosing the same file again (after removing it) is a change too.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
