/** Test and benchmark helpers: real commands through the decider into a real store. Not for production code. */
export * from './case-log';
export * from './case-script';
export * from './generate-cases';
export * from './journeys';
export * from './organisations';
export * from './read-model-dump';
export * from './runner-support';
export * from './case-fixture';
