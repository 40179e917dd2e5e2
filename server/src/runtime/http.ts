import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { bodyErrorHandler } from '../common/http/body-errors';

/** The largest JSON request body accepted; file uploads are multipart and capped on their own. */
export const MAX_JSON_BODY = '1mb';

/**
 * What the web app may load: its own scripts and data only. Styles allow 'unsafe-inline' because
 * Angular and Material add component styles as <style> elements at run time; scripts do not.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export interface HttpOptions {
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe (sign-in throttle by address). */
  trustProxy?: number | string | false;
}

/** HTTP settings the server and the integration tests share; call before the app is initialised. */
export function configureHttp(app: NestExpressApplication, options: HttpOptions = {}): void {
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  app.useBodyParser('json', { limit: MAX_JSON_BODY });
  // Only the SAML ACS takes a form post; a signed response with many groups can pass 100 kB.
  app.useBodyParser('urlencoded', { extended: false, limit: MAX_JSON_BODY });
  // Straight after the parser, so only its errors reach this handler.
  app.use(bodyErrorHandler);
}
