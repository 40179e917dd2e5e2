import { NestExpressApplication } from '@nestjs/platform-express';
import { bodyErrorHandler } from '../common/http/body-errors';

/** The largest JSON request body accepted; file uploads are multipart and capped on their own. */
export const MAX_JSON_BODY = '1mb';

/** HTTP settings the server and the integration tests share; call before the app is initialised. */
export function configureHttp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: MAX_JSON_BODY });
  // Only the SAML ACS takes a form post; a signed response with many groups can pass 100 kB.
  app.useBodyParser('urlencoded', { extended: false, limit: MAX_JSON_BODY });
  // Straight after the parser, so only its errors reach this handler.
  app.use(bodyErrorHandler);
}
