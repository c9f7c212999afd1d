import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import type { CategoryModel } from '../../hotline/intelligence/category/category-model';

/**
 * Writes the model as the repository's formatter would, so that `prettier --check .` passes on the
 * committed artifact and a retrain shows up as a readable diff of its header.
 */
export async function writeModel(model: CategoryModel, file: string): Promise<number> {
  const formatted = await prettier.format(JSON.stringify(model), { parser: 'json', printWidth: 140 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatted);
  return Buffer.byteLength(formatted);
}
