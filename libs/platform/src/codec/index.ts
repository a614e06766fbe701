export * from './payload-codec';
export * from './keys';
export * from './data-converter';
