import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isLeafType,
  isListType, isNonNullType, isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { PUBLIC_KEY, Role, ROLES_KEY } from '../../src/common/auth/roles';

/** One Query or Mutation field of the running schema. */
export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** What the resolver's decorators say about who may call an operation; undefined when they say nothing. */
export type RoleDecision = { public: true } | { public: false; roles: Role[] };

export function schemaOf(app: INestApplication): GraphQLSchema {
  return app.get(GraphQLSchemaHost).schema;
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const ops: Operation[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) ops.push({ kind, name: field.name, field });
  }
  return ops;
}

/**
 * Reads @Roles/@Public off every resolver method that is a Query or Mutation, the way the AuthGuard
 * does (the method's decorator overrides its class's). Keyed by `query:name` / `mutation:name`.
 */
export function roleDecisions(app: INestApplication): Map<string, RoleDecision | undefined> {
  const decisions = new Map<string, RoleDecision | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!cls?.prototype || wrapper.isAlias) continue;
      for (const key of Object.getOwnPropertyNames(cls.prototype)) {
        if (key === 'constructor') continue;
        const method = Object.getOwnPropertyDescriptor(cls.prototype, key)?.value;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata('graphql:resolver_type', method);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = Reflect.getMetadata('graphql:resolver_name', method) ?? key;
        const pick = <T>(metaKey: string): T | undefined => Reflect.getMetadata(metaKey, method) ?? Reflect.getMetadata(metaKey, cls);
        const roles = pick<Role[]>(ROLES_KEY);
        const decision: RoleDecision | undefined = pick<boolean>(PUBLIC_KEY) ? { public: true } : roles ? { public: false, roles } : undefined;
        decisions.set(`${type.toLowerCase()}:${name}`, decision);
      }
    }
  }
  return decisions;
}

/** A plausible value for a scalar, chosen by its type and the field's name. */
function scalarValue(typeName: string, fieldName: string): unknown {
  switch (typeName) {
    case 'ID': return randomUUID();
    case 'Int': return 1;
    case 'Float': return 1.5;
    case 'Boolean': return false;
    case 'Pence': return 100;
    case 'DateTime': return '2026-01-15T10:00:00.000Z';
    case 'String': {
      if (/email/i.test(fieldName)) return `rm-${randomUUID().slice(0, 8)}@test.ac.uk`;
      if (/(On|Date|date|From|To|from|to)$/.test(fieldName)) return '2026-01-15';
      if (/password/i.test(fieldName)) return `pw-${randomUUID()}`;
      return `x-${randomUUID().slice(0, 8)}`;
    }
    default: return 'x';
  }
}

/** A minimal value for a type: required input fields filled, optional ones left out, lists of one. */
export function minimalValue(type: GraphQLInputType, fieldName: string, depth = 0): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType, fieldName, depth);
  if (isListType(type)) return [minimalValue(type.ofType, fieldName, depth)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isScalarType(type)) return scalarValue(type.name, fieldName);
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined && depth < 6) value[field.name] = minimalValue(field.type, field.name, depth + 1);
    }
    return value;
  }
  return null;
}

/** The smallest valid selection: none for a leaf, else `{ __typename }`. */
export function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

/** A document calling the operation with its required arguments as variables, and those variables. */
export function requestFor(op: Operation): { query: string; variables: Record<string, unknown>; uploads: string[] } {
  const required = op.field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables: Record<string, unknown> = {};
  const uploads: string[] = [];
  for (const arg of required) {
    if (getNamedType(arg.type).name === 'Upload') uploads.push(arg.name);
    else variables[arg.name] = minimalValue(arg.type, arg.name);
  }
  const declared = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${op.kind}${declared ? `(${declared})` : ''} { ${op.name}${passed ? `(${passed})` : ''}${selectionOf(op.field)} }`;
  return { query, variables, uploads };
}
