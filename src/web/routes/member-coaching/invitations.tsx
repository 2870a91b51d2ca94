import { useId } from 'react';
import type { RelationshipView } from '../../../contract/relationships.ts';
import { DateCell } from '../../components/data-table/cells.tsx';
import {
  RelationshipActionButtons,
  type RelationshipActions,
} from '../../components/relationships/relationship-actions.tsx';
import { partyName } from '../../lib/relationships.ts';
import { SpecialtyTags } from './coach-card.tsx';

/** Coaches who invited the member: who, their note, and Accept or Decline. */
export function CoachInvitations({
  invitations,
  actions,
}: {
  invitations: RelationshipView[];
  actions: RelationshipActions;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h2 id={titleId} className="text-base font-semibold text-foreground">
        {invitations.length === 1
          ? 'A coach invited you'
          : `${invitations.length} coaches invited you`}
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {invitations.map((invitation) => (
          <Invitation key={invitation.id} invitation={invitation} actions={actions} />
        ))}
      </ul>
    </section>
  );
}

function Invitation({
  invitation,
  actions,
}: {
  invitation: RelationshipView;
  actions: RelationshipActions;
}) {
  const name = partyName(invitation.coach);
  const practice = invitation.practice;
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-primary/30 bg-surface p-5 shadow-card">
      <div className="min-w-0">
        <p className="font-semibold break-words text-foreground">{name}</p>
        <p className="text-sm break-words text-muted-foreground">
          {[practice?.name, invitation.coach.headline].filter(Boolean).join(' · ')}
        </p>
      </div>
      {practice && <SpecialtyTags specialties={practice.specialties} />}
      {invitation.message && (
        <blockquote className="border-l-2 border-border pl-3 text-sm break-words whitespace-pre-line text-foreground">
          {invitation.message}
        </blockquote>
      )}
      <p className="text-xs text-muted-foreground">
        Sent <DateCell iso={invitation.createdAt} />
        {invitation.expiresAt && (
          <>
            {' '}
            · answer by <DateCell iso={invitation.expiresAt} />
          </>
        )}
      </p>
      <RelationshipActionButtons relationship={invitation} name={name} actions={actions} />
    </li>
  );
}
