import { nonTextElements, normaliseSpace, plainTitle, titleFromFileName, type LoadedDocument, type DocumentBlock } from './document-blocks';

/**
 * A link's destination: anything but parentheses and spaces, or balanced parentheses one level deep (as
 * CommonMark allows: `javascript:alert(1)`), then an optional "title".
 */
const destination = String.raw`\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)`;
const inlineLink = new RegExp(String.raw`!?\[([^\]]*)\]${destination}`, 'g');
/** `[label][ref]` and `[label][]`: the label stays. */
const referenceLink = /!?\[([^\]]+)\]\[[^\]]*\]/g;
/** `[ref]: destination "title"` defines a link target: no text of the document. */
const linkDefinition = /^\s{0,3}\[[^\]]+\]:\s*\S+.*$/;

/** Inline Markdown reduced to its text: links keep their label (and nothing of their target), emphasis, code marks and tags go. */
const plainInline = (text: string) =>
  normaliseSpace(
    text
      .replace(inlineLink, '$1')
      .replace(referenceLink, '$1')
      .replace(/(\*\*|__|\*|`)/g, '')
      .replace(/<\/?[a-z][^<>]*>/gi, ''),
  );

/** Comments and the content of scripts, styles and the like, over any number of lines. */
const hiddenBlocks = new RegExp(String.raw`<!--[\s\S]*?(?:-->|$)|<(${nonTextElements.join('|')})\b[^>]*>[\s\S]*?(?:</\1\s*>|$)`, 'gi');

export function loadMarkdown(text: string, fileName: string): LoadedDocument {
  const withoutComments = text.replace(hiddenBlocks, '');
  const blocks: DocumentBlock[] = [];
  let inFence = false;
  for (const rawLine of withoutComments.split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence && linkDefinition.test(rawLine)) continue;
    const heading = inFence ? null : /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(rawLine);
    if (heading) {
      const headingText = plainTitle(plainInline(heading[2] ?? ''));
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
