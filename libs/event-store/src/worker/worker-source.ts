/**
 * Source for `new Worker(source, { eval: true })` that loads `entry` (a resolved module path) in the worker. Under a
 * TypeScript loader (tests, `node -r @swc-node/register`) the entry is a .ts file, and a worker thread has the loader
 * only when the process preloaded it (-r); the source registers it otherwise.
 */
export function workerSourceFor(entry: string): string {
  const lines = [`'use strict';`];
  if (entry.endsWith('.ts')) {
    lines.push(
      `if (!require.extensions['.ts']) require(${JSON.stringify(require.resolve('@swc-node/register'))});`,
    );
  }
  lines.push(`require(${JSON.stringify(entry)});`);
  return lines.join('\n');
}
