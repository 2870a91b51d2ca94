import { useId } from 'react';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { DateCell } from '../../components/data-table/cells.tsx';
import { AiPrivacySetting } from '../../components/goals/ai-privacy-setting.tsx';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { RelationshipStatusBadge } from '../../components/relationships/relationship-status-badge.tsx';
import { partyName } from '../../lib/relationships.ts';

/** Specialties as small tags. */
export function SpecialtyTags({ specialties }: { specialties: readonly string[] }) {
  if (specialties.length === 0) return null;
  return (
    <ul aria-label="Specialties" className="flex flex-wrap gap-1.5">
      {specialties.map((specialty) => (
        <li
          key={specialty}
          className="rounded-full border border-border bg-surface-muted px-2.5 py-0.5 text-xs text-foreground"
        >
          {specialty}
        </li>
      ))}
    </ul>
  );
}

/** One of the member's coaches (active or paused): who, their practice, since when, and actions. */
export function CoachCard({
  relationship,
  actions,
}: {
  relationship: RelationshipView;
  actions: RelationshipActions;
}) {
  const titleId = useId();
  const name = partyName(relationship.coach);
  const practice = relationship.practice;
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold break-words text-foreground">
            {name}
          </h3>
          {relationship.coach.headline && (
            <p className="text-sm break-words text-muted-foreground">
              {relationship.coach.headline}
            </p>
          )}
        </div>
        <RelationshipStatusBadge status={relationship.status} />
      </header>

      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
        {practice && (
          <>
            <dt className="font-medium text-muted-foreground">Practice</dt>
            <dd className="break-words text-foreground">{practice.name}</dd>
          </>
        )}
        <dt className="font-medium text-muted-foreground">Since</dt>
        <dd className="text-foreground">
          {relationship.startedAt ? <DateCell iso={relationship.startedAt} /> : 'Not started yet'}
        </dd>
        {practice && practice.specialties.length > 0 && (
          <>
            <dt className="font-medium text-muted-foreground">Specialties</dt>
            <dd>
              <SpecialtyTags specialties={practice.specialties} />
            </dd>
          </>
        )}
        {practice?.philosophy && (
          <>
            <dt className="font-medium text-muted-foreground">Philosophy</dt>
            <dd className="break-words whitespace-pre-line text-foreground">
              {practice.philosophy}
            </dd>
          </>
        )}
      </dl>

      {relationship.status === 'active' && (
        <details className="group rounded-lg border border-border px-4 py-3">
          <summary className="cursor-pointer text-sm font-medium text-foreground">
            AI goal suggestions with {name}
          </summary>
          <div className="mt-3">
            <AiPrivacySetting relationshipId={relationship.id} side="client" otherName={name} />
          </div>
        </details>
      )}
      {relationship.status === 'paused' && (
        <p className="text-sm text-muted-foreground">
          Coaching is paused. Either of you can resume it.
        </p>
      )}
      <RelationshipActionButtons relationship={relationship} name={name} actions={actions} />
    </article>
  );
}
