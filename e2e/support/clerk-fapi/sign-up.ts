// Sign-up attempts: email address and password, the address confirmed with an emailed code.
import { type Answer, type Context, notFound, type Route } from './context.ts';
import { newId, type SignUp } from './state.ts';

function current(context: Context): SignUp | undefined {
  const signUp = context.store.signUps.get(context.params[0] ?? '');
  return signUp && context.client?.signUpId === signUp.id ? signUp : undefined;
}

/** Applies the fields clerk-js sent, refusing what Clerk would refuse. */
function update(context: Context, signUp: SignUp): Answer | undefined {
  const { body, store } = context;
  if (body.email_address !== undefined) {
    const email = body.email_address.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      return {
        status: 422,
        error: {
          code: 'form_param_format_invalid',
          message: 'must be a valid email address.',
          longMessage: 'Email address must be a valid email address.',
          param: 'email_address',
        },
      };
    }
    if (store.userByEmail(email)) {
      return {
        status: 422,
        error: {
          code: 'form_identifier_exists',
          message: 'That email address is taken. Please try another.',
          param: 'email_address',
        },
      };
    }
    if (email !== signUp.email) signUp.emailVerification = null;
    signUp.email = email;
  }
  if (body.password !== undefined) {
    if (body.password.length < 8) {
      return {
        status: 422,
        error: {
          code: 'form_password_length_too_short',
          message: 'Passwords must be 8 characters or more.',
          param: 'password',
        },
      };
    }
    signUp.password = body.password;
  }
  if (body.first_name !== undefined) signUp.firstName = body.first_name;
  if (body.last_name !== undefined) signUp.lastName = body.last_name;
  return undefined;
}

function prepareEmail(context: Context, signUp: SignUp): Answer | undefined {
  if (context.body.strategy !== 'email_code' || !signUp.email) {
    return {
      status: 422,
      error: { code: 'form_param_value_invalid', message: 'is invalid', param: 'strategy' },
    };
  }
  context.sendEmailCode(signUp.email);
  signUp.emailVerification = { status: 'unverified', strategy: 'email_code', attempts: 0 };
  return undefined;
}

/** With every field present and the address confirmed, the user and their session come to be. */
function completeIfReady(context: Context, signUp: SignUp) {
  const { email, password } = signUp;
  if (!email || !password || signUp.emailVerification?.status !== 'verified') return;
  const user = context.store.createUser({
    email,
    password,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
  });
  const session = context.store.startSession(context.ensureClient(), user.id);
  signUp.status = 'complete';
  signUp.createdUserId = user.id;
  signUp.createdSessionId = session.id;
}

export const signUpRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/client/sign_ups',
    run(context) {
      const signUp: SignUp = {
        id: newId('sua'),
        email: null,
        password: null,
        firstName: null,
        lastName: null,
        emailVerification: null,
        status: 'missing_requirements',
        createdSessionId: null,
        createdUserId: null,
      };
      const refused = update(context, signUp);
      if (refused) return refused;
      const client = context.ensureClient();
      context.store.signUps.set(signUp.id, signUp);
      client.signUpId = signUp.id;
      if (context.body.strategy) {
        const wrong = prepareEmail(context, signUp);
        if (wrong) return wrong;
      }
      return { response: context.json.signUp(signUp) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/client/sign_ups/:id',
    run(context) {
      const signUp = current(context);
      return signUp ? { response: context.json.signUp(signUp) } : notFound('sign-up');
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/client/sign_ups/:id',
    run(context) {
      const signUp = current(context);
      if (!signUp) return notFound('sign-up');
      const refused = update(context, signUp);
      if (refused) return refused;
      completeIfReady(context, signUp);
      return { response: context.json.signUp(signUp) };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/client/sign_ups/:id/prepare_verification',
    run(context) {
      const signUp = current(context);
      if (!signUp) return notFound('sign-up');
      return prepareEmail(context, signUp) ?? { response: context.json.signUp(signUp) };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/client/sign_ups/:id/attempt_verification',
    run(context) {
      const signUp = current(context);
      if (!signUp) return notFound('sign-up');
      const { body, store } = context;
      const expected = signUp.email ? store.emailCodes.get(signUp.email) : undefined;
      if (!signUp.emailVerification || !body.code || body.code !== expected) {
        if (signUp.emailVerification) signUp.emailVerification.attempts += 1;
        return {
          status: 422,
          error: {
            code: 'form_code_incorrect',
            message: 'is incorrect',
            longMessage: 'Incorrect code',
            param: 'code',
          },
        };
      }
      if (signUp.email) store.emailCodes.delete(signUp.email);
      signUp.emailVerification = { status: 'verified', strategy: 'email_code', attempts: 1 };
      completeIfReady(context, signUp);
      return { response: context.json.signUp(signUp) };
    },
  },
];
