/**
 * A record entry by id, own properties only: ids come from clients, and a plain `record[id]` would find
 * `constructor` or `toString` on Object.prototype.
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
