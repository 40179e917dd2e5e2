import { describe, expect, it } from 'vitest';
import { hebciExportRows, hebciTables } from './hebci-table';

describe('hebciTables', () => {
  it('lays out all four tables with every heading, zeros where nothing was won', () => {
    const tables = hebciTables([]);
    expect(tables.map((t) => [t.table, t.rows.map((r) => r.category)])).toEqual([
      [1, ['collaborative_research', 'contract_research']],
      [2, ['consultancy', 'facilities_equipment', 'cpd_continuing_education']],
      [3, ['regeneration']],
      [4, ['ip_licensing']],
    ]);
    expect(tables[0].rows[0].byPartner.sme).toEqual({ count: 0, valuePence: 0, valueThousands: 0 });
    expect(tables[2].totalRow).toBeNull();
    expect(tables[1].totalRow?.label).toBe('Total');
  });

  it('puts each cell under its heading and partner type, with row and table totals', () => {
    const tables = hebciTables([
      { category: 'collaborative_research', partnerType: 'other_commercial', count: 1, valuePence: 2_997_263 },
      { category: 'contract_research', partnerType: 'other_commercial', count: 2, valuePence: 4_000_000 },
      { category: 'contract_research', partnerType: 'sme', count: 1, valuePence: 1_200_000 },
      { category: 'regeneration', partnerType: 'non_commercial', count: 1, valuePence: 500_000 },
    ]);
    const [research, , regeneration] = tables;
    expect(research.rows[0].byPartner.other_commercial).toEqual({ count: 1, valuePence: 2_997_263, valueThousands: 30 });
    expect(research.rows[1].total).toEqual({ count: 3, valuePence: 5_200_000, valueThousands: 52 });
    expect(research.totalRow?.byPartner.other_commercial).toEqual({ count: 3, valuePence: 6_997_263, valueThousands: 70 });
    expect(research.totalRow?.total).toEqual({ count: 4, valuePence: 8_197_263, valueThousands: 82 });
    expect(regeneration.rows[0].total.valueThousands).toBe(5);
  });

  it('rounds £000s from the summed pence, so totals do not drift from rounded cells', () => {
    // Three cells of £1,400 each round to 1 (£000s) apiece, but total £4,200 → 4, not 3.
    const [, services] = hebciTables([
      { category: 'consultancy', partnerType: 'sme', count: 1, valuePence: 140_000 },
      { category: 'consultancy', partnerType: 'other_commercial', count: 1, valuePence: 140_000 },
      { category: 'consultancy', partnerType: 'non_commercial', count: 1, valuePence: 140_000 },
    ]);
    expect(services.rows[0].byPartner.sme.valueThousands).toBe(1);
    expect(services.rows[0].total.valueThousands).toBe(4);
  });

  it('flattens to one export line per heading and table total', () => {
    const lines = hebciExportRows(hebciTables([]));
    expect(lines).toHaveLength(7 + 2);
    expect(lines[2]).toMatchObject({ table: 'Table 1: Research related activities', heading: 'Total' });
  });
});
