import zlib from 'node:zlib';

/**
 * Zip bombs shaped like Word documents, built with node's zlib so that no test ever holds the inflated bytes:
 * a few hundred KB of deflate that inflate to hundreds of MB of `word/document.xml`, optionally with a central
 * directory that lies about the sizes, or an archive of many thousands of tiny entries.
 *
 * The default shape is the reported one: one paragraph holding one run of a single repeated letter, which
 * deflate packs about 1,000 to 1 (300 MB in ~300 KB) and the chunker cuts into 300 MB / 400 = 786,432 chunks.
 * `paragraphs` repeats a short Chinese article instead (about 250 to 1; every paragraph is its own chunk), and
 * `empty-paragraphs` repeats `<w:p/>`, the most XML elements per byte (what costs a converter the most memory).
 */
export interface ZipBombOptions {
  /** Bytes `word/document.xml` inflates to. */
  inflatedBytes: number;
  shape?: keyof typeof shapes;
  /** Uncompressed size written into the headers; the true size when absent (a lying bomb declares less). */
  declaredBytes?: number;
  /** Extra tiny entries (`word/media/padN.xml`) to push the entry count up. */
  extraEntries?: number;
}

interface Entry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressed: Buffer;
  size: number;
  declared: number;
}

const bodyStart =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const shapes = {
  run: { head: `${bodyStart}<w:p><w:r><w:t>`, unit: 'A', tail: '</w:t></w:r></w:p></w:body></w:document>' },
  paragraphs: {
    head: bodyStart,
    unit: '<w:p><w:r><w:t xml:space="preserve">第一条 申请人应当如实提供家庭收入、财产和住房情况的证明材料。</w:t></w:r></w:p>',
    tail: '</w:body></w:document>',
  },
  'empty-paragraphs': { head: bodyStart, unit: '<w:p/>', tail: '</w:body></w:document>' },
};

/** Deflates `total` bytes of repeated units between the document's head and tail, a megabyte at a time. */
async function deflateDocument(total: number, shape: keyof typeof shapes): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const documentHead = Buffer.from(shapes[shape].head);
  const documentTail = Buffer.from(shapes[shape].tail);
  const paragraph = Buffer.from(shapes[shape].unit);
  const block = Buffer.concat(Array.from({ length: Math.ceil((1 << 20) / paragraph.length) }, () => paragraph));
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(documentHead);
  // Whole units only, so that the XML stays well formed and a parser reads it to the end.
  const body = Math.max(total - documentHead.length - documentTail.length, 0);
  const count = Math.floor(body / paragraph.length);
  const perBlock = block.length / paragraph.length;
  for (let written = 0; written < count; written += perBlock) {
    await write(block.subarray(0, Math.min(perBlock, count - written) * paragraph.length));
  }
  await write(documentTail);
  deflate.end();
  await finished;
  return { compressed: Buffer.concat(parts), crc, size };
}

const stored = (name: string, text: string): Entry => {
  const bytes = Buffer.from(text);
  return { name, method: 0, crc: zlib.crc32(bytes), compressed: bytes, size: bytes.length, declared: bytes.length };
};

/** Writes a plain (non-ZIP64) archive: local headers and data, then the central directory and its end record. */
function writeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(entry.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export async function makeZipBomb(options: ZipBombOptions): Promise<Buffer> {
  const document = await deflateDocument(options.inflatedBytes, options.shape ?? 'run');
  const entries: Entry[] = [
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    stored(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    {
      name: 'word/document.xml',
      method: 8,
      crc: document.crc,
      compressed: document.compressed,
      size: document.size,
      declared: Math.min(options.declaredBytes ?? document.size, 0xfffffffe),
    },
  ];
  for (let index = 0; index < (options.extraEntries ?? 0); index += 1) entries.push(stored(`word/media/pad${index}.xml`, '<a/>'));
  return writeZip(entries);
}
