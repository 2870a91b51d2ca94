import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** A labelled checkbox with a line of help under its label (a yes-or-no setting in a form). */
export function CheckboxField({
  label,
  hint,
  className = '',
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'className'> & {
  label: string;
  hint?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`flex items-start gap-3 ${className}`}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 shrink-0 accent-primary"
        {...input}
      />
      <div className="min-w-0 text-sm">
        <label htmlFor={id} className="font-medium text-foreground">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-muted-foreground">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
