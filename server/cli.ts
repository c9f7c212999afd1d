import readline from 'node:readline';
import { Command, CommanderError } from 'commander';
import { isAppError } from '../common';
import { readDemoData } from '../hotline';
import { loadDemoData } from '../hotline';
import { newAccountSchema, createUserAccount } from './auth/user-accounts';
import { registerAskCommand } from './commands/ask-command';
import { registerClassifyCommand } from './commands/classify-command';
import { registerKnowledgeCommands } from './commands/knowledge-commands';
import { withServices, writeLine } from './commands/command-support';
import { registerReinsightCommand } from './commands/reinsight-command';
import { loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { serve } from './main';
import { openKnowledgeFor, seedKnowledgeIfNeeded } from './services';

/** Reads a password without echoing it on a terminal, or the first line of piped input. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const terminal = readline.createInterface({ input, output: process.stderr, terminal: true });
  const withMutedOutput = terminal as unknown as { _writeToOutput: (text: string) => void };
  process.stderr.write(prompt);
  withMutedOutput._writeToOutput = () => undefined;
  return new Promise((resolve) =>
    terminal.question('', (answer) => {
      terminal.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

export function createCli(loadConfiguration: () => Config = () => loadConfig()): Command {
  const program = new Command('xiaoning')
    .description('小宁（宁德 12345 领导接线智能助手）命令行工具。所有命令都使用 DATA_DIR 指定的数据目录。')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('启动服务（与 npm start 相同）')
    .action(async () => {
      const config = loadConfiguration();
      await serve(config, createLogger(config.logLevel));
    });

  program
    .command('seed')
    .description('载入演示数据（已载入时不做任何改动）')
    .action(async () => {
      const config = loadConfiguration();
      const result = await withServices(config, async (services) => {
        process.stderr.write('正在载入演示数据……\n');
        const loaded = await loadDemoData(services.database, readDemoData());
        process.stderr.write('正在导入演示知识库（法规和政策文件）……\n');
        const knowledge = await openKnowledgeFor(
          services,
          createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
        );
        try {
          const ingested = await seedKnowledgeIfNeeded(services, knowledge, createLogger('silent'), { ignoreSetting: true });
          return { ...loaded, knowledge: ingested ?? 'already-loaded', documents: knowledge.knowledgeBase.size.documents };
        } finally {
          await knowledge.close();
        }
      });
      writeLine(result);
    });

  program
    .command('create-user')
    .description('新建账号；密码从标准输入读取（终端上不回显）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', 'citizen | official | admin')
    .option('--unit <unitId>', '接线领导（official）所属单位编号，例如 zjj')
    .action(async (options: { username: string; role: string; unit?: string }) => {
      const config = loadConfiguration();
      const password = await readPassword('请输入密码（至少 10 位）：');
      const account = newAccountSchema.parse({ username: options.username, password, role: options.role, unitId: options.unit });
      const user = await withServices(config, (services) => createUserAccount(services.repositories, account, 'cli'));
      writeLine({ id: user.id, username: user.username, role: user.role, unitId: user.unitId });
    });

  registerKnowledgeCommands(program, loadConfiguration);
  registerAskCommand(program, loadConfiguration);
  registerClassifyCommand(program, loadConfiguration);
  registerReinsightCommand(program, loadConfiguration);

  return program;
}

function describeFailure(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return (error.issues as { path: unknown[]; message: string }[]).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('；');
  }
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  createCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      if (error instanceof CommanderError) process.exit(error.exitCode);
      process.stderr.write(`${JSON.stringify({ error: describeFailure(error) })}\n`);
      process.exit(1);
    });
}
