import type { Command } from 'commander';
import { recomputeAllInsights } from '../../hotline';
import { loadAppealIntelligence } from '../../hotline';
import { createTokenizer } from '../../text';
import type { Config } from '../config';
import { withServices, writeLine } from './command-support';

/**
 * `reinsight`: recomputes the insight (category, type, tags, summary, similar appeals) of every stored
 * appeal with the committed model, e.g. after `npm run train`; prints `{appeals, insights, model}`.
 */
export function registerReinsightCommand(program: Command, loadConfiguration: () => Config): void {
  program
    .command('reinsight')
    .description('重新计算全部诉求的智能分析结果（类别、类型、标签、摘要、相似诉求）')
    .action(async () => {
      const config = loadConfiguration();
      const intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
      const result = await withServices(config, (services) => {
        process.stderr.write('正在重新计算诉求智能分析……\n');
        return recomputeAllInsights(services.database, intelligence);
      });
      writeLine(result);
    });
}
