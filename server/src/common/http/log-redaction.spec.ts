import { redactRequest } from './log-redaction';

describe(redactRequest.name, () => {
  it('should drop the query of the OIDC callback', () => {
    expect(redactRequest({ url: '/auth/oidc/callback?code=secret&state=s', query: { code: 'secret', state: 's' } })).toEqual({ url: '/auth/oidc/callback' });
  });

  it('should leave every other request as it is', () => {
    const req = { url: '/export/organisations?format=csv', query: { format: 'csv' } };
    expect(redactRequest({ ...req })).toEqual(req);
    expect(redactRequest({ url: undefined })).toEqual({ url: undefined });
  });
});
