import { GraphQLError, Kind } from 'graphql';
import { PenceScalar, toPence } from './pence.scalar';

describe('Pence scalar', () => {
  it('should keep whole pence exactly, from numbers, bigint column strings and bigints', () => {
    expect(toPence(1250000)).toBe(1250000);
    expect(toPence('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(toPence(BigInt(42))).toBe(42);
    expect(toPence(0)).toBe(0);
  });

  it('should refuse fractions of a penny and values beyond a safe integer', () => {
    expect(() => toPence(12.5)).toThrow(/whole number of pence/);
    expect(() => toPence('9007199254740992')).toThrow(/whole number of pence/);
    expect(() => toPence('12.50')).toThrow(/whole number of pence/);
    expect(() => toPence(Number.NaN)).toThrow();
  });

  it('should accept only JSON numbers and integer literals as input', () => {
    expect(PenceScalar.parseValue(500)).toBe(500);
    expect(() => PenceScalar.parseValue('500')).toThrow(/JSON number/);
    expect(PenceScalar.parseLiteral({ kind: Kind.INT, value: '500' })).toBe(500);
    expect(() => PenceScalar.parseLiteral({ kind: Kind.FLOAT, value: '5.5' })).toThrow(/whole number/);
  });

  it('should point a refused literal at its node, so the API can name the field it was for', () => {
    for (const ast of [{ kind: Kind.STRING, value: 'lots' } as const, { kind: Kind.INT, value: '9007199254740993' } as const]) {
      let thrown: unknown;
      try {
        PenceScalar.parseLiteral(ast);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as GraphQLError).nodes).toEqual([ast]);
    }
  });
});
