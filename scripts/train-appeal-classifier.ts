/**
 * Trains the appeal category classifier on every labelled appeal of the shared data and writes the
 * versioned model the service loads at start. Deterministic: the same data gives a byte-identical file.
 *
 *   npm run train [-- <shared data folder>]      (default: ../shared/data next to the repository)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTokenizer } from '../text/tokenizer';
import { defaultCategoryModelFile } from '../hotline/intelligence/category/category-model';
import { trainCategoryModel } from '../hotline/intelligence/category/train-category-model';
import { readLabelledAppeals, repositoryRoot, sharedDataDirectory } from './appeal-intelligence/shared-data';
import { writeModel } from './appeal-intelligence/write-model';

async function main(): Promise<void> {
  const dataDirectory = sharedDataDirectory(process.argv[2]);
  const data = readLabelledAppeals(dataDirectory);
  const started = Date.now();
  const model = trainCategoryModel({
    examples: data.examples,
    categories: data.categories,
    tokenizer: createTokenizer(),
    trainedOn: data.trainedOn,
  });
  const bytes = await writeModel(model, defaultCategoryModelFile);
  const digest = crypto.createHash('sha256').update(fs.readFileSync(defaultCategoryModelFile)).digest('hex');
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(
    `trained on ${model.trainedOn.examples} appeals (${data.trainedOn.source}, sha256 ${data.trainedOn.sha256.slice(0, 12)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  print(`classes: ${model.classes.map((category) => `${category} ${model.trainedOn.examplesPerCategory[category]}`).join(', ')}`);
  print(`features: ${model.vocabulary.length}, confidence temperature ${model.calibration.temperature}`);
  print(
    `wrote ${path.relative(repositoryRoot, defaultCategoryModelFile)} (${(bytes / 1e6).toFixed(2)} MB, sha256 ${digest.slice(0, 12)}), version ${model.version}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
