import { isPostgresReachable } from './postgres-server';

/** Runs once before the integration workers start; they inherit the answer through the environment. */
export default async function globalSetup(): Promise<void> {
  process.env.XN_POSTGRES_REACHABLE = (await isPostgresReachable()) ? '1' : '0';
}
