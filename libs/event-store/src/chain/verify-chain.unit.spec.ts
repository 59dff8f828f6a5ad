import { GENESIS_CHAIN_HASH, type ChainedRecord, nextChainHash } from './chain-hash';
import { type StoredChainedRecord, verifyChainRecords } from './verify-chain';

function chain(count: number): StoredChainedRecord[] {
  let previous = GENESIS_CHAIN_HASH;
  return Array.from({ length: count }, (_, i) => {
    const record: ChainedRecord = {
      globalPosition: i + 1,
      eventId: `e${i}`,
      streamId: 'case-1',
      streamVersion: i,
      type: 'casus.Test.v1',
      dataJson: JSON.stringify({ i }),
      metadataJson: '{}',
    };
    previous = nextChainHash(previous, record);
    return { ...record, chainHash: previous };
  });
}

describe('hash chain', () => {
  const range = { fromPosition: 1, toPosition: 5 };

  it('links each event to the previous chain hash', () => {
    const records = chain(2);
    expect(records[1].chainHash).toBe(nextChainHash(records[0].chainHash, records[1]));
    expect(records[1].chainHash).not.toBe(nextChainHash(GENESIS_CHAIN_HASH, records[1]));
  });

  it('verifies an intact chain', () => {
    expect(verifyChainRecords(chain(5), GENESIS_CHAIN_HASH, range, true)).toMatchObject({
      ok: true,
      checkedEvents: 5,
    });
  });

  it('names the first position whose stored form changed', () => {
    const records = chain(5);
    records[2] = { ...records[2], type: 'casus.Forged.v1' };
    expect(verifyChainRecords(records, GENESIS_CHAIN_HASH, range, true)).toMatchObject({
      ok: false,
      firstBrokenPosition: 3,
      checkedEvents: 2,
    });
  });

  it('names a missing position when positions must be dense, including a truncated end', () => {
    const records = chain(5);
    expect(verifyChainRecords([records[0], records[2]], GENESIS_CHAIN_HASH, range, true)).toMatchObject({
      firstBrokenPosition: 2,
    });
    expect(verifyChainRecords(records.slice(0, 4), GENESIS_CHAIN_HASH, range, true)).toMatchObject({
      firstBrokenPosition: 5,
    });
  });

  it('verifies a sub-range from the stored hash before it', () => {
    const records = chain(5);
    expect(
      verifyChainRecords(records.slice(2), records[1].chainHash, { fromPosition: 3, toPosition: 5 }, true),
    ).toMatchObject({ ok: true, checkedEvents: 3 });
  });
});
