/** Paths whose query string carries a one-time secret (the OIDC authorization code). */
const SECRET_QUERY_PATHS = ['/auth/oidc/callback'];

/**
 * pino-http's request serializer, after the standard one: the OIDC callback is logged without its
 * query (?code=…&state=…), so an authorization code never reaches the logs. Mutates and returns
 * the serialized request (it keeps pino's prototype).
 */
export function redactRequest<T extends { url?: string; query?: unknown }>(req: T): T {
  const path = req.url?.split('?')[0];
  if (path && SECRET_QUERY_PATHS.includes(path)) {
    req.url = path;
    delete req.query;
  }
  return req;
}
