import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../common';
import { loadAppealIntelligence, tagsOf } from '../../hotline';
import { createTokenizer } from '../../text';
import type { Config } from '../config';
import { readJsonLines, writeErrorLine, writeLine } from './command-support';

/** Lenient: only the fields used; anything else on the line is ignored. */
const classifyInputSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'id 应为字符串或数字' }),
  content: z.string({ error: 'content 应为字符串' }).refine((content) => content.trim() !== '', { message: 'content 不能为空' }),
  title: z.string({ error: 'title 应为字符串' }).nullish(),
});

const describeIssues = (error: z.ZodError) => error.issues.map((issue) => issue.message).join('；');

/**
 * `classify --input A.jsonl` (DESIGN §5): each `{id, content, title?}` → `{id, category, type, tags, summary,
 * confidence}`, in input order. The category is always one of the column's, the type one of the five.
 * A bad line gets an error on stderr naming its line number; the others are still classified, and the
 * command exits with 1 at the end.
 */
export function registerClassifyCommand(program: Command, loadConfiguration: () => Config): void {
  program
    .command('classify')
    .description('诉求智能分类：输入 JSON Lines（每行 {id, content, title?}），输出类别、类型、标签、摘要和置信度')
    .requiredOption('--input <file>', '输入文件（JSON Lines；- 表示标准输入）')
    .action(async (options: { input: string }) => {
      loadConfiguration();
      const lines = readJsonLines(options.input);
      const intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
      let failed = 0;
      for await (const line of lines) {
        const parsed = 'error' in line ? null : classifyInputSchema.safeParse(line.value);
        if (!parsed?.success) {
          failed += 1;
          const reason = 'error' in line ? line.error : describeIssues(parsed!.error);
          const id = 'value' in line && line.value && typeof line.value === 'object' ? (line.value as { id?: unknown }).id : undefined;
          writeErrorLine({
            line: line.lineNumber,
            ...(id === undefined ? {} : { id }),
            error: `第 ${line.lineNumber} 行无法分类：${reason}`,
          });
          continue;
        }
        const { id, content, title } = parsed.data;
        const analysis = intelligence.analyse({ content, title });
        writeLine({
          id,
          category: analysis.category,
          type: analysis.type,
          tags: tagsOf(analysis),
          summary: analysis.summary,
          confidence: analysis.confidence,
        });
      }
      if (failed > 0) throw new AppError('VALIDATION_FAILED', `有 ${failed} 行输入无法分类（原因见上方各行的错误）。`);
    });
}
