import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common';

/** One row of the official three-level appeal taxonomy; level 3 is what tags and hot topics use. */
const appealTopicSchema = z.object({ level1: z.string(), level2: z.string(), level3: z.string() });

export type AppealTopic = z.infer<typeof appealTopicSchema>;

/** The service's copy of appeals/taxonomy.jsonl (see data/demo/README.md for its source). */
export const defaultAppealTopicsFile = path.resolve(__dirname, '../../../data/demo/appeal-topics.jsonl');

export function parseAppealTopics(text: string): AppealTopic[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = appealTopicSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new AppError('CONFIG_INVALID', '诉求分类表格式不正确。', { details: { line: index + 1 } });
      return parsed.data;
    });
}

export function readAppealTopics(file: string = defaultAppealTopicsFile): AppealTopic[] {
  try {
    return parseAppealTopics(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('CONFIG_INVALID', '无法读取诉求分类表。', { cause: error, details: { file } });
  }
}
