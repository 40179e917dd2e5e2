import { splitFullName } from './person-name';

describe('splitting a full name', () => {
  it('takes the last word as the surname', () => {
    expect(splitFullName('Jane Smith')).toEqual({ firstName: 'Jane', lastName: 'Smith' });
    expect(splitFullName('  Mary  Anne   Jones ')).toEqual({ firstName: 'Mary Anne', lastName: 'Jones' });
  });

  it('drops titles and letters after the name', () => {
    expect(splitFullName('Dr Jane Smith')).toEqual({ firstName: 'Jane', lastName: 'Smith' });
    expect(splitFullName('Prof. Ahmed Khan OBE')).toEqual({ firstName: 'Ahmed', lastName: 'Khan' });
    expect(splitFullName('Jane Smith, PhD')).toEqual({ firstName: 'Jane', lastName: 'Smith' });
  });

  it('reads "Surname, First" the other way round', () => {
    expect(splitFullName('Smith, Jane')).toEqual({ firstName: 'Jane', lastName: 'Smith' });
    expect(splitFullName('Smith, Dr Jane Anne')).toEqual({ firstName: 'Jane Anne', lastName: 'Smith' });
  });

  it('cannot tell a surname from one word, and leaves an empty cell empty', () => {
    expect(splitFullName('Madonna')).toEqual({ firstName: 'Madonna', lastName: null });
    expect(splitFullName('Dr')).toEqual({ firstName: 'Dr', lastName: null });
    expect(splitFullName('   ')).toEqual({ firstName: null, lastName: null });
    expect(splitFullName(null)).toEqual({ firstName: null, lastName: null });
  });
});
