/**
 * The source appeals were exported from spreadsheets: Windows line ends survive as the literal text
 * "_x000D_", and full-width letters and digits are common ("Ａ３区"). Every component reads the text
 * through this, so that features, summaries and similarity see the same characters. Chinese punctuation
 * is kept as it is (NFKC would turn "，" into ","), because summaries are shown to people.
 */
export function cleanAppealText(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/_x000D_/g, '\n')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}

/** The title and the body as one text, the title first (it is the writer's own one-line statement). */
export function joinTitleAndContent(input: { title?: string | null; content: string }): string {
  const title = input.title?.trim() ?? '';
  return title === '' ? input.content : `${title}\n${input.content}`;
}
