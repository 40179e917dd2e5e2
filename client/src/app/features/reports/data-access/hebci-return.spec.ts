import { describe, expect, it } from 'vitest';
import { drillRecords, hebciReturn, returnExportRows, returnFigure } from './hebci-return';

describe('hebciReturn', () => {
  const lines = [
    { category: 'collaborative_research' as const, measure: 'public_funding' as const, fundingSource: 'ukri' as const, partnerType: null, valuePence: 25_000_000, count: 2 },
    { category: 'collaborative_research' as const, measure: 'in_kind' as const, partnerType: 'sme' as const, valuePence: 3_000_000, count: 1 },
    { category: 'contract_research' as const, measure: 'income' as const, partnerType: 'unknown' as const, valuePence: 1_200_000, count: 1 },
    { category: 'cpd_continuing_education' as const, measure: 'learner_days' as const, partnerType: 'sme' as const, valuePence: 0, learnerDays: 40, count: 1 },
    { category: 'regeneration' as const, measure: 'income' as const, fundingSource: null, partnerType: null, valuePence: 500_000, count: 1 },
  ];
  const tables = hebciReturn(lines);

  it('lays Table 1 public funding out by HESA sub-heading with a total', () => {
    const rows = tables[0].blocks[0].rows;
    expect(rows.map((r) => [r.label.slice(0, 2), r.cells[0].count, r.cells[0].valueThousands])).toEqual([['1a', 2, 250], ['1b', 0, 0], ['1c', 0, 0], ['1d', 0, 0], ['To', 2, 250]]);
  });

  it('puts unknown size in its own column, never in other commercial', () => {
    const contract = tables[0].blocks[2].rows[0].cells;
    expect(contract.map((c) => c.valueThousands)).toEqual([0, 0, 0, 12, 12]); // SME, other commercial, non-commercial, unknown, total
  });

  it('counts learner days as days and shows a not-recorded source row only when needed', () => {
    expect(tables[1].blocks[0].rows[3].cells[0]).toMatchObject({ learnerDays: 40, count: 1 });
    expect(tables[2].blocks[0].rows.map((r) => r.label)).toContain('Funding source not recorded');
    expect(tables[0].blocks[0].rows.map((r) => r.label)).not.toContain('Funding source not recorded');
  });

  it('drills a cell to the records behind it with their amount for the year', () => {
    const records = [
      { id: 'a', parts: [{ category: 'collaborative_research' as const, measure: 'public_funding' as const, fundingSource: 'ukri' as const, valuePence: 20_000_000 },
        { category: 'collaborative_research' as const, measure: 'in_kind' as const, partnerType: 'sme' as const, valuePence: 3_000_000 }] },
      { id: 'b', parts: [{ category: 'contract_research' as const, measure: 'income' as const, partnerType: 'unknown' as const, valuePence: 1_200_000 }] },
    ];
    expect(drillRecords(records, tables[0].blocks[0].rows[0].cells[0].filter).map((r) => [r.id, r.cellPence])).toEqual([['a', 20_000_000]]);
    expect(drillRecords(records, { category: 'collaborative_research', measure: 'in_kind', partnerType: 'sme' }).map((r) => r.id)).toEqual(['a']);
  });

  it('exports one row per line, partner cells only where the table has them', () => {
    const rows = returnExportRows(tables);
    expect(rows[0]).toMatchObject({ table: 'HESA Table 1 · Research related activities', line: '1a UKRI (except Research England), Royal Society, British Academy', byPartner: null });
    const days = rows.find((r) => r.line === 'CPD learner days')!;
    expect([returnFigure(days.byPartner![0]), returnFigure(days.total)]).toEqual([40, 40]);
  });
});
