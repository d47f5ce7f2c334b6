// The facts texts of the indexed cases, for the five similar cases an assessment shows. They were read
// back from the store, one point read per case; on DuckDB, a column store, each read decompresses a
// vector of the facts column — 1–3 ms a case on this machine, 5 to over 100 ms for the five under load,
// most of an assessment's time at a million cases (docs/navigator.md). Held in the heap they would cost
// some 360 MB at a million cases (about 360 bytes of UTF-8 each). So the index writes each text, as it
// indexes the case, to a file of its own and keeps only where the text starts and how long it is: a read
// is one pread from the page cache.
//
// The file is a copy of case data outside the store, so it is made to be useless to anyone else: created
// with mode 0600 in the system's temporary directory and unlinked at once (it lives only as long as the
// open descriptor: it never outlives the process, even a crashed one), and encrypted with SM4-CTR
// (GB/T 32907, the cipher src/privacy seals personal data with) under a random key that exists only in
// this process's memory. The file is one CTR stream: byte offset o is enciphered by counter block o/16
// from a random start, so any range can be deciphered alone and no keystream is used twice.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCipheriv, randomBytes } from 'node:crypto';

/** Texts are gathered into chunks of this size before they are enciphered and written (a multiple of 16). */
const CHUNK = 1 << 20;

const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

export class TextSpill {
  private readonly fd: number;
  private readonly key = randomBytes(16);
  private readonly start = BigInt(`0x${randomBytes(16).toString('hex')}`);
  /** Bytes written to the file (always a multiple of 16: each flush is padded). */
  private written = 0;
  private pending = Buffer.allocUnsafe(CHUNK);
  private pendingLength = 0;
  /** Record n's text: from offsets[n], lengths[n] bytes of UTF-8. */
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'kedu-facts-'));
    const path = join(dir, 'facts');
    this.fd = openSync(path, 'wx+', 0o600);
    unlinkSync(path);
    rmSync(dir, { recursive: true, force: true });
    closing.register(this, this.fd, this);
  }

  /** The counter block of byte offset `at` (a multiple of 16), as the IV of SM4-CTR. */
  private iv(at: number): Buffer {
    const counter = (this.start + BigInt(at / 16)) & ((1n << 128n) - 1n);
    return Buffer.from(counter.toString(16).padStart(32, '0'), 'hex');
  }

  /** Stores a text; the number to read it back by. */
  add(text: string): number {
    const bytes = Buffer.byteLength(text);
    if (this.pendingLength + bytes > this.pending.length) this.flush(bytes);
    const at = this.written + this.pendingLength;
    this.pendingLength += this.pending.write(text, this.pendingLength);
    if (this.count === this.offsets.length) {
      const offsets = new Float64Array(this.count * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.offsets[this.count] = at;
    this.lengths[this.count] = bytes;
    return this.count++;
  }

  /** Enciphers and writes what is pending, padded to a whole block; makes room for `room` bytes. */
  private flush(room = 0): void {
    if (this.pendingLength > 0) {
      const padded = Math.ceil(this.pendingLength / 16) * 16;
      this.pending.fill(0, this.pendingLength, padded);
      const cipher = createCipheriv('sm4-ctr', this.key, this.iv(this.written));
      const out = cipher.update(this.pending.subarray(0, padded));
      for (let done = 0; done < out.length;) done += writeSync(this.fd, out, done, out.length - done, this.written + done);
      this.written += padded;
      this.pendingLength = 0;
    }
    if (room > this.pending.length) this.pending = Buffer.allocUnsafe(Math.ceil(room / 16) * 16);
  }

  /** The texts of records, by number. */
  read(records: readonly number[]): string[] {
    if (records.some((n) => this.offsets[n] + this.lengths[n] > this.written)) this.flush();
    return records.map((n) => {
      const at = this.offsets[n];
      const block = Math.floor(at / 16) * 16;
      const buf = Buffer.allocUnsafe(at - block + this.lengths[n]);
      for (let done = 0; done < buf.length;) {
        const got = readSync(this.fd, buf, done, buf.length - done, block + done);
        if (got === 0) throw new Error('facts text file ended early');
        done += got;
      }
      const clear = createCipheriv('sm4-ctr', this.key, this.iv(block)).update(buf);
      return clear.toString('utf8', at - block);
    });
  }

  /** Closes the file now rather than when the index is collected. */
  close(): void {
    closing.unregister(this);
    closeSync(this.fd);
  }
}
