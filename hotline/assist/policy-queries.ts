/**
 * What to ask the knowledge base for a call, most specific first. A caller's own words rarely clear the
 * knowledge base's coverage threshold in full (「电梯坏了一个多月了物业一直不修」 shares few words with 物业管理条例),
 * so when the whole text finds nothing, the taxonomy topics it was tagged with (物业服务) and its first keyword
 * are asked, then the topics alone. Each query is only words the analysis found in the call.
 */
export function policyQueries(analysis: { summary: string; tags: readonly string[]; keywords: readonly string[] }): string[] {
  const topics = analysis.tags.join(' ');
  const queries = [
    [analysis.summary, ...analysis.tags].join(' '),
    analysis.keywords.length > 0 && topics !== '' ? `${topics} ${analysis.keywords[0]}` : '',
    topics,
  ].map((query) => query.trim());
  return [...new Set(queries.filter((query) => query !== ''))];
}
