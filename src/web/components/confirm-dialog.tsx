import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from './button.tsx';

/**
 * Asks before something that matters (a role change, a ban). A native modal `<dialog>`: it keeps
 * focus inside, closes on Escape and gives focus back to where it was. `fields` holds inputs that
 * go with the decision (a role, notes): below the text, and not part of the dialog's description.
 * When `fields` is a form, give its id as `formId`: the confirm button then submits it (Enter in a
 * field does too), and the form's submit handler acts instead of `onConfirm`.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  fields,
  confirmLabel,
  confirmVariant = 'primary',
  pending = false,
  formId,
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
  formId?: string;
  onConfirm?: () => void;
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
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-border bg-surface p-5 text-foreground shadow-card backdrop:bg-foreground/40"
    >
      <h2 id={titleId} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      <div id={bodyId} className="mt-2 text-sm leading-relaxed text-muted-foreground">
        {children}
      </div>
      {fields && <div className="mt-5 space-y-4">{fields}</div>}
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button
          variant={confirmVariant}
          size="sm"
          pending={pending}
          {...(formId ? { type: 'submit', form: formId } : { onClick: onConfirm })}
        >
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
