/** Injection token for the validated AppConfig (provided by AppModule). */
export const APP_CONFIG = Symbol('APP_CONFIG');
