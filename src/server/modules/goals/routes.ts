import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contract/errors.ts';
import {
  checkInBodySchema,
  checkInListSchema,
  checkInSchema,
  coachClientGoalListSchema,
  coachClientGoalsQuerySchema,
  commentBodySchema,
  createGoalBodySchema,
  goalCommentListSchema,
  goalCommentSchema,
  goalListQuerySchema,
  goalListSchema,
  goalParamsSchema,
  goalSchema,
  proposeGoalBodySchema,
  relationshipGoalParamsSchema,
  updateGoalBodySchema,
} from '../../../contract/goals.ts';
import { relationshipParamsSchema } from '../../../contract/relationships.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { coachClientGoals } from './coach-overview.ts';
import { addComment, getComments } from './comments.ts';
import {
  checkIn,
  coachGoals,
  createGoal,
  type GoalsDeps,
  getCheckIns,
  getGoal,
  listGoals,
  ownGoals,
  proposeGoal,
  updateGoal,
} from './service.ts';

const secured = [{ bearerAuth: [] }];
const errors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
};
const tags = ['goals'];
const BODY_LIMIT = 64 * 1024;

export const goalRoutes: FastifyPluginAsyncZod<GoalsDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  const client = guards.requireRole('client');
  const coach = guards.requireRole('coach');

  app.post(
    '/api/v1/goals',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'A new goal of the caller’s, with key results and milestones; starting it past the focus limit answers 409 with the goals in progress',
        security: secured,
        body: createGoalBodySchema,
        response: { 201: goalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createGoal(deps, callerOf(request), request.body)),
  );

  app.get(
    '/api/v1/goals',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'The caller’s goals, newest first, with progress and momentum',
        security: secured,
        querystring: goalListQuerySchema,
        response: { 200: goalListSchema, ...errors },
      },
    },
    (request) => listGoals(deps, ownGoals(callerOf(request)), request.query),
  );

  app.get(
    '/api/v1/goals/:id',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'One of the caller’s goals',
        security: secured,
        params: goalParamsSchema,
        response: { 200: goalSchema, ...errors },
      },
    },
    (request) => getGoal(deps, ownGoals(callerOf(request)), request.params.id),
  );

  app.patch(
    '/api/v1/goals/:id',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Edit a goal, share or hide it, or move it in its lifecycle (accepting or declining a proposal too)',
        security: secured,
        params: goalParamsSchema,
        body: updateGoalBodySchema,
        response: { 200: goalSchema, ...errors },
      },
    },
    (request) => updateGoal(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/goals/:id/check-ins',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Append a check-in: new values, milestones done, a confidence of 1 to 5, a note',
        security: secured,
        params: goalParamsSchema,
        body: checkInBodySchema,
        response: { 201: checkInSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await checkIn(deps, callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/goals/:id/check-ins',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'A goal’s check-ins, oldest first, each with the progress after it',
        security: secured,
        params: goalParamsSchema,
        response: { 200: checkInListSchema, ...errors },
      },
    },
    (request) => getCheckIns(deps, ownGoals(callerOf(request)), request.params.id),
  );

  app.get(
    '/api/v1/goals/:id/comments',
    {
      onRequest: client,
      schema: {
        tags,
        summary: 'The comments on one of the caller’s goals',
        security: secured,
        params: goalParamsSchema,
        response: { 200: goalCommentListSchema, ...errors },
      },
    },
    (request) => getComments(deps.db, ownGoals(callerOf(request)), request.params.id),
  );

  app.post(
    '/api/v1/goals/:id/comments',
    {
      onRequest: client,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Comment on one of the caller’s goals',
        security: secured,
        params: goalParamsSchema,
        body: commentBodySchema,
        response: { 201: goalCommentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return reply
        .code(201)
        .send(
          await addComment(deps.db, caller, ownGoals(caller), request.params.id, request.body.body),
        );
    },
  );

  app.get(
    '/api/v1/relationships/coach/goals',
    {
      onRequest: coach,
      schema: {
        tags,
        summary:
          'The goals in progress that the caller’s active clients share, stalled first, then those needing attention',
        security: secured,
        querystring: coachClientGoalsQuerySchema,
        response: { 200: coachClientGoalListSchema, ...errors },
      },
    },
    async (request) => coachClientGoals(deps.db, callerOf(request), request.query),
  );

  app.get(
    '/api/v1/relationships/:id/goals',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'The goals a client shares with their coach, while the relationship is active',
        security: secured,
        params: relationshipParamsSchema,
        querystring: goalListQuerySchema,
        response: { 200: goalListSchema, ...errors },
      },
    },
    async (request) =>
      listGoals(deps, await coachGoals(deps, callerOf(request), request.params.id), request.query),
  );

  app.post(
    '/api/v1/relationships/:id/goals',
    {
      onRequest: coach,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Propose a goal to the client; they accept, edit or decline it',
        security: secured,
        params: relationshipParamsSchema,
        body: proposeGoalBodySchema,
        response: { 201: goalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await proposeGoal(deps, callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/relationships/:id/goals/:goalId',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'One goal the client shares with their coach',
        security: secured,
        params: relationshipGoalParamsSchema,
        response: { 200: goalSchema, ...errors },
      },
    },
    async (request) =>
      getGoal(
        deps,
        await coachGoals(deps, callerOf(request), request.params.id),
        request.params.goalId,
      ),
  );

  app.get(
    '/api/v1/relationships/:id/goals/:goalId/check-ins',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'The check-ins of a goal the client shares with their coach',
        security: secured,
        params: relationshipGoalParamsSchema,
        response: { 200: checkInListSchema, ...errors },
      },
    },
    async (request) =>
      getCheckIns(
        deps,
        await coachGoals(deps, callerOf(request), request.params.id),
        request.params.goalId,
      ),
  );

  app.get(
    '/api/v1/relationships/:id/goals/:goalId/comments',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'The comments on a goal the client shares with their coach',
        security: secured,
        params: relationshipGoalParamsSchema,
        response: { 200: goalCommentListSchema, ...errors },
      },
    },
    async (request) =>
      getComments(
        deps.db,
        await coachGoals(deps, callerOf(request), request.params.id),
        request.params.goalId,
      ),
  );

  app.post(
    '/api/v1/relationships/:id/goals/:goalId/comments',
    {
      onRequest: coach,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'The coach comments on a goal the client shares with them',
        security: secured,
        params: relationshipGoalParamsSchema,
        body: commentBodySchema,
        response: { 201: goalCommentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await coachGoals(deps, caller, request.params.id);
      return reply
        .code(201)
        .send(await addComment(deps.db, caller, scope, request.params.goalId, request.body.body));
    },
  );
};
