import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from './button.tsx';

/**
 * Asks before something that matters (a role change, a ban). A native modal `<dialog>`: it keeps
 * focus inside, closes on Escape and gives focus back to where it was. `fields` holds inputs that
 * go with the decision (a role, notes): below the text, and not part of the dialog's description.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  fields,
  confirmLabel,
  confirmVariant = 'primary',
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  fields?: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-2xl border border-border bg-surface p-6 text-foreground shadow-card backdrop:bg-foreground/40"
    >
      <h2 id={titleId} className="font-display text-2xl font-semibold">
        {title}
      </h2>
      <div id={bodyId} className="mt-3 leading-relaxed text-muted-foreground">
        {children}
      </div>
      {fields && <div className="mt-5 space-y-4">{fields}</div>}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant={confirmVariant} onClick={onConfirm} pending={pending}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
