/**
 * Measures appeal intelligence on data the model did not see:
 * - category: trains on a stratified 80 % of appeals/labeled-train.jsonl (seed 42) and reports accuracy,
 *   macro-F1 and per-category F1 on the other 20 % (`--seeds 42,7,123` repeats it on other splits);
 * - speed: the whole analysis (category, type, tags, keywords, summary) in ms per appeal, median of 5 runs;
 * - type: precision and recall per type on the labelled type set (hotline/intelligence/fixtures);
 * - `--similarity`: how the similar-appeal threshold was chosen (about 25 s).
 *
 *   npm run eval:appeals [-- <shared data folder>] [--seeds 42,7] [--similarity]
 */
import path from 'node:path';
import { createTokenizer } from '../text/tokenizer';
import { createAppealIntelligence } from '../hotline/intelligence/appeal-intelligence';
import { readAppealTopics } from '../hotline/intelligence/tags/appeal-topics';
import { stratifiedSplit } from '../hotline/intelligence/category/stratified-split';
import { trainCategoryModel } from '../hotline/intelligence/category/train-category-model';
import { appealTypes } from '../hotline/intelligence/type/appeal-types';
import { classifyAppealType } from '../hotline/intelligence/type/classify-appeal-type';
import { measureSimilarityThreshold, printThresholdMeasurement } from './appeal-intelligence/measure-similarity-threshold';
import { classificationReport, fixed, median } from './appeal-intelligence/metrics';
import { emergencyMessagesFile, readTypeFixture, typeFixtureFile } from './appeal-intelligence/read-type-fixture';
import { readJsonLines, readLabelledAppeals, repositoryRoot, sharedDataDirectory } from './appeal-intelligence/shared-data';

const print = (line = '') => process.stdout.write(`${line}\n`);
const testShare = 0.2;
const speedRuns = 5;

function parseArguments(argv: readonly string[]) {
  let dataDirectory: string | undefined;
  let seeds = [42];
  let similarity = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--similarity') similarity = true;
    else if (argument === '--seeds') seeds = (argv[(index += 1)] ?? '').split(',').map(Number).filter(Number.isInteger);
    else if (argument.startsWith('--seeds=')) seeds = argument.slice('--seeds='.length).split(',').map(Number).filter(Number.isInteger);
    else dataDirectory = argument;
  }
  return { dataDirectory: sharedDataDirectory(dataDirectory), seeds: seeds.length > 0 ? seeds : [42], similarity };
}

function main(): void {
  const options = parseArguments(process.argv.slice(2));
  const tokenizer = createTokenizer();
  const data = readLabelledAppeals(options.dataDirectory);
  const topics = readAppealTopics(path.join(repositoryRoot, 'data/demo/appeal-topics.jsonl'));
  print(`Appeal intelligence evaluation (shared data: ${options.dataDirectory})`);

  const macroF1BySeed: number[] = [];
  options.seeds.forEach((seed, seedIndex) => {
    const split = stratifiedSplit(data.examples, (example) => example.category, testShare, seed);
    const model = trainCategoryModel({ examples: split.train, categories: data.categories, tokenizer, trainedOn: data.trainedOn });
    const intelligence = createAppealIntelligence({ tokenizer, categoryModel: model, topics });
    const analyses = split.test.map((example) => ({ example, analysis: intelligence.analyse(example) }));
    const report = classificationReport(
      analyses.map(({ example, analysis }) => ({ truth: example.category, predicted: analysis.category })),
      model.classes,
    );
    macroF1BySeed.push(report.macroF1);
    const outside = analyses.filter(({ analysis }) => !data.categories.includes(analysis.category)).length;
    print();
    print(`Category — stratified split seed ${seed}: trained on ${split.train.length}, tested on ${split.test.length} held-out appeals`);
    print(
      `  accuracy ${fixed(report.accuracy)}   macro-F1 ${fixed(report.macroF1)}   (answers outside the column's categories: ${outside})`,
    );
    print('  category    F1     precision  recall  support');
    for (const scores of report.perClass) {
      print(
        `  ${scores.label.padEnd(6, '　')}  ${fixed(scores.f1)}  ${fixed(scores.precision)}      ${fixed(scores.recall)}   ${scores.support}`,
      );
    }
    const meanConfidence = analyses.reduce((sum, { analysis }) => sum + analysis.confidence, 0) / analyses.length;
    print(`  mean confidence ${fixed(meanConfidence)} (calibrated: close to the accuracy when it means what it says)`);

    if (seedIndex === 0) {
      const times: number[] = [];
      for (let run = 0; run < speedRuns; run += 1) {
        const started = process.hrtime.bigint();
        for (const example of split.test) intelligence.analyse(example);
        times.push(Number(process.hrtime.bigint() - started) / 1e6 / split.test.length);
      }
      print(
        `  speed: ${fixed(median(times))} ms per appeal for the whole analysis (median of ${speedRuns} runs over the ${split.test.length} test appeals)`,
      );
    }
  });
  if (macroF1BySeed.length > 1) {
    print();
    print(
      `macro-F1 over seeds ${options.seeds.join(', ')}: ${macroF1BySeed.map((value) => fixed(value)).join(', ')}; mean ${fixed(macroF1BySeed.reduce((sum, value) => sum + value, 0) / macroF1BySeed.length)}`,
    );
  }

  const typed = readTypeFixture();
  const typeReport = classificationReport(
    typed.map((appeal) => ({ truth: appeal.type, predicted: classifyAppealType(appeal).type })),
    appealTypes,
  );
  print();
  print(`Type — ${typed.length} real appeals labelled by reading (${path.relative(repositoryRoot, typeFixtureFile)})`);
  print(`  accuracy ${fixed(typeReport.accuracy)}   macro-F1 ${fixed(typeReport.macroF1)}`);
  print('  type    precision  recall  F1     support  predicted');
  for (const scores of typeReport.perClass) {
    print(
      `  ${scores.label.padEnd(3, '　')}  ${fixed(scores.precision)}      ${fixed(scores.recall)}   ${fixed(scores.f1)}  ${String(scores.support).padStart(4)}     ${scores.predicted}`,
    );
  }

  const messages = readJsonLines<{ text: string; urgent: boolean }>(emergencyMessagesFile);
  const flagged = messages.map((message) => ({ ...message, flagged: classifyAppealType({ content: message.text }).type === '紧急件' }));
  const urgent = flagged.filter((message) => message.urgent);
  const notUrgent = flagged.filter((message) => !message.urgent);
  print();
  print(
    `紧急件 on ${messages.length} written messages (${path.relative(repositoryRoot, emergencyMessagesFile)}): recall ${fixed(urgent.filter((message) => message.flagged).length / urgent.length)} (${urgent.length} urgent), false alarms ${fixed(notUrgent.filter((message) => message.flagged).length / notUrgent.length)} (${notUrgent.length} that mention danger without being urgent)`,
  );
  for (const message of flagged.filter((each) => each.flagged !== each.urgent))
    print(`  ${message.urgent ? 'missed' : 'false alarm'}: ${message.text}`);

  if (options.similarity) {
    print();
    printThresholdMeasurement(measureSimilarityThreshold(options.dataDirectory), print);
  }
}

main();
