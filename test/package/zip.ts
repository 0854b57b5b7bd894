// Reads a .vsix (a ZIP archive) without a dependency: its central directory lists every file with its sizes,
// and each file's bytes follow its local header, stored or deflated. Enough for what vsce writes (no ZIP64,
// no encryption); anything else fails with a message rather than a wrong listing.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  bytes: number;
  method: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipFile {
  readonly entries: ZipEntry[];
  private readonly data: Buffer;

  constructor(readonly path: string) {
    this.data = readFileSync(path);
    this.entries = this.readCentralDirectory();
  }

  get sizeOnDisk(): number {
    return this.data.length;
  }

  read(name: string): Buffer {
    const entry = this.entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${this.path} has no ${name}`);
    const at = entry.localHeaderOffset;
    if (this.data.readUInt32LE(at) !== LOCAL_FILE_HEADER) throw new Error(`${this.path}: no local header for ${name} at ${at}`);
    const start = at + 30 + this.data.readUInt16LE(at + 26) + this.data.readUInt16LE(at + 28);
    const raw = this.data.subarray(start, start + entry.compressedBytes);
    if (entry.method === STORED) return Buffer.from(raw);
    if (entry.method === DEFLATED) return inflateRawSync(raw);
    throw new Error(`${this.path}: ${name} uses ZIP compression method ${entry.method}, which this reader does not know`);
  }

  private readCentralDirectory(): ZipEntry[] {
    const d = this.data;
    // The end record is 22 bytes plus a comment of up to 65535 bytes.
    let end = -1;
    for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 0xffff); i--) {
      if (d.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error(`${this.path} is not a ZIP archive (no end of central directory)`);
    const count = d.readUInt16LE(end + 10);
    let at = d.readUInt32LE(end + 16);
    if (count === 0xffff || at === 0xffffffff) throw new Error(`${this.path} is a ZIP64 archive, which this reader does not read`);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (d.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`${this.path}: central directory entry ${i} is damaged`);
      const nameLength = d.readUInt16LE(at + 28);
      entries.push({
        method: d.readUInt16LE(at + 10),
        compressedBytes: d.readUInt32LE(at + 20),
        bytes: d.readUInt32LE(at + 24),
        localHeaderOffset: d.readUInt32LE(at + 42),
        name: d.toString('utf8', at + 46, at + 46 + nameLength),
      });
      at += 46 + nameLength + d.readUInt16LE(at + 30) + d.readUInt16LE(at + 32);
    }
    return entries;
  }
}
