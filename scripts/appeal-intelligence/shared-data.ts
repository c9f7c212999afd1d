import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LabelledAppeal } from '../../hotline/intelligence/category/train-category-model';

/** The shared data folder: the first command-line argument, else ../shared/data next to the repository. */
export const repositoryRoot = path.resolve(__dirname, '../..');

export function sharedDataDirectory(argument: string | undefined): string {
  return path.resolve(argument ?? path.join(repositoryRoot, '../shared/data'));
}

export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

interface ColumnTaxonomy {
  categories: string[];
  types: string[];
  fromTipdmLabels: Record<string, string>;
}

interface SourceLabelledAppeal {
  id: string;
  content: string;
  label: string;
  title?: string;
}

export interface LabelledData {
  examples: Array<LabelledAppeal & { id: string; sourceLabel: string }>;
  categories: string[];
  trainedOn: { source: string; sha256: string };
}

/** The labelled appeals with their labels mapped to the column's categories (ningde/taxonomy.json). */
export function readLabelledAppeals(dataDirectory: string): LabelledData {
  const file = path.join(dataDirectory, 'appeals/labeled-train.jsonl');
  const taxonomy = JSON.parse(fs.readFileSync(path.join(dataDirectory, 'ningde/taxonomy.json'), 'utf8')) as ColumnTaxonomy;
  const examples = readJsonLines<SourceLabelledAppeal>(file).map((appeal) => {
    const category = taxonomy.fromTipdmLabels[appeal.label];
    if (category === undefined || !taxonomy.categories.includes(category)) {
      throw new Error(`label ${appeal.label} of appeal ${appeal.id} has no column category in ningde/taxonomy.json`);
    }
    return { id: appeal.id, title: appeal.title, content: appeal.content, category, sourceLabel: appeal.label };
  });
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  return { examples, categories: taxonomy.categories, trainedOn: { source: 'appeals/labeled-train.jsonl', sha256 } };
}
