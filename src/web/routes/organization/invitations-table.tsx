import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type OrgInvitationView, organizationRoleSchema } from '../../../contract/tenants.ts';
import { emailSchema } from '../../../contract/text.ts';
import { Button } from '../../components/button.tsx';
import { DateCell, RowAction } from '../../components/data-table/cells.tsx';
import { dataTableColumns } from '../../components/data-table/columns.ts';
import { DataTable, ONE_PAGE_LIST } from '../../components/data-table/data-table.tsx';
import { EmailField } from '../../components/email-field.tsx';
import { FormDialog, useFormDialog } from '../../components/form-dialog.tsx';
import { SelectField } from '../../components/form-field.tsx';
import { ActionError } from '../../components/page-state.tsx';
import { useToast } from '../../components/toast.tsx';
import {
  useInviteMember,
  useOrganizationInvitations,
  useRevokeInvitation,
} from '../../hooks/use-organizations.ts';
import {
  ORGANIZATION_ROLE_LABELS,
  type OrganizationRole,
  organizationPath,
} from '../../lib/organizations.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';

const col = dataTableColumns<OrgInvitationView>();
const columns = col.columns([
  col.accessor('email', {
    header: 'Email',
    cell: ({ row }) => <span className="font-medium text-foreground">{row.original.email}</span>,
    meta: { className: 'whitespace-nowrap' },
  }),
  col.display({
    id: 'role',
    header: 'Role',
    cell: ({ row }) => ORGANIZATION_ROLE_LABELS[row.original.role],
  }),
  col.display({
    id: 'sent',
    header: 'Sent',
    cell: ({ row }) => <DateCell iso={row.original.createdAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
  col.display({
    id: 'expires',
    header: 'Expires',
    cell: ({ row }) => <DateCell iso={row.original.expiresAt} />,
    meta: { className: 'text-muted-foreground' },
  }),
]);

/** Pending invitations (organization admins only): revoke one. */
export function InvitationsTable({ identityOrgId }: { identityOrgId: string }) {
  const invitations = useOrganizationInvitations(identityOrgId, true);
  const revoke = useRevokeInvitation(identityOrgId);
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  return (
    // The table below is the region (named by its label); this heading is what the eye reads.
    <div className="space-y-3">
      <p aria-hidden="true" className="text-base font-semibold text-foreground">
        Pending invitations
      </p>
      {error && <ActionError message={error} onDismiss={() => setError(null)} />}
      <DataTable
        label="Pending invitations"
        columns={columns}
        rows={invitations.data?.data}
        getRowId={(invitation) => invitation.id}
        query={invitations}
        list={ONE_PAGE_LIST(organizationPath(identityOrgId))}
        page={undefined}
        pagesLabel="Invitation pages"
        rowActions={(invitation) => (
          <RowAction
            tone="danger"
            pending={revoke.isPending && revoke.variables?.id === invitation.id}
            aria-label={`Revoke the invitation of ${invitation.email}`}
            onClick={() => {
              setError(null);
              revoke.mutate(invitation, {
                onSuccess: () =>
                  toast({
                    tone: 'success',
                    title: `The invitation of ${invitation.email} is revoked`,
                  }),
                onError: (failure) => setError(plainApiError(failure)),
              });
            }}
          >
            Revoke
          </RowAction>
        )}
        empty={<p>No pending invitations. Invite someone by email with “Invite someone”.</p>}
      />
    </div>
  );
}

type InviteValues = { email: string; role: OrganizationRole };
const inviteResolver = plainResolver<InviteValues>(
  z.object({ email: emailSchema, role: organizationRoleSchema }),
  {
    email: { name: 'the email address', missing: 'Enter the email address.' },
    role: { name: 'the role', missing: 'Choose a role.' },
  },
);

/** The page's primary action for admins: invite someone by email (a mail with a link goes out). */
export function InviteMember({
  identityOrgId,
  organizationName,
}: {
  identityOrgId: string;
  organizationName: string;
}) {
  const invite = useInviteMember(identityOrgId);
  const toast = useToast();
  const form = useForm<InviteValues>({
    defaultValues: { email: '', role: 'member' },
    resolver: inviteResolver,
  });
  const { errors } = form.formState;
  const dialog = useFormDialog(() => form.reset({ email: '', role: 'member' }));

  const submit = form.handleSubmit((values) => {
    dialog.clearProblem();
    invite.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (invitation) => {
          dialog.close();
          toast({
            tone: 'success',
            title: `${invitation.email} is invited`,
            description: 'A mail with a link to accept is on its way.',
          });
        },
        onError: (error) => dialog.fail(plainApiError(error)),
      },
    );
  });

  return (
    <>
      <Button size="sm" onClick={dialog.show}>
        <UserPlus aria-hidden="true" className="size-4" />
        Invite someone
      </Button>
      <FormDialog
        open={dialog.open}
        title={`Invite someone to ${organizationName}`}
        description={
          <p>They get a mail with a link; they sign in (or sign up) with that address to accept.</p>
        }
        formLabel="Invite someone"
        confirmLabel="Send invitation"
        pending={invite.isPending}
        problem={dialog.problem}
        problemTitle="The invitation was not sent"
        onSubmit={submit}
        onCancel={dialog.close}
      >
        <EmailField autoComplete="off" {...form.register('email')} error={errors.email?.message} />
        <SelectField label="Role" {...form.register('role')} error={errors.role?.message}>
          <option value="member">Member</option>
          <option value="admin">Admin: manages members and details</option>
        </SelectField>
      </FormDialog>
    </>
  );
}
