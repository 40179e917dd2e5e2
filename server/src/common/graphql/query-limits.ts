import depthLimit from 'graphql-depth-limit';
import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from './errors';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 5000;

export const depthLimitRule = depthLimit(MAX_QUERY_DEPTH);

/** Refuses a query whose estimated cost (list sizes multiply) is above the cap, before it runs. */
export function complexityPlugin(getSchema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema: getSchema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `Query is too complex: ${complexity} (maximum ${max})`);
          }
        },
      };
    },
  };
}
