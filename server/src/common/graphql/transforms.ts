/** class-transformer helpers applied to inputs before validation. */
type Value = { value: unknown };

export const trim = ({ value }: Value) => (typeof value === 'string' ? value.trim() : value);

/** Trims, and turns an empty string into null so "cleared" optional fields are stored as null. */
export const trimToNull = ({ value }: Value) => {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? null : t;
};

export const trimEach = ({ value }: Value) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value;

/** UK postcodes in any case or spacing become the canonical "SW1A 1AA". */
export const normalisePostcode = ({ value }: Value) => {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return null;
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
};

export const upperTrimToNull = (v: Value) => {
  const t = trimToNull(v);
  return typeof t === 'string' ? t.toUpperCase().replace(/\s+/g, '') : t;
};

/** "example.ac.uk" becomes "https://example.ac.uk" so a bare domain is accepted. */
export const normaliseWebsite = (v: Value) => {
  const t = trimToNull(v);
  return typeof t === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? `https://${t}` : t;
};
