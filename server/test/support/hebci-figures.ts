import { HEBCI_TABLE, sumLines } from '../../src/modules/reports/hebci-lines';
import { HeBciPartnerType, HeBciRecord, HeBciUnknownSize } from '../../src/modules/reports/hebci.models';
import { cellOrder, WonRow } from '../../src/modules/reports/hebci.service';
import { HeBciCell } from '../../src/modules/reports/reports.models';

/**
 * The figures summed from the records, as the summary computed them before yearFiguresSql: the
 * reference hebci-figures.int-spec.ts holds the set-wise figures to.
 */
export function figuresOfRecords(records: HeBciRecord[], rows: WonRow[]) {
  return {
    cells: cellsOf(records, rows), lines: sumLines(records.flatMap((r) => r.parts)), unknownSize: unknownSizeOf(records),
    notReturnedCount: rows.filter((r) => !r.category).length,
  };
}

/** The year's income by heading and partner type (the summary grid; in-kind and learner days are not income). */
function cellsOf(records: HeBciRecord[], rows: WonRow[]): HeBciCell[] {
  const category = new Map(rows.map((r) => [r.id, r.category!]));
  const cells = new Map<string, HeBciCell>();
  for (const r of records) {
    if (!r.incomePence) continue;
    const c = category.get(r.opportunityId)!;
    const key = `${c}|${r.partnerType}`;
    const cell = cells.get(key) ?? { table: HEBCI_TABLE[c], category: c, partnerType: r.partnerType, count: 0, valuePence: 0, valueThousands: 0 };
    cell.count += 1;
    cell.valuePence += r.incomePence;
    cell.valueThousands = Math.round(cell.valuePence / 100_000);
    cells.set(key, cell);
  }
  return [...cells.values()].sort(cellOrder);
}

function unknownSizeOf(records: HeBciRecord[]): HeBciUnknownSize[] {
  const out = new Map<string, HeBciUnknownSize>();
  for (const r of records.filter((x) => x.partnerType === HeBciPartnerType.unknown)) {
    const u = out.get(r.organisationId) ?? { organisationId: r.organisationId, name: r.organisationName, reason: r.sizeReason, contracts: 0 };
    u.contracts += 1;
    out.set(r.organisationId, u);
  }
  return [...out.values()];
}
