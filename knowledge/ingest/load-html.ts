import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { nonTextElements, normaliseSpace, plainTitle, titleFromFileName, type DocumentBlock, type LoadedDocument } from './document-blocks';

const nonText = new Set(nonTextElements);
const skipped = new Set([...nonTextElements, 'head']);
const blockElements = new Set(
  'address article aside blockquote body caption dd div dl dt fieldset figcaption figure footer form header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** The text of an element without the text of the scripts, styles and the like inside it. */
function readableText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (node.nodeType !== NodeType.ELEMENT_NODE) return '';
  if (nonText.has((node as HTMLElement).tagName?.toLowerCase() ?? '')) return '';
  return node.childNodes.map(readableText).join('');
}

/**
 * HTML (and Word documents, which are converted to HTML first) as headings and paragraphs: block
 * elements end a paragraph, inline ones join it, scripts and styles are dropped — their text is never
 * indexed, so a page cannot smuggle hidden instructions into answers that way.
 */
export function loadHtml(html: string, fileName: string): LoadedDocument {
  const root = parse(html.replace(/<!doctype[^>]*>/gi, ''), { comment: false, blockTextElements: { pre: true } });
  const blocks: DocumentBlock[] = [];
  let buffer = '';
  const flush = () => {
    const text = normaliseSpace(buffer);
    if (text !== '') blocks.push({ kind: 'paragraph', text });
    buffer = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      buffer += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.tagName?.toLowerCase() ?? '';
    if (skipped.has(tag)) return;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      const text = plainTitle(readableText(element));
      if (text !== '') blocks.push({ kind: 'heading', level: Number(heading[1]), text });
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    const isBlock = blockElements.has(tag);
    if (isBlock) flush();
    for (const child of element.childNodes) walk(child);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  const titleElement = root.querySelector('title');
  const titleText = titleElement ? plainTitle(readableText(titleElement)) : '';
  const firstHeading = blocks.find((block) => block.kind === 'heading')?.text;
  const firstParagraph = blocks.find((block) => block.kind === 'paragraph' && block.text.length <= 60)?.text;
  return { title: titleText || firstHeading || firstParagraph || titleFromFileName(fileName), blocks };
}
