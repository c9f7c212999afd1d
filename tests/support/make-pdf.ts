import zlib from 'node:zlib';

/** A page's content stream as written: its bytes and the dictionary entries that describe them (a filter). */
export interface PageContent {
  data: Buffer;
  dictionary?: string;
}

/**
 * Writes a real, minimal PDF whose pages show the given lines in a CID font (Identity-H) with a
 * ToUnicode map, which is how Chinese PDFs from office suites carry their text. No glyphs are embedded:
 * text extraction reads the ToUnicode map, exactly as it does for real files. `content` may replace a page's
 * content stream (it receives the operations that show the page's lines).
 */
export function makePdf(pages: string[][], content?: (operations: string, page: number) => PageContent): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const characters = [...new Set(pages.flat().join(''))];
  const codeOf = new Map(characters.map((character, index) => [character, index + 1]));
  const hex = (value: number, width = 4) => value.toString(16).padStart(width, '0').toUpperCase();
  const toUnicodeLines = characters.map((character) => {
    const utf16 = Buffer.from(character, 'utf16le');
    const units: string[] = [];
    for (let offset = 0; offset < utf16.length; offset += 2) units.push(hex(utf16.readUInt16LE(offset)));
    return `<${hex(codeOf.get(character)!)}> <${units.join('')}>`;
  });
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${toUnicodeLines.length} beginbfchar`,
    ...toUnicodeLines,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');

  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesObject = add('PAGES');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descendant = add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>',
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  add(
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>',
  );
  const pageIds: number[] = [];
  for (const [page, lines] of pages.entries()) {
    const operations = lines
      .map(
        (line, index) =>
          `BT /F1 12 Tf 50 ${780 - index * 20} Td <${[...line].map((character) => hex(codeOf.get(character)!)).join('')}> Tj ET`,
      )
      .join('\n');
    const written = content?.(operations, page) ?? { data: Buffer.from(operations, 'latin1') };
    const stream = add(
      `<< /Length ${written.data.length}${written.dictionary ? ` ${written.dictionary}` : ''} >>\nstream\n${written.data.toString('latin1')}\nendstream`,
    );
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let output = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(output, 'latin1'));
    output += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(output, 'latin1');
  output += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  output += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(output, 'latin1');
}

function adler32(block: Buffer, times: number): number {
  let a = 1;
  let b = 0;
  for (let round = 0; round < times; round += 1) {
    for (const byte of block) {
      a = (a + byte) % 65521;
      b = (b + a) % 65521;
    }
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * A deflated content stream that repeats `operations` until it is `inflatedBytes` long, without ever holding
 * the inflated bytes: one megabyte is deflated once with a full flush (a self-contained piece that needs
 * nothing before it), the piece is repeated, and a final empty block, the zlib header and the Adler-32 close it.
 */
export function deflatedRepeat(operations: string, inflatedBytes: number): PageContent {
  const unit = Buffer.from(operations, 'latin1');
  const block = Buffer.concat(Array.from({ length: Math.max(1, Math.floor((1 << 20) / unit.length)) }, () => unit));
  const times = Math.max(1, Math.round(inflatedBytes / block.length));
  const piece = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler32(block, times));
  const data = Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...Array.from({ length: times }, () => piece),
    Buffer.from([0x03, 0x00]),
    trailer,
  ]);
  return { data, dictionary: '/Filter /FlateDecode' };
}
