/** The directory cache as fresh as the request: the change counter is read on the request's first use, once. */
import type { FastifyRequest } from 'fastify';
import { directoryCacheOf, type DirectoryCache } from '../storage/directory-cache.js';
import type { GatewayDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    dancuDirectory?: Promise<DirectoryCache>;
  }
}

export function directoryFor(deps: Pick<GatewayDeps, 'storage'>, req: FastifyRequest): Promise<DirectoryCache> {
  return (req.dancuDirectory ??= directoryCacheOf(deps.storage).fresh());
}
