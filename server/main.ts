import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { buildAppDependencies, openServices, seedIfEmpty } from './services';

/** The composition root: reads the config once, builds every component, serves, and shuts down cleanly. */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const services = await openServices(config);
  let stopping = false;
  try {
    await seedIfEmpty(services, logger);
    const app = createApp(await buildAppDependencies(services, logger));
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address() as AddressInfo;
    logger.info({ url: `http://${address.address}:${address.port}`, port: address.port, database: services.database.driver }, 'listening');

    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // Idle keep-alive sockets would hold close() open; busy ones get a few seconds to finish.
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        services
          .close()
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
    await services.close().catch(() => undefined);
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
