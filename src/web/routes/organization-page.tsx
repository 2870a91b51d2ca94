import { useParams } from 'react-router';
import { Alert } from '../components/alert.tsx';
import { DetailLoading, NotFoundState } from '../components/detail-states.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { useOrganization } from '../hooks/use-organizations.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { KIND_LABELS, ORGANIZATION_ROLE_LABELS } from '../lib/organizations.ts';
import { InvitationsTable, InviteMember } from './organization/invitations-table.tsx';
import { MembersTable } from './organization/members-table.tsx';
import { OrganizationDetails } from './organization/metadata-form.tsx';

/**
 * One organization's settings: its details (a form per kind for its admins), its members with
 * their roles and, for admins, the pending invitations and "Invite someone". The server decides:
 * a non-member gets "not found", a member who is not an admin cannot change anything.
 */
export function OrganizationPage() {
  const { identityOrgId = '' } = useParams();
  const user = useCurrentUser();
  const organization = useOrganization(identityOrgId);
  const tenant = organization.data;

  if (organization.error) {
    const missing =
      organization.error instanceof ApiRequestError && organization.error.status === 404;
    return missing ? (
      <NotFoundState title="Organization not found">
        There is no organization at this address that you belong to. Your organizations are listed
        under “Organizations”.
      </NotFoundState>
    ) : (
      <ErrorState
        title="The organization could not be loaded"
        error={organization.error}
        onRetry={() => void organization.refetch()}
      />
    );
  }

  if (!tenant) {
    return (
      <DetailLoading label="Loading the organization…">
        <div aria-hidden="true" className="h-48 animate-pulse rounded-xl bg-surface-muted" />
      </DetailLoading>
    );
  }

  const isAdmin = tenant.role === 'admin' && !tenant.deletedAt;
  return (
    <PageContainer>
      <PageHeader
        title={tenant.name}
        documentTitle={`${tenant.name} · Organization`}
        description={`${KIND_LABELS[tenant.kind]}${tenant.role ? ` · You are ${tenant.role === 'admin' ? 'an admin' : 'a member'}` : ''}`}
        actions={
          isAdmin && <InviteMember identityOrgId={identityOrgId} organizationName={tenant.name} />
        }
      />
      <div className="space-y-8 pb-16">
        {tenant.deletedAt && (
          <Alert tone="warning" title="This organization was deleted" live={false}>
            <p>What it holds stays readable; nothing can be changed.</p>
          </Alert>
        )}
        <OrganizationDetails tenant={tenant} />
        <MembersTable identityOrgId={identityOrgId} isAdmin={isAdmin} myUserId={user?.id} />
        {isAdmin && <InvitationsTable identityOrgId={identityOrgId} />}
        {!isAdmin && tenant.role && (
          <p className="text-sm text-muted-foreground">
            Your role here: {ORGANIZATION_ROLE_LABELS[tenant.role]}. Its admins invite members and
            change the details.
          </p>
        )}
      </div>
    </PageContainer>
  );
}
