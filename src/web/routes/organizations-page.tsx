import { Link } from 'react-router';
import type { TenantView } from '../../contract/tenants.ts';
import { Alert } from '../components/alert.tsx';
import { buttonClasses } from '../components/button.tsx';
import { TruncatedText } from '../components/data-table/cells.tsx';
import { dataTableColumns } from '../components/data-table/columns.ts';
import { DataTable, ONE_PAGE_LIST } from '../components/data-table/data-table.tsx';
import { linkClass } from '../components/link-classes.ts';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useMyOrganizations } from '../hooks/use-organizations.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import {
  KIND_LABELS,
  ORGANIZATION_ROLE_LABELS,
  organizationPath,
  organizationSummary,
} from '../lib/organizations.ts';

const col = dataTableColumns<TenantView>();
const columns = col.columns([
  col.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => {
      const tenant = row.original;
      return (
        <span className="flex items-center gap-2 whitespace-nowrap">
          {tenant.identityOrgId ? (
            <Link to={organizationPath(tenant.identityOrgId)} className={linkClass}>
              {tenant.name}
            </Link>
          ) : (
            <span className="font-medium text-foreground">{tenant.name}</span>
          )}
          {tenant.isPrimary && (
            <span className="rounded-full border border-primary/30 bg-primary-soft px-2 py-0.5 text-xs font-medium text-primary">
              Primary
            </span>
          )}
        </span>
      );
    },
  }),
  col.display({
    id: 'kind',
    header: 'Kind',
    cell: ({ row }) => KIND_LABELS[row.original.kind],
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.display({
    id: 'role',
    header: 'Your role',
    cell: ({ row }) => (row.original.role ? ORGANIZATION_ROLE_LABELS[row.original.role] : '—'),
    meta: { className: 'whitespace-nowrap' },
  }),
  col.display({
    id: 'about',
    header: 'About',
    cell: ({ row }) => (
      <TruncatedText
        text={organizationSummary(row.original)}
        className="max-w-xs text-muted-foreground"
      />
    ),
  }),
]);

/** The organizations the signed-in person belongs to, primary first. */
export function OrganizationsPage() {
  const user = useCurrentUser();
  const organizations = useMyOrganizations();
  const data = organizations.data;
  const canOnboard = user?.role === 'coach' || user?.role === 'client';
  return (
    <PageContainer>
      <PageHeader
        title="Organizations"
        description="The practices and companies you belong to."
        actions={
          canOnboard &&
          data?.data.length === 0 && (
            <Link to="/onboarding" className={buttonClasses('primary', 'sm')}>
              {user?.role === 'coach' ? 'Set up your practice' : 'Set up your company'}
            </Link>
          )
        }
      />
      <div className="space-y-4 pb-16">
        {data?.warning && (
          <Alert tone="warning" title="Shown from Arete’s own copy">
            <p>{data.warning}</p>
          </Alert>
        )}
        <DataTable
          label="Your organizations"
          columns={columns}
          rows={data?.data}
          getRowId={(tenant) => tenant.id}
          query={organizations}
          list={ONE_PAGE_LIST('/organizations')}
          page={undefined}
          pagesLabel="Organization pages"
          empty={
            canOnboard ? (
              <p>
                You belong to no organization yet.{' '}
                <Link to="/onboarding" className={linkClass}>
                  {user?.role === 'coach' ? 'Set up your practice' : 'Set up or join your company'}
                </Link>
                .
              </p>
            ) : (
              <p>You belong to no organization yet. An invitation to one brings you here.</p>
            )
          }
        />
      </div>
    </PageContainer>
  );
}
