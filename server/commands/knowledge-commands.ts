import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import type { IngestProgress } from '../../knowledge';
import type { Knowledge } from '../../knowledge';
import type { Config } from '../config';
import { createLogger } from '../logger';
import { openKnowledgeFor, type Services } from '../services';
import { readValidLines, withServices, writeLine } from './command-support';

const outcomeWords: Record<IngestProgress['outcome'], string> = { added: '新增', updated: '更新', unchanged: '未变', failed: '失败' };

export async function withKnowledge<T>(config: Config, work: (knowledge: Knowledge, services: Services) => Promise<T>): Promise<T> {
  // Only warnings reach the terminal; stdout stays reserved for the JSON lines of the contract.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  return withServices(config, async (services) => {
    const knowledge = await openKnowledgeFor(services, logger);
    try {
      return await work(knowledge, services);
    } finally {
      await knowledge.close();
    }
  });
}

/** A progress bar on a terminal; one plain line per document when stderr is a file or a pipe. */
function progressReporter() {
  if (!process.stderr.isTTY) {
    return {
      update: (progress: IngestProgress) =>
        process.stderr.write(`[${progress.done}/${progress.total}] ${outcomeWords[progress.outcome]} ${progress.source}\n`),
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    format: '入库 [{bar}] {value}/{total} {source}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update: (progress: IngestProgress) => {
      if (!started) bar.start(progress.total, 0, { source: '' });
      started = true;
      bar.update(progress.done, { source: progress.source.slice(-40) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

const searchLineSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'id 应为字符串或数字' }),
  question: z.string({ error: 'question 应为字符串' }).refine((question) => question.trim() !== '', { message: 'question 不能为空' }),
});

export function registerKnowledgeCommands(program: Command, loadConfiguration: () => Config): void {
  program
    .command('ingest')
    .description('把文件或文件夹（PDF、DOCX、HTML、Markdown、纯文本）导入知识库；内容未变的文件不会重复导入')
    .argument('<paths...>', '文件或文件夹')
    .action(async (paths: string[]) => {
      const config = loadConfiguration();
      const summary = await withKnowledge(config, async (knowledge) => {
        const reporter = progressReporter();
        try {
          return await knowledge.ingester.ingestPaths(paths, reporter.update);
        } finally {
          reporter.stop();
        }
      });
      writeLine(summary);
      process.stderr.write(
        `完成：新增 ${summary.added}，更新 ${summary.updated}，未变 ${summary.unchanged}，删除 ${summary.deleted}，失败 ${summary.failed.length}\n`,
      );
      for (const failure of summary.failed) process.stderr.write(`  失败：${failure.source}：${failure.reason}\n`);
      if (summary.failed.length > 0) process.exitCode = 1;
    });

  program
    .command('search')
    .description('检索知识库：输入 JSON Lines（每行 {id, question}），输出 {id, sources, scores}（不同文件，最相关的在前）')
    .requiredOption('--input <file>', '输入文件（JSON Lines；- 表示标准输入）')
    .option('--k <count>', '每个问题最多返回几份文件', '10')
    .action(async (options: { input: string; k: string }) => {
      const config = loadConfiguration();
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 1 || k > 50) throw new Error('--k 应为 1 到 50 之间的整数');
      let failed = false;
      await withKnowledge(config, async (knowledge) => {
        for await (const { value } of readValidLines(options.input, searchLineSchema, () => (failed = true))) {
          const { hits } = await knowledge.knowledgeBase.search(value.question, { k });
          writeLine({ id: value.id, sources: hits.map((hit) => hit.source), scores: hits.map((hit) => hit.score) });
        }
      });
      if (failed) process.exitCode = 1;
    });

  program
    .command('reindex')
    .description('按数据库中的段落重建向量索引（Chroma）')
    .action(async () => {
      const config = loadConfiguration();
      const result = await withKnowledge(config, async (knowledge) => {
        if (!knowledge.knowledgeBase.vectorStoreConfigured) throw new Error('向量检索未启用（VECTOR_STORE=off），无需重建索引');
        return knowledge.knowledgeBase.reindex();
      });
      writeLine({ reindexed: true, ...result });
    });
}
