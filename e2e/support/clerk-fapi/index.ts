export type { FapiRequest, FapiResponse } from './http.ts';
export { generatePrivateKeyPem, publishableKeyFor } from './keys.ts';
export { PROXY_PATH, routeFapiStub } from './playwright.ts';
export { type FapiServer, listenFapiStub } from './server.ts';
export { createFapiStub, type FapiStub, type FapiStubOptions } from './stub.ts';
