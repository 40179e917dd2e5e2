import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../common/graphql/errors';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
};

/**
 * The export endpoints speak HTTP, not GraphQL: our errors become the matching status with the
 * same body a GraphQL error carries ({ message, code, fields }). Once the file has started, the
 * only honest signal left is to cut the connection, so the download fails instead of looking complete.
 */
@Catch()
export class ExportErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy(error instanceof Error ? error : undefined);
      return;
    }
    if (error instanceof GraphQLError) {
      const code = String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      const status = STATUS[code];
      if (status) {
        res.status(status).json({ message: error.message, code, fields: error.extensions?.fields });
        return;
      }
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      res.status(error.getStatus()).json({ message: error.message, code: ErrorCode.BAD_USER_INPUT });
      return;
    }
    res.status(500).json({ message: 'Internal server error', code: ErrorCode.INTERNAL_SERVER_ERROR });
  }
}
