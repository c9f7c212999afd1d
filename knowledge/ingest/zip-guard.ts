import zlib from 'node:zlib';
import { AppError } from '../../common';
import { limitMessages, tooLarge, type IngestLimits } from './ingest-limits';

/**
 * Checks a ZIP archive (a DOCX) before any library unpacks it. A 300 KB file can inflate to hundreds of MB,
 * and jszip (under mammoth) inflates a whole entry into memory before it notices a size that differs from the
 * one declared, so the archive is read here first:
 *
 * 1. the central directory: the number of entries and the sizes they declare (cheap; refuses an honest bomb
 *    without inflating a byte);
 * 2. every entry inflated as a stream, counting the bytes and throwing them away, stopping as soon as the
 *    running total passes the limit (declared sizes can lie); the markup of the XML parts (the only ones the
 *    converter parses) is measured on the way: its bytes, tags and attributes.
 *
 * Only an archive that both sides would read the same way passes: one central directory right before its end
 * record, no bytes before the first entry, deflate or stored entries only.
 */

const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const unknown32 = 0xffffffff;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const damaged = (detail: string) =>
  new AppError('UNPROCESSABLE', 'Word 文件已损坏或结构异常，无法读取。请用 Word 或 WPS 重新保存后再上传。', { details: { zip: detail } });

const isMarkupPart = (name: string) => /\.(xml|rels)$/i.test(name);

function readUInt64(view: Buffer, offset: number): number {
  const value = view.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('64-bit size out of range');
  return Number(value);
}

function findEndRecord(view: Buffer): number {
  const earliest = Math.max(0, view.length - 22 - 0xffff);
  for (let offset = view.length - 22; offset >= earliest; offset -= 1) {
    if (view.readUInt32LE(offset) === signatures.end) return offset;
  }
  throw damaged('no end of central directory');
}

/** Where the central directory starts, how long it is and how many entries it says it has (ZIP64 included). */
function centralDirectory(view: Buffer): { offset: number; size: number; entries: number; end: number } {
  const end = findEndRecord(view);
  let entries = view.readUInt16LE(end + 10);
  let size = view.readUInt32LE(end + 12);
  let offset = view.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (entries === 0xffff || size === unknown32 || offset === unknown32) {
    const locator = end - 20;
    if (locator < 0 || view.readUInt32LE(locator) !== signatures.locator64) throw damaged('no ZIP64 locator');
    const record = readUInt64(view, locator + 8);
    if (record + 56 > locator || view.readUInt32LE(record) !== signatures.end64) throw damaged('no ZIP64 end record');
    entries = readUInt64(view, record + 32);
    size = readUInt64(view, record + 40);
    offset = readUInt64(view, record + 48);
    directoryEnd = record;
  }
  if (offset + size !== directoryEnd) throw damaged('central directory not where its end record says');
  return { offset, size, entries, end: directoryEnd };
}

/** Sizes and offset from a ZIP64 extra field, for the fields the fixed header marks as 0xFFFFFFFF. */
function applyZip64Extra(view: Buffer, start: number, length: number, entry: CentralEntry): void {
  for (let offset = start; offset + 4 <= start + length;) {
    const id = view.readUInt16LE(offset);
    const size = view.readUInt16LE(offset + 2);
    if (id === 0x0001) {
      let field = offset + 4;
      const next = () => {
        if (field + 8 > offset + 4 + size) throw damaged('short ZIP64 extra field');
        const value = readUInt64(view, field);
        field += 8;
        return value;
      };
      if (entry.declaredSize === unknown32) entry.declaredSize = next();
      if (entry.compressedSize === unknown32) entry.compressedSize = next();
      if (entry.localOffset === unknown32) entry.localOffset = next();
      return;
    }
    offset += 4 + size;
  }
}

function readCentralEntries(view: Buffer, limits: IngestLimits): { entries: CentralEntry[]; directoryOffset: number } {
  const directory = centralDirectory(view);
  if (directory.entries > limits.maxArchiveEntries) {
    throw tooLarge(limitMessages.archiveEntries(limits.maxArchiveEntries), { entries: directory.entries });
  }
  const entries: CentralEntry[] = [];
  let offset = directory.offset;
  while (offset < directory.end) {
    if (offset + 46 > directory.end || view.readUInt32LE(offset) !== signatures.central) throw damaged('bad central directory record');
    if (entries.length >= limits.maxArchiveEntries) throw tooLarge(limitMessages.archiveEntries(limits.maxArchiveEntries));
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    const entry: CentralEntry = {
      name: view.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: view.readUInt16LE(offset + 10),
      compressedSize: view.readUInt32LE(offset + 20),
      declaredSize: view.readUInt32LE(offset + 24),
      localOffset: view.readUInt32LE(offset + 42),
    };
    applyZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (offset !== directory.end || entries.length !== directory.entries) throw damaged('central directory does not add up');
  return { entries, directoryOffset: directory.offset };
}

/** The entry's compressed bytes, located through its local header as unzip libraries do. */
function entryData(view: Buffer, entry: CentralEntry, directoryOffset: number): Buffer {
  const local = entry.localOffset;
  if (local + 30 > directoryOffset || view.readUInt32LE(local) !== signatures.local) throw damaged(`bad local header for ${entry.name}`);
  const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
  if (start + entry.compressedSize > directoryOffset) throw damaged(`data of ${entry.name} runs past the archive`);
  return view.subarray(start, start + entry.compressedSize);
}

interface Budget {
  inflated: number;
  markupBytes: number;
  tags: number;
  attributes: number;
}

function countByte(chunk: Buffer, byte: number): number {
  let count = 0;
  for (let index = chunk.indexOf(byte); index >= 0; index = chunk.indexOf(byte, index + 1)) count += 1;
  return count;
}

/** Adds a piece of an entry to the running totals; throws as soon as one passes its limit. */
function spend(budget: Budget, chunk: Buffer, markup: boolean, limits: IngestLimits): void {
  budget.inflated += chunk.length;
  if (budget.inflated > limits.maxInflatedBytes) throw tooLarge(limitMessages.inflatedBytes(limits.maxInflatedBytes));
  if (!markup) return;
  budget.markupBytes += chunk.length;
  if (budget.markupBytes > limits.maxMarkupBytes) throw tooLarge(limitMessages.markupBytes(limits.maxMarkupBytes));
  budget.tags += countByte(chunk, 0x3c);
  if (budget.tags > limits.maxMarkupTags) throw tooLarge(limitMessages.markupTags(limits.maxMarkupTags));
  budget.attributes += countByte(chunk, 0x3d);
  if (budget.attributes > limits.maxMarkupAttributes) throw tooLarge(limitMessages.markupAttributes(limits.maxMarkupAttributes));
}

/** Inflates one deflated entry as a stream, a chunk at a time, keeping none of it. Resolves with its true size. */
function inflateCounting(data: Buffer, onChunk: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    let size = 0;
    let failed = false;
    inflater.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      try {
        onChunk(chunk);
      } catch (error) {
        failed = true;
        inflater.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    inflater.on('error', (error) => {
      if (failed) return;
      failed = true;
      reject(damaged(`inflate failed: ${error.message}`));
    });
    inflater.on('end', () => {
      if (!failed) resolve(size);
    });
    inflater.end(data);
  });
}

/** Refuses an archive over the limits (413) or one that is damaged or unusual (422); resolves when it is safe to unpack. */
export async function checkZipArchive(bytes: Uint8Array, limits: IngestLimits): Promise<void> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 22) throw damaged('too short');
  const { entries, directoryOffset } = readCentralEntries(view, limits);
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxInflatedBytes) throw tooLarge(limitMessages.inflatedBytes(limits.maxInflatedBytes), { declared });
  if (entries.length > 0 && Math.min(...entries.map((entry) => entry.localOffset)) !== 0) throw damaged('bytes before the first entry');

  const budget: Budget = { inflated: 0, markupBytes: 0, tags: 0, attributes: 0 };
  for (const entry of entries) {
    const data = entryData(view, entry, directoryOffset);
    const markup = isMarkupPart(entry.name);
    let size: number;
    if (entry.method === 0) {
      spend(budget, data, markup, limits);
      size = data.length;
    } else if (entry.method === 8) {
      size = await inflateCounting(data, (chunk) => spend(budget, chunk, markup, limits));
    } else {
      throw damaged(`compression method ${entry.method} of ${entry.name}`);
    }
    if (size !== entry.declaredSize) throw damaged(`${entry.name} inflates to ${size} bytes, declares ${entry.declaredSize}`);
  }
}
