import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Alert } from './alert.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

/**
 * A `ConfirmDialog` around a form (invite someone, pre-approve an email, ask a coach): the form is
 * named by `formLabel`, checked by the page (`noValidate`), and sent by the confirm button or by
 * Enter in a field. What stopped the last try stands above the fields under `problemTitle`.
 * `before` goes above the form (what to read before filling it in); `description` is the text
 * under the title that describes the dialog.
 */
export function FormDialog({
  open,
  title,
  description,
  formLabel,
  confirmLabel,
  pending,
  problem,
  problemTitle,
  before,
  onSubmit,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  formLabel: string;
  confirmLabel: string;
  pending: boolean;
  problem: string | null;
  problemTitle: string;
  before?: ReactNode;
  /** A react-hook-form `handleSubmit(…)`, or any handler. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const formId = useId();
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      pending={pending}
      formId={formId}
      onCancel={onCancel}
      fields={
        <>
          {before}
          <form
            id={formId}
            noValidate
            aria-label={formLabel}
            onSubmit={(event) => void onSubmit(event)}
            className="space-y-4"
          >
            {problem && (
              <Alert tone="danger" title={problemTitle}>
                <p>{problem}</p>
              </Alert>
            )}
            {children}
          </form>
        </>
      }
    >
      {description}
    </ConfirmDialog>
  );
}

/**
 * The state of a `FormDialog` opened by a button: `show` empties the form (`reset`) and the last
 * problem, then opens; `close` after a success; `fail` with what stopped the request.
 */
export function useFormDialog(reset: () => void) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return {
    open,
    problem,
    show: () => {
      reset();
      setProblem(null);
      setOpen(true);
    },
    close: () => setOpen(false),
    fail: (message: string) => setProblem(message),
    clearProblem: () => setProblem(null),
  };
}
