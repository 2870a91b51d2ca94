import { type ReactNode, useState } from 'react';
import type { RelationshipAction, RelationshipView } from '../../../contract/relationships.ts';
import { useRelationshipAction } from '../../hooks/use-relationships.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { actionWords, visibleActions } from '../../lib/relationships.ts';
import { Button } from '../button.tsx';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { RowAction, RowActions } from '../data-table/cells.tsx';
import { useToast } from '../toast.tsx';

type Pending = { relationship: RelationshipView; action: RelationshipAction; name: string };

export type RelationshipActions = {
  /** Runs an action, or first asks in the dialog when the action asks (all but accepting). */
  start: (relationship: RelationshipView, action: RelationshipAction, name: string) => void;
  /** The action being sent for this relationship, if one is. */
  running: (relationship: RelationshipView) => RelationshipAction | null;
  /** What failed last, in plain words, until dismissed. */
  error: string | null;
  dismissError: () => void;
  /** The confirm dialog: render it once on the page. */
  dialog: ReactNode;
};

/**
 * The actions on relationships of one page (the member's cards, the coach's rows): one mutation,
 * one confirm dialog, a toast once done and an error the page shows where it chooses.
 */
export function useRelationshipActions(): RelationshipActions {
  const mutation = useRelationshipAction();
  const toast = useToast();
  const [asking, setAsking] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);

  function run({ relationship, action, name }: Pending) {
    setError(null);
    mutation.mutate(
      { relationship, action },
      {
        onSuccess: () => {
          setAsking(null);
          toast({ tone: 'success', title: actionWords(action, name).done });
        },
        onError: (failure) => {
          setAsking(null);
          setError(plainApiError(failure));
        },
      },
    );
  }

  function start(relationship: RelationshipView, action: RelationshipAction, name: string) {
    const request = { relationship, action, name };
    if (actionWords(action, name).confirm) setAsking(request);
    else run(request);
  }

  const confirm = asking ? actionWords(asking.action, asking.name).confirm : null;
  return {
    start,
    running: (relationship) =>
      mutation.isPending && mutation.variables?.relationship.id === relationship.id
        ? mutation.variables.action
        : null,
    error,
    dismissError: () => setError(null),
    dialog: (
      <ConfirmDialog
        open={asking !== null}
        title={confirm?.title ?? ''}
        confirmLabel={confirm?.confirmLabel ?? 'Confirm'}
        confirmVariant={
          asking && actionWords(asking.action, asking.name).tone === 'danger' ? 'danger' : 'primary'
        }
        pending={mutation.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && run(asking)}
      >
        <p>{confirm?.body}</p>
      </ConfirmDialog>
    ),
  };
}

/**
 * A button per action the server allows the caller on this relationship: compact in a table row,
 * regular on a card. Each button's name says whom it is about ("Pause coaching with Ada").
 */
export function RelationshipActionButtons({
  relationship,
  name,
  actions,
  compact = false,
}: {
  relationship: RelationshipView;
  /** The other side's name. */
  name: string;
  actions: RelationshipActions;
  compact?: boolean;
}) {
  const shown = visibleActions(relationship.allowedActions);
  if (shown.length === 0) return null;
  const running = actions.running(relationship);
  const buttons = shown.map((action) => {
    const words = actionWords(action, name);
    const common = {
      disabled: running !== null,
      pending: running === action,
      'aria-label': words.name,
      onClick: () => actions.start(relationship, action, name),
    };
    return compact ? (
      <RowAction key={action} {...common} tone={words.tone}>
        {words.label}
      </RowAction>
    ) : (
      <Button
        key={action}
        {...common}
        size="sm"
        variant={
          words.tone === 'primary'
            ? 'primary'
            : words.tone === 'danger'
              ? 'danger-quiet'
              : 'secondary'
        }
      >
        {words.label}
      </Button>
    );
  });
  return compact ? (
    <RowActions>{buttons}</RowActions>
  ) : (
    <div className="flex flex-wrap gap-2">{buttons}</div>
  );
}
