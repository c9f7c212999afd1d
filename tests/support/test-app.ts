import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { openDatabase } from '../../hotline/db/database';
import { createRepositories } from '../../hotline/repositories';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import type { Knowledge } from '../../knowledge/open-knowledge';
import { buildAppDependencies, openKnowledgeFor, type Services } from '../../server/services';

/** Collects every log line the app writes, so tests can read the log. */
export function createLogCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

/**
 * The real app over a real (in-memory PGlite) database, built the way main.ts builds it.
 * `environment` overrides configuration variables.
 */
export async function createTestApp(
  environment: Record<string, string> = {},
  options: { knowledge?: boolean } = {},
): Promise<{
  app: Express;
  services: Services;
  knowledge: Knowledge | undefined;
  logs: ReturnType<typeof createLogCapture>;
  close: () => Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...environment });
  const database = await openDatabase({});
  const services: Services = { config, database, repositories: createRepositories(database.db), close: () => database.close() };
  const logs = createLogCapture();
  const logger = createLogger('info', logs.stream);
  const knowledge = options.knowledge ? await openKnowledgeFor(services, logger) : undefined;
  const app = createApp(await buildAppDependencies(services, logger, knowledge));
  return {
    app,
    services,
    knowledge,
    logs,
    close: async () => {
      await knowledge?.close();
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
