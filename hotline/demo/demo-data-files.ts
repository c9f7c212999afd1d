import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The shape `scripts/build-demo-data.ts` writes into data/demo/ (see data/demo/README.md). */
const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['municipal', 'county']),
  duties: z.string(),
  dutyTopics: z.array(z.string()),
});

const sessionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  weekOffset: z.number().int(),
  weekday: z.number().int().min(1).max(7),
  startTime: z.string().regex(/^\d{2}:\d{2}$/),
  durationMinutes: z.number().int().positive(),
  leaderTitle: z.string(),
  scope: z.string(),
  howToJoin: z.string(),
  channels: z.array(z.string()),
});

const appealSchema = z.object({
  id: z.string(),
  source: z.string(),
  unitId: z.string(),
  sessionId: z.string(),
  minutesIntoSession: z.number().int().min(0),
  title: z.string(),
  content: z.string(),
  category: z.string(),
  type: z.string(),
  reply: z.string(),
  replyUnit: z.string(),
  replyDelayDays: z.number().int().min(0),
  citizenLabel: z.string(),
});

const pollSchema = z.object({
  id: z.string(),
  title: z.string(),
  opensDaysOffset: z.number(),
  closesDaysOffset: z.number(),
  unitIds: z.array(z.string()).min(2),
});

export type DemoUnit = z.infer<typeof unitSchema>;
export type DemoSession = z.infer<typeof sessionSchema>;
export type DemoAppeal = z.infer<typeof appealSchema>;
export type DemoPoll = z.infer<typeof pollSchema>;

export interface DemoData {
  units: DemoUnit[];
  sessions: DemoSession[];
  appeals: DemoAppeal[];
  poll: DemoPoll;
}

export const defaultDemoDirectory = path.resolve(__dirname, '../../data/demo');

/** The demo knowledge corpus (28 laws, 593 policy documents), ingested by the knowledge module. */
export const demoKnowledgeDirectory = (directory: string = defaultDemoDirectory) => path.join(directory, 'knowledge');

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const readJsonLines = (file: string): unknown[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

export function readDemoData(directory: string = defaultDemoDirectory): DemoData {
  return {
    units: z.array(unitSchema).parse(readJson(path.join(directory, 'units.json'))),
    sessions: z.array(sessionSchema).parse(readJson(path.join(directory, 'sessions.json'))),
    appeals: z.array(appealSchema).parse(readJsonLines(path.join(directory, 'appeals.jsonl'))),
    poll: pollSchema.parse(readJson(path.join(directory, 'poll.json'))),
  };
}
