export * from './conflicts';
export * from './namesakes';
