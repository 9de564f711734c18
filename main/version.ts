/** Replaced at build time with package.json's version; "dev" when run from sources (tests). */
declare const __POLICYWRIGHT_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __POLICYWRIGHT_VERSION__ === 'string' ? __POLICYWRIGHT_VERSION__ : 'dev';
