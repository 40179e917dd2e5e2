import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Our own errors (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…) are answers, not faults: hand them
 * straight to Apollo so Nest does not log each one as an unhandled exception.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
