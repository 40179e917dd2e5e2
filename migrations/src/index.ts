import { Foundation1732300000000 } from './1732300000000-foundation';

/** Every migration, oldest first. Add new ones at the end (generate with `npm run migration:generate -- Name`). */
export const migrations = [Foundation1732300000000];
