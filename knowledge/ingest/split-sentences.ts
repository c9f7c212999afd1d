/**
 * Splits Chinese text after sentence ends (。！？；, also ! ? ;), keeping the mark and any closing
 * quote or bracket with the sentence it ends.
 */
export function splitSentences(text: string): string[] {
  const sentences = text.match(/[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|\n|$)/g) ?? [];
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}
