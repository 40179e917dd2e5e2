import depthLimit from 'graphql-depth-limit';
import { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { refuseRequest } from './errors';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 5000;
/** Aliases let one request ask for the same field many times; the app's own documents use a handful. */
export const MAX_ALIASES = 50;
/** Lexer tokens in one document: parsing stops here, so a megabyte of `{a a a …}` costs little. */
export const MAX_TOKENS = 10_000;

export const depthLimitRule = depthLimit(MAX_QUERY_DEPTH);

/** Refuses a document with more than `max` aliased fields (fragments included, counted once each). */
export function aliasLimitRule(max = MAX_ALIASES): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(new GraphQLError(`Too many aliases: more than ${max} in one request`, { nodes: [node] }));
        }
      },
    };
  };
}

/** Refuses a query whose estimated cost (list sizes multiply) is above the cap, before it runs. */
export function complexityPlugin(getSchema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const schema = getSchema();
          // Variables that do not fit the schema are left to execution, which refuses them as
          // BAD_USER_INPUT (HTTP 400) naming the variable; costing them here would throw a 500.
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw refuseRequest(`Query is too complex: ${complexity} (maximum ${max})`);
          }
        },
      };
    },
  };
}
