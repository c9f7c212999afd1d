import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCategoryModelFile } from '../../hotline/intelligence/category/category-model';
import { trainCategoryModel } from '../../hotline/intelligence/category/train-category-model';
import { createTokenizer } from '../../text/tokenizer';
import { readLabelledAppeals, sharedDataDirectory } from './shared-data';
import { writeModel } from './write-model';

/**
 * The committed model is what `npm run train` makes of the shared labelled appeals with the code as it
 * is: byte for byte, so a change to the features or the training that is not followed by a retrain fails
 * here. Needs ../shared/data (the training data is not part of the repository).
 */
const dataDirectory = sharedDataDirectory(undefined);
const haveSharedData = fs.existsSync(path.join(dataDirectory, 'appeals/labeled-train.jsonl'));
if (!haveSharedData) console.warn(`*** SKIPPED the committed-model check: no shared data at ${dataDirectory} ***`);

(haveSharedData ? describe : describe.skip)('the committed category model', () => {
  test('is reproduced byte for byte by training on the shared data', async () => {
    const data = readLabelledAppeals(dataDirectory);
    const model = trainCategoryModel({
      examples: data.examples,
      categories: data.categories,
      tokenizer: createTokenizer(),
      trainedOn: data.trainedOn,
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-model-')), 'model.json');
    try {
      await writeModel(model, file);
      expect(fs.readFileSync(file).equals(fs.readFileSync(defaultCategoryModelFile))).toBe(true);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 120_000);
});
