import { MaturityLevel } from '../assessment.enums';
import { FrameworkContent } from './framework-content';

/** For unit tests: three dimensions of two statements in two sections, enough to see every scoring rule. */
export function tinyFramework(): FrameworkContent {
  const dimension = (key: string, title: string, sectionKeys: string[]) => ({
    key, title, summary: `${title} summary`, sectionKeys,
    statements: [{ key: `${key}.a`, text: `${title} A` }, { key: `${key}.b`, text: `${title} B` }],
    descriptors: { peripheral: `${title} P`, tactical: `${title} T`, strategic: `${title} S` },
    recommendations: { tactical: [`${title}: reach tactical`], strategic: [`${title}: reach strategic`] },
  });
  return {
    title: 'Tiny', source: 'Test',
    levels: [
      { key: MaturityLevel.peripheral, rank: 1, name: 'Peripheral', alias: 'Operational', aliasSource: 'KSA', description: 'P' },
      { key: MaturityLevel.tactical, rank: 2, name: 'Tactical', alias: null, aliasSource: null, description: 'T' },
      { key: MaturityLevel.strategic, rank: 3, name: 'Strategic', alias: null, aliasSource: null, description: 'S' },
    ],
    sections: [{ key: 's1', title: 'Section 1', summary: '' }, { key: 's2', title: 'Section 2', summary: '' }],
    dimensions: [dimension('uptake', 'Uptake', ['s1']), dimension('data', 'Data', ['s1', 's2']), dimension('people', 'People', ['s2'])],
  };
}

