export * from './port/envelope';
export * from './port/errors';
export * from './port/event-store.port';
export * from './port/expected-version';
export { GENESIS_CHAIN_HASH, canonicalBytes, nextChainHash } from './chain/chain-hash';
export type { ChainedRecord } from './chain/chain-hash';
export { verifyChainRecords } from './chain/verify-chain';
export { CatchUpSubscription } from './subscription/catch-up-subscription';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
