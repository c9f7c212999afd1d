import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { openDatabase } from '../../storage/database';
import { readDemoData } from '../../hotline/demo/demo-data-files';
import { loadDemoData } from '../../hotline/demo/load-demo-data';
import { createRepositories } from '../../storage/repositories';
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
  options: { knowledge?: boolean; databaseUrl?: string; demoData?: boolean; wechatNow?: () => number } = {},
): Promise<{
  app: Express;
  services: Services;
  knowledge: Knowledge | undefined;
  /** Serves the app with socket.io on a real HTTP server on 127.0.0.1 and a free port. */
  listen: () => Promise<{ url: string; close: () => Promise<void> }>;
  logs: ReturnType<typeof createLogCapture>;
  close: () => Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...environment });
  const database = await openDatabase(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {});
  if (options.demoData) await loadDemoData(database, readDemoData());
  const services: Services = { config, database, repositories: createRepositories(database.db), close: () => database.close() };
  const logs = createLogCapture();
  const logger = createLogger('info', logs.stream);
  const knowledge = options.knowledge ? await openKnowledgeFor(services, logger) : undefined;
  const dependencies = await buildAppDependencies(services, logger, knowledge, { wechatNow: options.wechatNow });
  const app = createApp(dependencies);
  const servers: http.Server[] = [];
  const listen = async () => {
    const server = http.createServer(app);
    dependencies.realtime.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await dependencies.realtime.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  };
  return {
    app,
    listen,
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
