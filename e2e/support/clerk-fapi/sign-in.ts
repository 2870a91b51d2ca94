// Sign-in attempts: email address, then a password or a code sent to that address.
import { type Answer, type Context, notFound, type Route } from './context.ts';
import { newId, type SignIn } from './state.ts';

function current(context: Context): SignIn | undefined {
  const signIn = context.store.signIns.get(context.params[0] ?? '');
  return signIn && context.client?.signInId === signIn.id ? signIn : undefined;
}

function prepare(context: Context, signIn: SignIn, strategy: string): Answer | undefined {
  if (strategy === 'password') {
    signIn.firstFactor = { status: 'unverified', strategy, attempts: 0 };
    return undefined;
  }
  if (strategy !== 'email_code') {
    return {
      status: 422,
      error: { code: 'strategy_for_user_invalid', message: 'is invalid', param: 'strategy' },
    };
  }
  context.sendEmailCode(signIn.identifier);
  signIn.firstFactor = { status: 'unverified', strategy, attempts: 0 };
  return undefined;
}

function attempt(context: Context, signIn: SignIn): Answer {
  const { body, store } = context;
  const user = store.users.get(signIn.userId);
  if (!user) return notFound('user');
  const strategy = body.strategy ?? '';
  if (strategy === 'password') {
    if (body.password !== user.password) {
      return {
        status: 422,
        error: {
          code: 'form_password_incorrect',
          message: 'is incorrect',
          longMessage: 'Password is incorrect. Try again, or use another method.',
          param: 'password',
        },
      };
    }
  } else if (strategy === 'email_code') {
    if (!body.code || body.code !== store.emailCodes.get(user.email)) {
      if (signIn.firstFactor) signIn.firstFactor.attempts += 1;
      return {
        status: 422,
        error: { code: 'form_code_incorrect', message: 'is incorrect', param: 'code' },
      };
    }
    store.emailCodes.delete(user.email);
  } else {
    return {
      status: 422,
      error: { code: 'strategy_for_user_invalid', message: 'is invalid', param: 'strategy' },
    };
  }
  const session = store.startSession(context.ensureClient(), user.id);
  signIn.firstFactor = { status: 'verified', strategy, attempts: 1 };
  signIn.status = 'complete';
  signIn.createdSessionId = session.id;
  return { response: context.json.signIn(signIn) };
}

export const signInRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/client/sign_ins',
    run(context) {
      const { body, store } = context;
      const identifier = (body.identifier ?? '').trim().toLowerCase();
      const user = store.userByEmail(identifier);
      if (!user) {
        return {
          status: 422,
          error: {
            code: 'form_identifier_not_found',
            message: "Couldn't find your account.",
            param: 'identifier',
          },
        };
      }
      const client = context.ensureClient();
      const signIn: SignIn = {
        id: newId('sia'),
        identifier,
        userId: user.id,
        status: 'needs_first_factor',
        firstFactor: null,
        createdSessionId: null,
      };
      store.signIns.set(signIn.id, signIn);
      client.signInId = signIn.id;
      // The prebuilt form may send the password along with the address in one request.
      if (body.strategy) {
        const refused = prepare(context, signIn, body.strategy);
        if (refused) return refused;
        if (body.strategy === 'password' && body.password) return attempt(context, signIn);
      }
      return { response: context.json.signIn(signIn) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/client/sign_ins/:id',
    run(context) {
      const signIn = current(context);
      return signIn ? { response: context.json.signIn(signIn) } : notFound('sign-in');
    },
  },
  {
    method: 'POST',
    pattern: '/v1/client/sign_ins/:id/prepare_first_factor',
    run(context) {
      const signIn = current(context);
      if (!signIn) return notFound('sign-in');
      return (
        prepare(context, signIn, context.body.strategy ?? '') ?? {
          response: context.json.signIn(signIn),
        }
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/client/sign_ins/:id/attempt_first_factor',
    run(context) {
      const signIn = current(context);
      return signIn ? attempt(context, signIn) : notFound('sign-in');
    },
  },
];
