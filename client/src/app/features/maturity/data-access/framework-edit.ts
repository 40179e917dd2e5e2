import type { FrameworkInput, MaturityFrameworkFragment } from '../../../graphql/generated';

/** What an admin edits of a dimension: its level descriptors, and its recommendations one a line. */
export interface DimensionEdit {
  key: string;
  peripheral: string;
  tactical: string;
  strategic: string;
  toTactical: string;
  toStrategic: string;
}

export const linesOf = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function dimensionEdits(framework: Pick<MaturityFrameworkFragment, 'dimensions'>): DimensionEdit[] {
  return framework.dimensions.map((d) => ({
    key: d.key,
    ...d.descriptors,
    toTactical: d.recommendations.tactical.join('\n'),
    toStrategic: d.recommendations.strategic.join('\n'),
  }));
}

/**
 * The whole framework text for updateAssessmentFramework: the version as read, with the edited
 * descriptors and recommendations; everything else (levels, sections, statements) kept as it is.
 */
export function toFrameworkInput(framework: MaturityFrameworkFragment, edits: readonly DimensionEdit[]): FrameworkInput {
  return {
    title: framework.title,
    source: framework.source,
    levels: framework.levels.map(({ key, name, alias, aliasSource, description }) => ({ key, name, alias, aliasSource, description })),
    sections: framework.sections.map(({ key, title, summary }) => ({ key, title, summary })),
    dimensions: framework.dimensions.map((d) => {
      const edit = edits.find((e) => e.key === d.key);
      return {
        key: d.key,
        title: d.title,
        summary: d.summary,
        sectionKeys: [...d.sectionKeys],
        statements: d.statements.map(({ key, text }) => ({ key, text })),
        descriptors: edit ? { peripheral: edit.peripheral.trim(), tactical: edit.tactical.trim(), strategic: edit.strategic.trim() } : { ...d.descriptors },
        recommendations: edit ? { tactical: linesOf(edit.toTactical), strategic: linesOf(edit.toStrategic) } : { tactical: [...d.recommendations.tactical], strategic: [...d.recommendations.strategic] },
      };
    }),
  };
}
