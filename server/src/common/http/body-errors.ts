import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../graphql/errors';

interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
}

const isBodyParserError = (err: unknown): err is BodyParserError =>
  typeof (err as BodyParserError)?.type === 'string' && (err as BodyParserError).status >= 400 && (err as BodyParserError).status < 500;

function describe(err: BodyParserError): string {
  switch (err.type) {
    case 'entity.parse.failed': return `The request body is not valid JSON: ${err.message}`;
    case 'entity.too.large': return `The request body is too large: at most ${err.limit} bytes`;
    default: return `The request body could not be read: ${err.message}`;
  }
}

/**
 * Answers body-parser's refusals (malformed JSON, too large, unsupported charset) with their own
 * 4xx status and a GraphQL-shaped body, so a client reads them like every other refused request.
 */
export const bodyErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (!isBodyParserError(err)) return next(err);
  res.status(err.status).json({ errors: [{ message: describe(err), extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
};
