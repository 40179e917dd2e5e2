import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { Logger } from 'pino';
import { Options, pinoHttp } from 'pino-http';
import { redactRequest } from './log-redaction';

/** The Nest token of the app's pino logger (AppModule mounts /graphql's request logging with it). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** The app's one pino logger: nestjs-pino's Logger and PinoLogger and every request's logger derive from it. */
export function appLogger(level: string): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/** How every HTTP request is logged, wherever its middleware is mounted. */
export function requestLogOptions(logger: Logger): Options {
  return {
    logger,
    // A request id on every log line; an incoming X-Request-Id (from a proxy) is kept.
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = (req.headers['x-request-id'] as string) || randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: { req: redactRequest },
    autoLogging: { ignore: (req) => req.url === '/health' },
  };
}

/**
 * Every request's log line, without nestjs-pino's request context: that context is an
 * AsyncLocalStorage, which on Node 20 (once any request has entered it) runs hooks on every
 * promise of the process, and a GraphQL request makes thousands (each field resolver's pipes are
 * promises): about a quarter of the server's CPU on a board of 200 cards (measured, issue 15).
 * Request code logs through the request's own logger (`req.log`, see errorLoggingPlugin).
 */
export const requestLogging = (logger: Logger) => pinoHttp(requestLogOptions(logger));
