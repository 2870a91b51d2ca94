import { type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from 'react';

export const inputClasses =
  'w-full rounded-lg border border-border bg-surface px-3 py-2.5 text-foreground shadow-xs transition-colors placeholder:text-muted-foreground focus-visible:border-ring aria-invalid:border-danger disabled:opacity-60';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & {
  label: string;
  /** Shown under the field in red and announced with the field (aria-describedby). */
  error?: string | undefined;
  hint?: ReactNode;
  /** Something next to the input, inside the same row (a show-password button). */
  trailing?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
};

export function TextField({
  label,
  error,
  hint,
  trailing,
  inputRef,
  className = '',
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id={id}
          ref={inputRef}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={inputClasses}
          {...input}
        />
        {trailing}
      </div>
      {hint && (
        <p id={hintId} className="mt-1.5 text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** A password input with a button that shows what was typed (helps on phones, and with typos). */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'trailing'>) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      trailing={
        <button
          type="button"
          aria-pressed={visible}
          onClick={() => setVisible((value) => !value)}
          className="shrink-0 rounded-lg border border-border bg-surface px-3 text-sm font-medium text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground"
        >
          {visible ? 'Hide' : 'Show'}
          <span className="sr-only"> password</span>
        </button>
      }
    />
  );
}
