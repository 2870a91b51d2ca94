// Organizations and their members on Clerk's Backend API.
import type { IdentityProvider } from '../port.ts';
import { type ClerkCalls, maxPageSize, readAllPages } from './calls.ts';
import {
  rawJson,
  toClerkOrganizationRole,
  toMembership,
  toOrganization,
  toOrganizationMember,
} from './mapping.ts';

export function clerkOrganizations({
  clerk,
  call,
  callOrNull,
}: ClerkCalls): IdentityProvider['organizations'] {
  return {
    create: ({ name, slug, createdBy, publicMetadata }) =>
      call('create the organization', async () =>
        toOrganization(
          rawJson(
            await clerk.organizations.createOrganization({
              name,
              slug,
              createdBy,
              publicMetadata,
            }),
          ),
        ),
      ),

    get: (organizationId) =>
      callOrNull('read the organization', async () =>
        toOrganization(rawJson(await clerk.organizations.getOrganization({ organizationId }))),
      ),

    findBySlug: (slug) =>
      callOrNull('read the organization', async () =>
        toOrganization(rawJson(await clerk.organizations.getOrganization({ slug }))),
      ),

    updatePublicMetadata: (organizationId, patch) =>
      call("update the organization's metadata", async () =>
        toOrganization(
          rawJson(
            await clerk.organizations.updateOrganizationMetadata(organizationId, {
              publicMetadata: patch,
            }),
          ),
        ),
      ),

    listMemberships: (userId) =>
      readAllPages((offset) =>
        call("list the user's organization memberships", async () => {
          const page = await clerk.users.getOrganizationMembershipList({
            userId,
            limit: maxPageSize,
            offset,
          });
          return {
            data: page.data.map((membership) => toMembership(rawJson(membership))),
            totalCount: page.totalCount,
          };
        }),
      ),

    listMembers: (organizationId) =>
      readAllPages((offset) =>
        call("list the organization's members", async () => {
          const page = await clerk.organizations.getOrganizationMembershipList({
            organizationId,
            limit: maxPageSize,
            offset,
            orderBy: '+created_at',
          });
          return {
            data: page.data.map((membership) => toOrganizationMember(rawJson(membership))),
            totalCount: page.totalCount,
          };
        }),
      ),

    addMember: ({ organizationId, userId, role }) =>
      call('add the member to the organization', async () =>
        toMembership(
          rawJson(
            await clerk.organizations.createOrganizationMembership({
              organizationId,
              userId,
              role: toClerkOrganizationRole(role),
            }),
          ),
        ),
      ),

    updateMemberRole: ({ organizationId, userId, role }) =>
      call("change the member's role", async () =>
        toOrganizationMember(
          rawJson(
            await clerk.organizations.updateOrganizationMembership({
              organizationId,
              userId,
              role: toClerkOrganizationRole(role),
            }),
          ),
        ),
      ),

    removeMember: ({ organizationId, userId }) =>
      call('remove the member from the organization', async () => {
        await clerk.organizations.deleteOrganizationMembership({ organizationId, userId });
      }),
  };
}
