// `--shard k/n`: a stable share of the inputs, chosen by a hash of each reported path, so that n jobs
// (a CI matrix, a cluster's array job) split a corpus without talking to each other.
import { createHash } from 'node:crypto';
import type { InputEntry } from '../cli/inputs.js';
import { UsageError } from '../cli/io.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`invalid shard "${text}" (use k/n with 1 <= k <= n, e.g. 2/4)`);
  return { index, count };
}

/** The shard (1..count) a path belongs to: the same on every machine, whatever else is in the batch. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1;
}

export function selectShard(entries: InputEntry[], shard: Shard): InputEntry[] {
  return entries.filter((entry) => shardOf(entry.path, shard.count) === shard.index);
}
