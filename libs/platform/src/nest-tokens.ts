/** Injection tokens shared by the api and worker composition roots. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const MAILER = Symbol('MAILER');
