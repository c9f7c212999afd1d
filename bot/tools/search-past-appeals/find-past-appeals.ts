import type { ToolDependencies } from '../tool-context';

export interface PastAppealFilters {
  unitId?: string | undefined;
  keywords?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The first page of past appeals for a question, newest first. Every word must match; when that finds
 * nothing, the most specific (longest) word alone is tried. The same search behind search_past_appeals and
 * explain_appeal_reply, so "第一条" means the first appeal of the list the person was shown.
 */
export async function findPastAppeals(deps: Pick<ToolDependencies, 'appeals'>, { unitId, keywords, from, to }: PastAppealFilters) {
  const search = (q: string | undefined) =>
    deps.appeals.list({ unitId, q, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, page: 1, pageSize: 5 });
  const result = await search(keywords);
  const words = (keywords ?? '').split(/\s+/).filter(Boolean);
  if (result.total === 0 && words.length > 1) return search([...words].sort((left, right) => right.length - left.length)[0]);
  return result;
}
