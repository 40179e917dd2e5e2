import { QueryFailedError } from 'typeorm';
import { badField } from '../graphql/errors';

/**
 * Turns a unique-index violation into BAD_USER_INPUT on the field it guards; anything else is
 * rethrown. `byIndex` maps index name → [field, message].
 */
export async function withUniqueFields<T>(work: () => Promise<T>, byIndex: Record<string, [string, string]>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
    const hit = driver?.code === '23505' && driver.constraint ? byIndex[driver.constraint] : undefined;
    if (hit) throw badField(hit[0], hit[1]);
    throw error;
  }
}
