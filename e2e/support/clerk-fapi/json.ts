// Records → the snake_case JSON clerk-js reads (`fromJSON` in its resources). Only fields the
// prebuilt components and hooks use are filled in; clerk-js defaults the rest.
import type {
  Client,
  Membership,
  Organization,
  Session,
  SignIn,
  SignUp,
  Store,
  User,
  Verification,
} from './state.ts';

export type Json = Record<string, unknown>;

export type Serializer = {
  client(client: Client | undefined): Json | null;
  session(session: Session): Json;
  user(user: User): Json;
  membership(membership: Membership): Json;
  signIn(signIn: SignIn | undefined): Json | null;
  signUp(signUp: SignUp | undefined): Json | null;
};

const ONE_WEEK = 7 * 24 * 3600 * 1000;

function verificationJson(verification: Verification | null): Json | null {
  if (!verification) return null;
  return {
    object: 'verification',
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: Date.now() + 10 * 60 * 1000,
  };
}

/** Clerk's organization object as the Frontend API sends it; the Backend API adds to it. */
export function organizationJson(organization: Organization, membersCount: number): Json {
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: '',
    has_image: false,
    members_count: membersCount,
    pending_invitations_count: 0,
    max_allowed_memberships: 0,
    admin_delete_enabled: false,
    public_metadata: {},
    created_at: organization.createdAt,
    updated_at: organization.updatedAt,
  };
}

function publicUserData(user: User): Json {
  return {
    user_id: user.id,
    identifier: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: '',
    has_image: false,
  };
}

/** `mintToken` gives each session JSON a fresh `last_active_token`, as Clerk does. */
/** What Clerk's user object holds alike in the Frontend API and the Backend API. */
export function userCore(user: User): Json {
  return {
    object: 'user',
    id: user.id,
    username: null,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: '',
    has_image: false,
    primary_email_address_id: user.emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    public_metadata: user.publicMetadata,
    unsafe_metadata: {},
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function serializer(store: Store, mintToken: (session: Session) => string): Serializer {
  const self: Serializer = {
    membership(membership) {
      const organization = store.organizations.get(membership.orgId);
      const user = store.users.get(membership.userId);
      if (!organization || !user) throw new Error(`dangling membership ${membership.id}`);
      const count = [...store.memberships.values()].filter((m) => m.orgId === organization.id);
      return {
        object: 'organization_membership',
        id: membership.id,
        organization: organizationJson(organization, count.length),
        public_metadata: {},
        public_user_data: publicUserData(user),
        role: membership.role,
        role_name: membership.role.replace(/^org:/, ''),
        permissions: [],
        created_at: membership.createdAt,
        updated_at: membership.updatedAt,
      };
    },

    user(user) {
      return {
        ...userCore(user),
        email_addresses: [
          {
            object: 'email_address',
            id: user.emailId,
            email_address: user.email,
            verification: { object: 'verification', status: 'verified', strategy: 'email_code' },
            linked_to: [],
            reserved: false,
          },
        ],
        passkeys: [],
        organization_memberships: store.membershipsOf(user.id).map(self.membership),
        create_organization_enabled: false,
        delete_self_enabled: false,
        last_sign_in_at: user.updatedAt,
      };
    },

    session(session) {
      const user = store.users.get(session.userId);
      if (!user) throw new Error(`session ${session.id} has no user`);
      return {
        object: 'session',
        id: session.id,
        status: session.status,
        expire_at: session.createdAt + ONE_WEEK,
        abandon_at: session.createdAt + 4 * ONE_WEEK,
        last_active_at: session.updatedAt,
        last_active_organization_id: session.activeOrgId,
        last_active_token: { object: 'token', jwt: mintToken(session) },
        factor_verification_age: [0, -1],
        actor: null,
        tasks: null,
        user: self.user(user),
        public_user_data: publicUserData(user),
        created_at: session.createdAt,
        updated_at: session.updatedAt,
      };
    },

    signIn(signIn) {
      if (!signIn) return null;
      const user = store.users.get(signIn.userId);
      return {
        object: 'sign_in_attempt',
        id: signIn.id,
        status: signIn.status,
        identifier: signIn.identifier,
        supported_identifiers: ['email_address'],
        supported_first_factors: [
          { strategy: 'password' },
          {
            strategy: 'email_code',
            safe_identifier: signIn.identifier,
            email_address_id: user?.emailId,
            primary: true,
          },
        ],
        supported_second_factors: null,
        first_factor_verification: verificationJson(signIn.firstFactor),
        second_factor_verification: null,
        user_data: user ? { first_name: user.firstName, last_name: user.lastName } : null,
        created_session_id: signIn.createdSessionId,
        abandon_at: Date.now() + 24 * 3600 * 1000,
      };
    },

    signUp(signUp) {
      if (!signUp) return null;
      const missing = [
        ...(signUp.email ? [] : ['email_address']),
        ...(signUp.password ? [] : ['password']),
      ];
      const verified = signUp.emailVerification?.status === 'verified';
      return {
        object: 'sign_up_attempt',
        id: signUp.id,
        status: signUp.status,
        required_fields: ['email_address', 'password'],
        optional_fields: ['first_name', 'last_name'],
        missing_fields: missing,
        unverified_fields: signUp.email && !verified ? ['email_address'] : [],
        verifications: {
          email_address: signUp.emailVerification && {
            ...verificationJson(signUp.emailVerification),
            next_action: verified ? '' : 'needs_attempt',
            supported_strategies: ['email_code'],
          },
          phone_number: null,
          web3_wallet: null,
          external_account: null,
        },
        username: null,
        email_address: signUp.email,
        phone_number: null,
        web3_wallet: null,
        first_name: signUp.firstName,
        last_name: signUp.lastName,
        has_password: Boolean(signUp.password),
        unsafe_metadata: {},
        custom_action: false,
        external_id: null,
        created_session_id: signUp.createdSessionId,
        created_user_id: signUp.createdUserId,
        abandon_at: Date.now() + 24 * 3600 * 1000,
        legal_accepted_at: null,
      };
    },

    client(client) {
      if (!client) return null;
      return {
        object: 'client',
        id: client.id,
        sessions: store.sessionsOf(client.id).map(self.session),
        sign_in: self.signIn(client.signInId ? store.signIns.get(client.signInId) : undefined),
        sign_up: self.signUp(client.signUpId ? store.signUps.get(client.signUpId) : undefined),
        last_active_session_id: client.lastActiveSessionId,
        captcha_bypass: false,
        cookie_expires_at: client.createdAt + 52 * ONE_WEEK,
        created_at: client.createdAt,
        updated_at: client.updatedAt,
      };
    },
  };
  return self;
}
