/** The pure domain of casusregie: vocabulary, the casus decider, the responsibility view, deadlines, wegwijzer. */
export * from './vocabulary';
export * from './casus';
export * from './responsibility';
export * from './deadlines';
export * from './wegwijzer';
