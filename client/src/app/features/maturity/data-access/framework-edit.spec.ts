import { describe, expect, it } from 'vitest';
import type { MaturityFrameworkFragment } from '../../../graphql/generated';
import { dimensionEdits, linesOf, toFrameworkInput } from './framework-edit';

const framework: MaturityFrameworkFragment = {
  id: 'f1', version: 3, title: 'JISC CRM self-analysis', source: 'JISC', current: true, statementCount: 1,
  levels: [{ key: 'peripheral', rank: 1, name: 'Peripheral', alias: 'Operational', aliasSource: 'KSA (2007)', description: 'Pockets' }],
  sections: [{ key: 'what', title: 'What is CRM?', summary: 'S' }],
  dimensions: [{
    key: 'strategy', title: 'Strategy', summary: 'Sum', sectionKeys: ['what'],
    statements: [{ key: 'strategy.a', text: 'We have a strategy' }],
    descriptors: { peripheral: 'P', tactical: 'T', strategic: 'S' },
    recommendations: { tactical: ['Do A', 'Do B'], strategic: ['Do C'] },
  }],
};

describe('framework editing', () => {
  it('offers the descriptors and the recommendations one a line', () => {
    expect(dimensionEdits(framework)).toEqual([{ key: 'strategy', peripheral: 'P', tactical: 'T', strategic: 'S', toTactical: 'Do A\nDo B', toStrategic: 'Do C' }]);
  });

  it('sends the whole text back with the edits, dropping blank lines and the level rank', () => {
    const [edit] = dimensionEdits(framework);
    const input = toFrameworkInput(framework, [{ ...edit, tactical: ' New T ', toTactical: 'Do A\n\n  Do D  \n' }]);
    expect(input.levels).toEqual([{ key: 'peripheral', name: 'Peripheral', alias: 'Operational', aliasSource: 'KSA (2007)', description: 'Pockets' }]);
    expect(input.dimensions[0].descriptors).toEqual({ peripheral: 'P', tactical: 'New T', strategic: 'S' });
    expect(input.dimensions[0].recommendations).toEqual({ tactical: ['Do A', 'Do D'], strategic: ['Do C'] });
    expect(input.dimensions[0].statements).toEqual([{ key: 'strategy.a', text: 'We have a strategy' }]);
    expect(input.sections).toEqual([{ key: 'what', title: 'What is CRM?', summary: 'S' }]);
  });

  it('splits lines', () => {
    expect(linesOf(' a \n\nb')).toEqual(['a', 'b']);
  });
});
