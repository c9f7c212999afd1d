import type { Command } from 'commander';
import { z } from 'zod';
import { isAppError } from '../../common';
import { createAppealQueries } from '../../hotline';
import { createVoting } from '../../hotline';
import { createTokenizer } from '../../text';
import type { Config } from '../config';
import { createLogger } from '../logger';
import { createXiaoningFor, seedIfEmpty, seedKnowledgeIfNeeded } from '../services';
import { readValidLines, writeErrorLine, writeLine } from './command-support';
import { withKnowledge } from './knowledge-commands';

const askLineSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'id 应为字符串或数字' }),
  question: z.string({ error: 'question 应为字符串' }),
  conversationId: z.union([z.string(), z.number()]).optional(),
});

/**
 * `ask --input Q.jsonl` (DESIGN §5): each `{id, question, conversationId?}` → `{id, answer, sources: [{source,
 * title}], refused, toolCalls}`. Lines that share a conversationId are turns of one conversation, in file order.
 */
export function registerAskCommand(program: Command, loadConfiguration: () => Config): void {
  program
    .command('ask')
    .description('向小宁提问：输入 JSON Lines（每行 {id, question, conversationId?}），输出回答、出处、是否拒答和调用的工具')
    .requiredOption('--input <file>', '输入文件（JSON Lines；- 表示标准输入）')
    .action(async (options: { input: string }) => {
      const config = loadConfiguration();
      let failed = false;
      await withKnowledge(config, async (knowledge, services) => {
        // Like `npm start`: a fresh DATA_DIR gets the demo data and the demo corpus first (once), so the
        // answers come from the same knowledge the service has.
        const logger = createLogger('warn', process.stderr);
        await seedIfEmpty(services, logger);
        await seedKnowledgeIfNeeded(services, knowledge, logger);
        const { repositories } = services;
        const voting = createVoting({ polls: repositories.polls, units: repositories.units });
        const xiaoning = createXiaoningFor(config, {
          repositories,
          voting,
          appeals: createAppealQueries({ repositories }),
          knowledge,
          tokenizer: createTokenizer(),
        });
        const conversations = new Map<string, string>();
        const lines = readValidLines(options.input, askLineSchema, () => (failed = true));
        for await (const line of lines) {
          const { id, question, conversationId } = line.value;
          const key = conversationId === undefined ? undefined : String(conversationId);
          try {
            // Each CLI conversation is its own user, so votes in different conversations are different voters.
            const userId = `cli-${key ?? `line-${line.lineNumber}`}`;
            const result = await xiaoning.ask({
              channel: 'cli',
              userId,
              conversationId: key ? conversations.get(key) : undefined,
              message: question,
            });
            if (key) conversations.set(key, result.conversationId);
            writeLine({
              id,
              answer: result.answer,
              sources: result.sources.map(({ source, title }) => ({ source, title })),
              refused: result.refused,
              toolCalls: result.toolCalls,
            });
          } catch (error) {
            failed = true;
            writeErrorLine({ line: line.lineNumber, id, error: isAppError(error) ? error.message : '回答时出错了' });
          }
        }
      });
      if (failed) process.exitCode = 1;
    });
}
