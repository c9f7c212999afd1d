import fs from 'node:fs';
import readline from 'node:readline';
import type { z } from 'zod';
import { AppError } from '../../common';
import type { Config } from '../config';
import { openServices, type Services } from '../services';

/** CLI contract (DESIGN §5): JSON lines on stdout, errors on stderr, exit 1 on failure; every command honours DATA_DIR. */
export const writeLine = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/** One error line on stderr, for a failure that does not stop the command (a bad input line). */
export const writeErrorLine = (value: unknown) => process.stderr.write(`${JSON.stringify(value)}\n`);

export async function withServices<T>(config: Config, work: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices(config);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

export type InputLine = { lineNumber: number; value: unknown } | { lineNumber: number; error: string };

/**
 * The JSON lines of an input file (`-` reads standard input), one at a time, with their line numbers;
 * blank lines are skipped and a line that is not JSON comes back as an error instead of stopping the file.
 */
export async function* readJsonLines(file: string): AsyncGenerator<InputLine> {
  if (file !== '-' && !fs.existsSync(file)) throw new AppError('BAD_REQUEST', `找不到输入文件：${file}`);
  const input = file === '-' ? process.stdin : fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      yield { lineNumber, value: JSON.parse(line) as unknown };
    } catch {
      yield { lineNumber, error: '不是有效的 JSON' };
    }
  }
}

/**
 * The lines of an input file that are JSON and match `schema`; every other line gets an error line on
 * stderr (`{line, error}`) and `onInvalid` is called, so the command can exit with 1 at the end.
 */
export async function* readValidLines<T>(file: string, schema: z.ZodType<T>, onInvalid: () => void) {
  for await (const line of readJsonLines(file)) {
    if ('error' in line) {
      onInvalid();
      writeErrorLine({ line: line.lineNumber, error: line.error });
      continue;
    }
    const parsed = schema.safeParse(line.value);
    if (!parsed.success) {
      onInvalid();
      writeErrorLine({ line: line.lineNumber, error: parsed.error.issues.map((issue) => issue.message).join('；') });
      continue;
    }
    yield { lineNumber: line.lineNumber, value: parsed.data };
  }
}
