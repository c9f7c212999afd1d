/**
 * Calibrates the similar-case threshold for call-length text (来电分析): the 40 labelled call-like texts of
 * hotline/assist/fixtures/call-texts.jsonl against the past cases with replies of the demo data, as the call
 * assistant searches them. A shown case (at most 3 per text) is relevant when its own taxonomy topics contain the
 * text's labelled topic. Prints, per threshold, with and without the topic-agreement rule (call-similarity.ts):
 * precision of the shown cases, recall (texts with a relevant case shown / texts for which the index holds one
 * among its candidates), and how many texts show anything.
 *
 *   npm run eval:call-similarity
 */
import fs from 'node:fs';
import path from 'node:path';
import { agreesWithCall, callSimilarityThreshold } from '../hotline/assist/call-similarity';
import { readDemoData } from '../hotline/demo/demo-data-files';
import { loadAppealIntelligence } from '../hotline/intelligence/appeal-intelligence';
import { defaultSimilarityThreshold } from '../hotline/intelligence/similar/similar-appeal-index';
import { createTokenizer } from '../text/tokenizer';

const print = (line: string) => process.stdout.write(`${line}\n`);
const shownPerText = 3;

interface CallText {
  id: string;
  text: string;
  topic: string;
}

function main() {
  const calls = fs
    .readFileSync(path.resolve(__dirname, '../hotline/assist/fixtures/call-texts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CallText);
  const intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
  const replied = readDemoData().appeals.filter((appeal) => appeal.reply);
  const index = intelligence.createSimilarIndex();
  index.addAll(replied.map(({ id, title, content }) => ({ id, title, content })));
  const topicsById = new Map(
    replied.map((appeal) => [appeal.id, intelligence.analyse({ title: appeal.title, content: appeal.content }).tags]),
  );

  const searched = calls.map((call) => {
    const analysis = intelligence.analyse({ content: call.text });
    const hits = index.search({ title: analysis.summary, content: call.text }, { limit: shownPerText * 4, threshold: 0 });
    const relevant = (id: string) => (topicsById.get(id) ?? []).includes(call.topic);
    return { call, analysis, hits, available: hits.some((hit) => relevant(hit.id)), relevant };
  });
  const available = searched.filter((entry) => entry.available).length;
  print(
    `${calls.length} call-like texts, ${replied.length} past cases with replies; ${available} texts have a relevant case among the candidates`,
  );
  print('threshold  rule            shown  precision  recall  texts showing a case');

  const rows: { threshold: number; rule: string; precision: number; recall: number; f1: number }[] = [];
  for (let step = 6; step <= 26; step += 1) {
    const threshold = step / 100;
    for (const rule of ['score only', 'topic agreement'] as const) {
      let shown = 0;
      let relevantShown = 0;
      let found = 0;
      let showing = 0;
      for (const entry of searched) {
        const kept = entry.hits
          .filter((hit) => hit.score >= threshold)
          .filter(
            (hit) => rule === 'score only' || agreesWithCall(hit, topicsById.get(hit.id), entry.analysis.tags, defaultSimilarityThreshold),
          )
          .slice(0, shownPerText);
        shown += kept.length;
        const good = kept.filter((hit) => entry.relevant(hit.id)).length;
        relevantShown += good;
        if (good > 0) found += 1;
        if (kept.length > 0) showing += 1;
      }
      const precision = shown === 0 ? 1 : relevantShown / shown;
      const recall = available === 0 ? 0 : found / available;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      rows.push({ threshold, rule, precision, recall, f1 });
      print(
        `${threshold.toFixed(2).padEnd(11)}${rule.padEnd(16)}${String(shown).padStart(5)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}  ${showing}/${calls.length}`,
      );
    }
  }
  const best = rows.filter((row) => row.precision >= 0.8).sort((left, right) => right.f1 - left.f1 || right.threshold - left.threshold)[0];
  if (best) {
    print(
      `best with precision ≥ 0.8: ${best.threshold.toFixed(2)} (${best.rule}): precision ${best.precision.toFixed(3)}, recall ${best.recall.toFixed(3)}`,
    );
  }
  const current = rows.find((row) => row.rule === 'topic agreement' && Math.abs(row.threshold - callSimilarityThreshold) < 1e-9);
  if (current) {
    print(
      `in use: ${callSimilarityThreshold} with topic agreement: precision ${current.precision.toFixed(3)}, recall ${current.recall.toFixed(3)}`,
    );
  }
  const written = rows.find((row) => row.rule === 'score only' && Math.abs(row.threshold - defaultSimilarityThreshold) < 1e-9);
  if (written) {
    print(
      `the written appeals' ${defaultSimilarityThreshold} alone: precision ${written.precision.toFixed(3)}, recall ${written.recall.toFixed(3)}`,
    );
  }
}

main();
