import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common';

/**
 * The stored category model: everything the classifier needs to reproduce the trained scores, and what
 * it was trained on. Weights are int16 with one scale per class (base64, little-endian), which keeps the
 * file small enough to commit and costs nothing measurable in accuracy.
 */
const categoryModelSchema = z.object({
  format: z.literal('xiaoning-category-model'),
  version: z.string().min(1),
  trainedOn: z.object({
    source: z.string(),
    sha256: z.string(),
    examples: z.number().int().positive(),
    examplesPerCategory: z.record(z.string(), z.number().int()),
  }),
  categories: z.array(z.string()).min(1),
  classes: z.array(z.string()).min(2),
  features: z.object({
    titleWeight: z.number().positive(),
    characterNgrams: z.array(z.number().int().positive()),
    wordBigrams: z.boolean(),
  }),
  training: z.record(z.string(), z.unknown()),
  calibration: z.object({ temperature: z.number().positive() }),
  vocabulary: z.array(z.string()),
  inverseDocumentFrequency: z.array(z.number()),
  bias: z.array(z.number()),
  weights: z.object({
    encoding: z.literal('int16-le-base64'),
    scales: z.array(z.number().positive()),
    rows: z.array(z.string()),
  }),
});

export type CategoryModel = z.infer<typeof categoryModelSchema>;

export const defaultCategoryModelFile = path.join(__dirname, '../model/category-model-v1.json');

export function parseCategoryModel(raw: unknown): CategoryModel {
  const parsed = categoryModelSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('CONFIG_INVALID', '分类模型文件格式不正确。', { cause: parsed.error });
  const model = parsed.data;
  const classCount = model.classes.length;
  const consistent =
    model.classes.every((category) => model.categories.includes(category)) &&
    model.inverseDocumentFrequency.length === model.vocabulary.length &&
    model.bias.length === classCount &&
    model.weights.scales.length === classCount &&
    model.weights.rows.length === classCount;
  if (!consistent) throw new AppError('CONFIG_INVALID', '分类模型文件内容不一致。', { details: { version: model.version } });
  return model;
}

export function readCategoryModel(file: string = defaultCategoryModelFile): CategoryModel {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', '无法读取分类模型文件。', { cause: error, details: { file } });
  }
  return parseCategoryModel(raw);
}

export function encodeWeightRow(weights: ArrayLike<number>): { scale: number; row: string } {
  let largest = 0;
  for (let index = 0; index < weights.length; index += 1) largest = Math.max(largest, Math.abs(weights[index]));
  const scale = largest === 0 ? 1 : largest / 32767;
  const buffer = Buffer.alloc(weights.length * 2);
  for (let index = 0; index < weights.length; index += 1) buffer.writeInt16LE(Math.round(weights[index] / scale), index * 2);
  return { scale, row: buffer.toString('base64') };
}

export function decodeWeightRow(row: string, scale: number, length: number): Float32Array {
  const buffer = Buffer.from(row, 'base64');
  if (buffer.length !== length * 2) throw new AppError('CONFIG_INVALID', '分类模型的权重长度不正确。');
  const weights = new Float32Array(length);
  for (let index = 0; index < length; index += 1) weights[index] = buffer.readInt16LE(index * 2) * scale;
  return weights;
}
