export type LinkedText = { kind: 'text'; text: string } | { kind: 'leave-message'; text: string };

/** How Xiaoning points people to the 我要留言 form (在本栏目提交诉求, 在本栏目留言, 在栏目网页或微信公众号留言). */
const leaveMessage = /在(?:本)?栏目(?:网页)?(?:或微信公众号)?(?:留言|提交诉求)|我要留言/gu;

/** Splits text so that mentions of leaving a message on the column can link to the form. */
export function linkLeaveMessage(text: string): LinkedText[] {
  const parts: LinkedText[] = [];
  let position = 0;
  for (const match of text.matchAll(leaveMessage)) {
    const start = match.index ?? 0;
    if (start > position) parts.push({ kind: 'text', text: text.slice(position, start) });
    parts.push({ kind: 'leave-message', text: match[0] });
    position = start + match[0].length;
  }
  if (position < text.length) parts.push({ kind: 'text', text: text.slice(position) });
  return parts;
}

/** The 我要留言 form on the column's front page. */
export const leaveMessageHref = (column: string) => `${column}/#leave-message`;

/** The page of a cited passage on the column (`/policies?source=…&article=第十一条`). */
export function sourcePageHref(column: string, source: { source: string; title: string; headingPath: string[] }): string {
  const innermost = source.headingPath[source.headingPath.length - 1];
  const parameters = new URLSearchParams({ source: source.source });
  if (innermost && innermost !== source.title) parameters.set('article', innermost);
  return `${column}/policies?${parameters.toString()}`;
}
