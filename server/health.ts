export interface HealthStatus {
  status: 'ok' | 'down';
  detail: string;
}

export interface HealthCheck {
  name: string;
  /** Whether the service is unusable without this component (health then answers 503). */
  essential: boolean;
  check(): Promise<HealthStatus>;
}

const withTimeout = (check: HealthCheck, timeoutMs: number): Promise<HealthStatus> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'down', detail: `检查超时（${timeoutMs} 毫秒）` }), timeoutMs);
    check
      .check()
      .then(resolve, (error: unknown) => resolve({ status: 'down', detail: error instanceof Error ? error.message : String(error) }))
      .finally(() => clearTimeout(timer));
  });

export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 3000) {
  const results = await Promise.all(checks.map(async (check) => [check, await withTimeout(check, timeoutMs)] as const));
  const healthy = results.every(([check, result]) => !check.essential || result.status === 'ok');
  const degraded = results.some(([, result]) => result.status !== 'ok');
  return {
    status: healthy ? (degraded ? ('degraded' as const) : ('ok' as const)) : ('down' as const),
    healthy,
    components: Object.fromEntries(results.map(([check, result]) => [check.name, { ...result, essential: check.essential }])),
  };
}

export function createDatabaseHealthCheck(database: { driver: string; ping(): Promise<void> }): HealthCheck {
  return {
    name: 'database',
    essential: true,
    check: async () => {
      await database.ping();
      return { status: 'ok', detail: database.driver === 'pglite' ? '内置数据库（PGlite）' : 'PostgreSQL 服务器' };
    },
  };
}

/** Probes an HTTP endpoint; `fetch` is injected so tests can point it anywhere. */
export function createHttpHealthCheck(options: {
  name: string;
  essential: boolean;
  url: string;
  okDetail: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}): HealthCheck {
  const fetchFunction = options.fetch ?? fetch;
  return {
    name: options.name,
    essential: options.essential,
    check: async () => {
      const response = await fetchFunction(options.url, { headers: options.headers ?? {}, signal: AbortSignal.timeout(2500) });
      return response.ok
        ? { status: 'ok', detail: options.okDetail }
        : { status: 'down', detail: `${new URL(options.url).host} 返回 ${response.status}` };
    },
  };
}

export const staticHealthCheck = (name: string, essential: boolean, result: HealthStatus): HealthCheck => ({
  name,
  essential,
  check: async () => result,
});
