import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { formatError } from './errors';

/**
 * Logs each error the client gets only as a generic one (a bug, a database gone mid-request) with
 * the request's logger, so the line carries its request id. formatError, which shapes what the
 * client sees, has no request to hand; here the same rules pick what to log.
 */
export function errorLoggingPlugin(fallback: Logger): ApolloServerPlugin<{ req?: { log?: Logger } }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const log = contextValue.req?.log ?? fallback;
          for (const error of errors) formatError(error.toJSON(), error, (e) => log.error({ err: e }, 'unexpected error'));
        },
      };
    },
  };
}
