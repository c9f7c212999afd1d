/**
 * Writes a real, minimal PDF whose pages show the given lines in a CID font (Identity-H) with a
 * ToUnicode map, which is how Chinese PDFs from office suites carry their text. No glyphs are embedded:
 * text extraction reads the ToUnicode map, exactly as it does for real files.
 */
export function makePdf(pages: string[][]): Buffer {
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
  for (const lines of pages) {
    const operations = lines
      .map(
        (line, index) =>
          `BT /F1 12 Tf 50 ${780 - index * 20} Td <${[...line].map((character) => hex(codeOf.get(character)!)).join('')}> Tj ET`,
      )
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(operations)} >>\nstream\n${operations}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
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
