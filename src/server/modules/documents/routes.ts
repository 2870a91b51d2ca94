import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentListQuerySchema,
  documentListSchema,
  documentParamsSchema,
  documentSchema,
  documentTextSchema,
  documentUsageSchema,
  sharedDocumentParamsSchema,
  updateDocumentBodySchema,
} from '../../../contract/documents.ts';
import { apiErrorSchema } from '../../../contract/errors.ts';
import { relationshipParamsSchema } from '../../../contract/relationships.ts';
import { callerOf, type Guards } from '../../identity/auth-plugin.ts';
import { sendDocument } from './download.ts';
import { closeSpareExtractors } from './extraction/index.ts';
import {
  coachScope,
  type DocumentsDeps,
  deleteDocument,
  getDocument,
  getDocumentText,
  getUsage,
  listDocuments,
  ownScope,
  recordCoachRead,
  summaryOf,
  updateDocument,
} from './service.ts';
import { multipartLimits, uploadDocument } from './upload.ts';

const secured = [{ bearerAuth: [] }];
const errors = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
};
const tags = ['documents'];
const BODY_LIMIT = 16 * 1024;

export const documentRoutes: FastifyPluginAsyncZod<DocumentsDeps & { guards: Guards }> = async (
  app,
  { guards, ...deps },
) => {
  // Only in this plugin: every other route still refuses multipart bodies (415).
  await app.register(multipart, { limits: multipartLimits(deps.limits.maxUploadBytes) });
  const member = guards.requireRole('client', 'coach', 'admin');
  // The extraction pool is shared by the process; its idle spare children must not outlive the app.
  app.addHook('onClose', () => closeSpareExtractors());

  app.post(
    '/api/v1/documents',
    {
      onRequest: member,
      // The file streams to storage under its own limits (upload.ts), not Fastify's body limit.
      bodyLimit: deps.limits.maxUploadBytes + 64 * 1024,
      schema: {
        tags,
        summary:
          'Upload a document: multipart/form-data with `category`, optional `title` and `sharedWithCoaches`, and the file as `file` (PDF, DOCX, text or Markdown); its text is extracted in the background',
        consumes: ['multipart/form-data'],
        security: secured,
        response: {
          201: documentSchema,
          ...errors,
          413: apiErrorSchema,
          415: apiErrorSchema,
          503: apiErrorSchema,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await uploadDocument(deps, callerOf(request), () => request.parts())),
  );

  app.get(
    '/api/v1/documents',
    {
      onRequest: member,
      schema: {
        tags,
        summary:
          'The caller’s documents, newest first; with `q`, the ones whose text or title has the words, best first, with snippets',
        security: secured,
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema, ...errors },
      },
    },
    (request) => listDocuments(deps, ownScope(callerOf(request)), request.query),
  );

  app.get(
    '/api/v1/documents/usage',
    {
      onRequest: member,
      schema: {
        tags,
        summary:
          'What the caller’s documents take, the limits, and whether uploads are shared by default',
        security: secured,
        response: { 200: documentUsageSchema, ...errors },
      },
    },
    (request) => getUsage(deps, callerOf(request)),
  );

  app.get(
    '/api/v1/documents/:id',
    {
      onRequest: member,
      schema: {
        tags,
        summary: 'One of the caller’s documents',
        security: secured,
        params: documentParamsSchema,
        response: { 200: documentSchema, ...errors },
      },
    },
    (request) => getDocument(deps, ownScope(callerOf(request)), request.params.id),
  );

  app.get(
    '/api/v1/documents/:id/text',
    {
      onRequest: member,
      schema: {
        tags,
        summary: 'The extracted text of one of the caller’s documents',
        security: secured,
        params: documentParamsSchema,
        response: { 200: documentTextSchema, ...errors },
      },
    },
    (request) => getDocumentText(deps, ownScope(callerOf(request)), request.params.id),
  );

  app.get(
    '/api/v1/documents/:id/download',
    {
      onRequest: member,
      compress: false,
      schema: {
        tags,
        summary: 'The file, as an attachment of its detected type; single byte ranges',
        security: secured,
        params: documentParamsSchema,
        response: { ...errors, 410: apiErrorSchema, 416: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const document = await summaryOf(deps, ownScope(callerOf(request)), request.params.id);
      return sendDocument(deps.storage, document, request, reply);
    },
  );

  app.patch(
    '/api/v1/documents/:id',
    {
      onRequest: member,
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Rename, recategorise, or share with (or hide from) the caller’s coaches',
        security: secured,
        params: documentParamsSchema,
        body: updateDocumentBodySchema,
        response: { 200: documentSchema, ...errors },
      },
    },
    (request) => updateDocument(deps, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/documents/:id',
    {
      onRequest: member,
      schema: {
        tags,
        summary: 'Delete a document, its text and (once no document uses it) its file; audited',
        security: secured,
        params: documentParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteDocument(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  const coach = guards.requireRole('coach');

  app.get(
    '/api/v1/relationships/:id/documents',
    {
      onRequest: coach,
      schema: {
        tags,
        summary:
          'The documents a client shared with their coach, while the relationship is active (404 otherwise)',
        security: secured,
        params: relationshipParamsSchema,
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema, ...errors },
      },
    },
    async (request) =>
      listDocuments(
        deps,
        await coachScope(deps, callerOf(request), request.params.id),
        request.query,
      ),
  );

  app.get(
    '/api/v1/relationships/:id/documents/:documentId',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'One document a client shared with their coach',
        security: secured,
        params: sharedDocumentParamsSchema,
        response: { 200: documentSchema, ...errors },
      },
    },
    async (request) =>
      getDocument(
        deps,
        await coachScope(deps, callerOf(request), request.params.id),
        request.params.documentId,
      ),
  );

  app.get(
    '/api/v1/relationships/:id/documents/:documentId/text',
    {
      onRequest: coach,
      schema: {
        tags,
        summary: 'The text of a document a client shared with their coach (the read is audited)',
        security: secured,
        params: sharedDocumentParamsSchema,
        response: { 200: documentTextSchema, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await coachScope(deps, caller, request.params.id);
      const text = await getDocumentText(deps, scope, request.params.documentId);
      await recordCoachRead(deps, caller, scope, text.id, 'text');
      return text;
    },
  );

  app.get(
    '/api/v1/relationships/:id/documents/:documentId/download',
    {
      onRequest: coach,
      compress: false,
      schema: {
        tags,
        summary: 'The file of a document a client shared with their coach (audited)',
        security: secured,
        params: sharedDocumentParamsSchema,
        response: { ...errors, 410: apiErrorSchema, 416: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await coachScope(deps, caller, request.params.id);
      const document = await summaryOf(deps, scope, request.params.documentId);
      return sendDocument(deps.storage, document, request, reply, () =>
        recordCoachRead(deps, caller, scope, document.id, 'download'),
      );
    },
  );
};
