// Standard input (or any stream) read to the end, as bytes: the readers detect its format and
// encoding from the bytes, as they do a file's.
import type { Readable } from 'node:stream';

/** Every byte of `stream`; none when there is no stream. */
export async function readStreamBytes(stream: Readable | undefined): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
