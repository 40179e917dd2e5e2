import depthLimit from 'graphql-depth-limit';
import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode, getVariableValues, GraphQLError, GraphQLSchema, TypeInfo, ValidationContext, ValidationRule, visit, visitWithTypeInfo,
} from 'graphql';
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

/**
 * The variables a document's cost can depend on: those inside the arguments of fields that price
 * themselves by their arguments (a `complexity` function, e.g. `first` on a connection) and inside
 * @skip/@include. Every other variable (an id, a filter, a cursor) leaves the cost as it is.
 */
export function costVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const directive = typeInfo.getDirective();
      const field = typeInfo.getFieldDef();
      // An unknown field (validation refuses it before this runs) counts, to be safe.
      const priced = directive ? directive.name === 'skip' || directive.name === 'include' : !field || typeof field.extensions?.complexity === 'function';
      if (priced) visit(node.value, { Variable: (v) => void names.add(v.name.value) });
    },
  }));
  return [...names].sort();
}

/**
 * Each document's costs, by operation and the values of its costVariables, so a document the app
 * sends again (Apollo's document store hands back the same parsed document) is not costed again:
 * costing was a tenth of a small request's server CPU (profiled, issue 15). Keyed weakly by the
 * parsed document, so two documents never share an entry and a document Apollo drops is dropped here.
 */
export class ComplexityMemo {
  /** Costs kept per document; past it that document's costs start again (a client paging with many `first`s). */
  static readonly MAX_PER_DOCUMENT = 200;
  private readonly documents = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

  constructor(private readonly getSchema: () => GraphQLSchema) {}

  /** The cost of running `operationName` of `document` with `variables`: `compute` once per distinct key. */
  cost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, compute: () => number | undefined): number | undefined {
    let entry = this.documents.get(document);
    if (!entry) {
      entry = { variables: costVariables(this.getSchema(), document), costs: new Map() };
      this.documents.set(document, entry);
    }
    // [value] for a variable given, [] for one left out (its default applies): null and absent differ.
    const key = JSON.stringify([operationName ?? null, entry.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []))]);
    const known = entry.costs.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    if (cost === undefined) return undefined;
    if (entry.costs.size >= ComplexityMemo.MAX_PER_DOCUMENT) entry.costs.clear();
    entry.costs.set(key, cost);
    return cost;
  }
}

/** Refuses a query whose estimated cost (list sizes multiply) is above the cap, before it runs. */
export function complexityPlugin(getSchema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  const memo = new ComplexityMemo(getSchema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const variables = request.variables ?? {};
          const complexity = memo.cost(document, request.operationName, variables, () => {
            const schema = getSchema();
            // Variables that do not fit the schema are left to execution, which refuses them as
            // BAD_USER_INPUT (HTTP 400) naming the variable; costing them here would throw a 500.
            // Such a request is not costed, so not remembered either.
            if (getVariableValues(schema, operation?.variableDefinitions ?? [], variables).errors) return undefined;
            return getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          });
          if (complexity !== undefined && complexity > max) {
            throw refuseRequest(`Query is too complex: ${complexity} (maximum ${max})`);
          }
        },
      };
    },
  };
}
