import { z } from 'zod';
import { notFound } from '../../common';
import type { Chunk, DocumentsRepository } from '../../storage';
import type { ApiRouter } from '../api-router';

const passageSchema = z.object({ headingPath: z.array(z.string()), text: z.string() });

/** At most this many chunks when a whole document is asked for (a notice); a law is read article by article. */
const wholeDocumentChunks = 40;

/** The chunks under one heading (e.g. 第二十四条): its last heading, or any heading of its path, names it. */
function chunksUnder(chunks: Chunk[], article: string): Chunk[] {
  const innermost = chunks.filter((chunk) => chunk.headingPath[chunk.headingPath.length - 1] === article);
  return innermost.length > 0 ? innermost : chunks.filter((chunk) => chunk.headingPath.includes(article));
}

/**
 * The column's source pages (`/policies?source=…&article=…`): the text of record of a cited passage, so a
 * source Xiaoning or an appeal page names can be read in full on the column. A failed document is not shown:
 * search skips it, so it is no source anyone was given (pending ones are searched lexically, so they count).
 */
export function registerPoliciesRoutes(api: ApiRouter, documents: DocumentsRepository): void {
  api.add(
    {
      method: 'get',
      path: '/api/policies/passage',
      summary: '政策原文：某个文件（按来源名）的某一条或某一节；不写 article 时给出文件开头的段落',
      tags: ['knowledge'],
      access: 'public',
      query: z.object({
        source: z.string().trim().min(1, '请给出文件来源').max(500),
        article: z.string().trim().min(1).max(200).optional(),
      }),
      response: z.object({
        source: z.string(),
        title: z.string(),
        article: z.string().nullable(),
        passages: z.array(passageSchema),
        truncated: z.boolean(),
      }),
      errors: [404],
    },
    async ({ query }) => {
      const document = await documents.findBySource(query.source);
      if (!document || document.status === 'failed') throw notFound('这份政策文件');
      const chunks = await documents.chunksOf(document.id);
      const chosen = query.article ? chunksUnder(chunks, query.article) : chunks.slice(0, wholeDocumentChunks);
      if (chosen.length === 0) throw notFound(`《${document.title}》中的“${query.article}”`);
      return {
        source: document.source,
        title: document.title,
        article: query.article ?? null,
        passages: chosen.map((chunk) => ({ headingPath: chunk.headingPath, text: chunk.text })),
        truncated: !query.article && chunks.length > wholeDocumentChunks,
      };
    },
  );
}
