// Compressed runs of zeros of any size in milliseconds, for bomb fixtures: zlib would have to
// deflate every byte (seconds for a GiB on this machine); a hand-written deflate stream does not.
// One fixed-Huffman block (RFC 1951 3.2.6): a literal 0, then "copy 258 bytes from 1 back" until
// the size is reached, then end of block. 13 bits per 258 bytes: about 4 MB per GiB.
import { createDeflateRaw } from 'node:zlib';

class BitWriter {
  private readonly bytes: Uint8Array;
  private bit = 0;

  constructor(capacityBits: number) {
    this.bytes = new Uint8Array(Math.ceil(capacityBits / 8) + 1);
  }

  /** `count` bits of `value`, least significant first (header fields). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i += 1) {
      const index = this.bit >> 3;
      if ((value >> i) & 1) this.bytes[index] = (this.bytes[index] ?? 0) | (1 << (this.bit & 7));
      this.bit += 1;
    }
  }

  /** A Huffman code: most significant bit first. */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i -= 1) this.bits((value >> i) & 1, 1);
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, Math.ceil(this.bit / 8));
  }
}

const LITERAL_ZERO = 0b00110000; // 8 bits
const LENGTH_258 = 0b11000101; // code 285, 8 bits, no extra bits
const DISTANCE_1 = 0; // 5 bits, no extra bits
const END_OF_BLOCK = 0; // code 256, 7 bits

/** Raw deflate (as in zip entries) of `size` zero bytes; `size` is 1 + a multiple of 258. */
export function deflateZeros(approximateSize: number): { data: Uint8Array; size: number } {
  const matches = Math.max(0, Math.floor((approximateSize - 1) / 258));
  const writer = new BitWriter(3 + 8 + matches * 13 + 7);
  writer.bits(1, 1); // last block
  writer.bits(1, 2); // fixed Huffman codes
  writer.code(LITERAL_ZERO, 8);
  for (let i = 0; i < matches; i += 1) {
    writer.code(LENGTH_258, 8);
    writer.code(DISTANCE_1, 5);
  }
  writer.code(END_OF_BLOCK, 7);
  return { data: writer.done(), size: 1 + matches * 258 };
}

/** The same in a zlib wrapper (as in PDF FlateDecode streams), with its Adler-32 checksum. */
export function zlibZeros(approximateSize: number): Uint8Array {
  const { data, size } = deflateZeros(approximateSize);
  const out = new Uint8Array(data.length + 6);
  out.set([0x78, 0x01]);
  out.set(data, 2);
  // Adler-32 of n zeros: a stays 1, b gains 1 per byte.
  new DataView(out.buffer).setUint32(out.length - 4, ((size % 65521) << 16) | 1);
  return out;
}

/**
 * Raw deflate of `size` zeros by zlib itself, as an attacker would make it: ~1000:1, where the
 * hand-written stream above manages ~160:1. Streamed in 1 MiB pieces; ~0.3 s per 200 MiB here.
 */
export async function zlibDeflateZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += zeros.length) {
    const piece = zeros.subarray(0, Math.min(zeros.length, size - written));
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}
