/** Injection token for the validated AppConfig of the embedded default. */
export const APP_CONFIG = Symbol('APP_CONFIG');
