import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { AddApprovedUser } from './admin-approved-users/add-approved-user.tsx';
import { ApprovedUsersTable } from './admin-approved-users/approved-users-table.tsx';
import { ExportMenu } from './admin-approved-users/export-menu.tsx';
import { ImportApprovedUsers } from './admin-approved-users/import-approved-users.tsx';
import { RestoreRegistry } from './admin-approved-users/restore-registry.tsx';

/**
 * The approved-users registry: the list (search, role, edit, remove), adding one email, importing
 * many, exports and the backup, and restoring one. Each part lives in admin-approved-users/.
 */
export function AdminApprovedUsersPage() {
  return (
    <PageContainer>
      <PageHeader
        title="Approved users"
        documentTitle="Approved users · Admin"
        description="Emails that may sign up, each with the role their account gets."
        actions={
          <>
            <ExportMenu />
            <AddApprovedUser />
          </>
        }
      />
      <div className="space-y-8 pb-16">
        <ApprovedUsersTable />
        <ImportApprovedUsers />
        <RestoreRegistry />
      </div>
    </PageContainer>
  );
}
