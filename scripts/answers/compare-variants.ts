/**
 * Compares answer-composition variants on retrieval results cached by retrieve-for-answers.ts:
 *
 *   node --import tsx scripts/answers/retrieve-for-answers.ts /tmp/answers-cache.json
 *   node --import tsx scripts/answers/compare-variants.ts /tmp/answers-cache.json
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { composePolicyAnswer, type ComposePolicyAnswerOptions } from '../../bot/answers/compose-policy-answer';
import { percentile } from '../retrieval/retrieval-metrics';
import { containsGold, isHeldOut } from './answer-metrics';
import { cachedPassages, type RetrievedQuestion } from './retrieve-for-answers';

const cache = JSON.parse(fs.readFileSync(process.argv[2] ?? '/tmp/answers-cache.json', 'utf8')) as RetrievedQuestion[];

interface Variant {
  name: string;
  /** Chunks appended after each hit's best chunk. */
  following?: number;
  hits?: number;
  options?: ComposePolicyAnswerOptions;
}

const variants: Variant[] = JSON.parse(process.argv[3] ?? '[{"name":"default"}]') as Variant[];

async function main() {
  for (const variant of variants) {
    let seen = 0;
    let held = 0;
    let seenTotal = 0;
    let heldTotal = 0;
    let atLimit = 0;
    const latencies: number[] = [];
    const misses: string[] = [];
    for (const question of cache) {
      const passages = cachedPassages(question, variant.hits ?? 5, variant.following ?? 1);
      const started = performance.now();
      const { answer } = composePolicyAnswer(question.question, passages, variant.options);
      latencies.push(performance.now() - started);
      if ([...answer].length >= (variant.options?.maxCharacters ?? 300) - 5) atLimit += 1;
      const hit = containsGold(answer, question.answer);
      if (!hit) misses.push(`${question.id}\t${question.question}\t${question.answer}\t${answer}`);
      if (isHeldOut(question.id)) {
        heldTotal += 1;
        if (hit) held += 1;
      } else {
        seenTotal += 1;
        if (hit) seen += 1;
      }
    }
    if (process.env.MISSES) fs.writeFileSync(process.env.MISSES, misses.join('\n'));
    process.stdout.write(
      `${variant.name.padEnd(28)} all ${((seen + held) / cache.length).toFixed(3)}  even ${(seen / seenTotal).toFixed(3)}  odd ${(held / heldTotal).toFixed(3)}  near-limit ${atLimit}  p50 ${percentile(latencies, 0.5).toFixed(2)} ms  p95 ${percentile(latencies, 0.95).toFixed(2)} ms\n`,
    );
  }
}

void main();
