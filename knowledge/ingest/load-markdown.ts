import { normaliseSpace, titleFromFileName, type LoadedDocument, type DocumentBlock } from './document-blocks';

/** Inline Markdown reduced to its text: links keep their label, emphasis and code marks go. */
const plainInline = (text: string) =>
  normaliseSpace(
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|`)/g, '')
      .replace(/<[^>]+>/g, ''),
  );

export function loadMarkdown(text: string, fileName: string): LoadedDocument {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '\n');
  const blocks: DocumentBlock[] = [];
  let inFence = false;
  for (const rawLine of withoutComments.split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      inFence = !inFence;
      continue;
    }
    const heading = inFence ? null : /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(rawLine);
    if (heading) {
      const headingText = plainInline(heading[2] ?? '');
      if (headingText !== '') blocks.push({ kind: 'heading', level: heading[1]!.length, text: headingText });
      continue;
    }
    const line = plainInline(rawLine.replace(/^\s*(?:[-*+]|\d+[.)]|>)\s+/, ''));
    if (line !== '' && !/^[-*_=|: ]+$/.test(line)) blocks.push({ kind: 'paragraph', text: line });
  }
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  const title = firstHeading?.text ?? titleFromFileName(fileName);
  return { title, blocks };
}
