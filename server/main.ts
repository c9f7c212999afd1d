import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import type { Knowledge } from '../knowledge';
import { buildAppDependencies, openKnowledgeFor, openServices, seedIfEmpty, seedKnowledgeIfNeeded } from './services';

/** The composition root: reads the config once, builds every component, serves, and shuts down cleanly. */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const services = await openServices(config);
  let stopping = false;
  let knowledge: Knowledge | undefined;
  let closeShared: () => Promise<void> = async () => undefined;
  const seeding = new AbortController();
  let seeded: Promise<unknown> = Promise.resolve();
  const closeAll = async () => {
    seeding.abort();
    await seeded;
    await knowledge?.close();
    await closeShared();
    await services.close();
  };
  try {
    await seedIfEmpty(services, logger);
    knowledge = await openKnowledgeFor(services, logger);
    const dependencies = await buildAppDependencies(services, logger, knowledge);
    closeShared = dependencies.shared.close;
    const server = http.createServer(createApp(dependencies));
    dependencies.realtime.attach(server);
    server.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address() as AddressInfo;
    logger.info({ url: `http://${address.address}:${address.port}`, port: address.port, database: services.database.driver }, 'listening');
    // The demo corpus is indexed while the service already answers; search covers what is done so far.
    seeded = seedKnowledgeIfNeeded(services, knowledge, logger, { signal: seeding.signal }).catch((error: unknown) => {
      logger.error({ err: error }, 'demo knowledge ingestion failed; it resumes at the next start');
    });

    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // Idle keep-alive sockets would hold close() open; busy ones get a few seconds to finish.
      void dependencies.realtime.close();
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        // Answers on their way through WeChat's customer-service API are delivered before the database closes.
        Promise.resolve(dependencies.wechat?.stop())
          .then(closeAll)
          .then(() => {
            logger.info('stopped');
            logger.flush();
            process.exit(0);
          })
          .catch((error: unknown) => {
            logger.error({ err: error }, 'error while closing');
            process.exit(1);
          });
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

if (require.main === module) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  serve(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'start-up failed');
    console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
