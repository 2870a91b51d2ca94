import { X } from 'lucide-react';
import { useId } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { ListSpec } from '../../lib/list-state.ts';
import { messageUnderField, reasonOf } from '../../lib/plain-errors.ts';
import { linkClass } from '../link-classes.ts';
import type { ListState } from './use-list-state.ts';

type Key<S> = Extract<keyof S, string>;

/** One control of a list's filter bar. Text and dates apply on submit; a choice at once. */
export type FilterField<S> =
  | {
      kind: 'text';
      key: Key<S>;
      label: string;
      placeholder?: string;
      type?: 'search' | 'text';
      /** One line under the field. */
      hint?: string;
    }
  | {
      kind: 'select';
      key: Key<S>;
      label: string;
      /** The choice that means "no filter". */
      allLabel: string;
      options: readonly { value: string; label: string }[];
    }
  | { kind: 'date'; key: Key<S>; label: string; hint?: string };

type Values = Record<string, string>;

export const filterInputClass =
  'h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:border-ring aria-invalid:border-danger';

/**
 * Checks each field with the schema the list's spec holds for it (the contract's, so the server's
 * limits), and says what is wrong in plain words under the field.
 */
function filterResolver<S>(
  spec: ListSpec<S>,
  fields: readonly FilterField<S>[],
  validate: ((values: Values) => Partial<Record<Key<S>, string>>) | undefined,
): Resolver<Values> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const field of fields) {
      const value = (values[field.key] ?? '').trim();
      if (value === '' || field.kind === 'select') continue;
      const parsed = spec[field.key].schema.safeParse(value);
      if (!parsed.success) {
        const reason = reasonOf(parsed.error.issues[0]?.message ?? '');
        errors[field.key] = {
          type: 'validate',
          message: messageUnderField(reason, { name: field.label.toLowerCase() }),
        };
      }
    }
    for (const [key, message] of Object.entries(validate?.(values) ?? {})) {
      if (message && !errors[key]) errors[key] = { type: 'validate', message: String(message) };
    }
    return Object.keys(errors).length > 0
      ? { values: {}, errors: errors as FieldErrors<Values> }
      : { values, errors: {} };
  };
}

/**
 * The filter bar of a list: a search landmark with a field per filter, a submit button, and a
 * link back to the whole list while a filter is in use. It follows the address (Back and Forward
 * change it too) and writes to it through `list.set`.
 */
export function ListFilters<S extends { page: number }>({
  label,
  spec,
  list,
  fields,
  submitLabel = 'Search',
  validate,
}: {
  /** Names the search landmark: "Find waitlist entries". */
  label: string;
  spec: ListSpec<S>;
  list: ListState<S>;
  fields: readonly FilterField<S>[];
  submitLabel?: string;
  /** Checks between fields (an end date before the start date). */
  validate?: (values: Values) => Partial<Record<Key<S>, string>>;
}) {
  const id = useId();
  const current: Values = {};
  for (const field of fields) current[field.key] = String(list.state[field.key] ?? '');
  const form = useForm<Values>({
    values: current,
    resolver: filterResolver(spec, fields, validate),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;

  const apply = form.handleSubmit((values) => {
    const changes: Record<string, string> = {};
    for (const field of fields) changes[field.key] = (values[field.key] ?? '').trim();
    list.set(changes as Partial<S>);
  });

  return (
    <search aria-label={label}>
      <form
        noValidate
        onSubmit={(event) => void apply(event)}
        className="flex flex-wrap items-start gap-x-3 gap-y-2"
      >
        {fields.map((field) => {
          const fieldId = `${id}-${field.key}`;
          const error = errors[field.key]?.message;
          const hint = field.kind !== 'select' ? field.hint : undefined;
          const describedBy =
            [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null]
              .filter(Boolean)
              .join(' ') || undefined;
          return (
            <div
              key={field.key}
              className={field.kind === 'text' ? 'min-w-48 flex-1 basis-48' : 'min-w-36'}
            >
              <label htmlFor={fieldId} className="block text-xs font-medium text-muted-foreground">
                {field.label}
              </label>
              {field.kind === 'select' ? (
                <select
                  id={fieldId}
                  {...form.register(field.key, { onChange: () => void apply() })}
                  className={`mt-1 ${filterInputClass}`}
                >
                  <option value="">{field.allLabel}</option>
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                  {/* A value from the address that is not among the options stays shown. */}
                  {current[field.key] &&
                    !field.options.some((option) => option.value === current[field.key]) && (
                      <option value={current[field.key]}>{current[field.key]}</option>
                    )}
                </select>
              ) : (
                <input
                  id={fieldId}
                  type={field.kind === 'date' ? 'date' : (field.type ?? 'search')}
                  placeholder={field.kind === 'text' ? field.placeholder : undefined}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  {...form.register(field.key)}
                  className={`mt-1 ${filterInputClass}`}
                />
              )}
              {hint && !error && (
                <p id={`${fieldId}-hint`} className="mt-1 text-xs text-muted-foreground">
                  {hint}
                </p>
              )}
              {error && (
                <p id={`${fieldId}-error`} className="mt-1 text-xs font-medium text-danger">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="flex items-center gap-3 self-start pt-5">
          <button
            type="submit"
            className="inline-flex h-9 items-center rounded-md bg-primary px-3.5 text-sm font-medium text-primary-foreground shadow-card transition-opacity hover:opacity-90"
          >
            {submitLabel}
          </button>
          {list.filtered && (
            <Link
              to={list.resetHref}
              className={`inline-flex items-center gap-1 text-sm ${linkClass}`}
            >
              <X aria-hidden="true" className="size-3.5" />
              Clear filters
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}
