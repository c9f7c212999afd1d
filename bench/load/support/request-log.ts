/** Requests sent under a fault, each with what came back, so a run can say what people would have seen. */

export interface Outcome {
  at: number;
  what: string;
  /** HTTP status, or 0 when no answer came (refused, reset, or the bound below ran out). */
  status: number;
  milliseconds: number;
  /** For failures: the error's code and message when the body was our error JSON, else the start of the body. */
  detail?: string;
  /** A failure answered with anything but `{error: {code, message}}` in Chinese, or a body that shows code paths. */
  unclear?: boolean;
}

const chinese = /[\u4e00-\u9fff]/;
const stackLike = /\n\s+at |node_modules|\.ts:\d+|Error: /;

/** One request with a bound on its duration; never throws. */
export async function timedRequest(
  what: string,
  url: string,
  init: RequestInit = {},
  boundMs = 15_000,
): Promise<Outcome & { body: string }> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(boundMs) });
    const body = await response.text();
    const outcome: Outcome & { body: string } = { at: started, what, status: response.status, milliseconds: Date.now() - started, body };
    if (response.status >= 400) {
      let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        parsed = undefined;
      }
      const message = parsed?.error?.message;
      outcome.detail = typeof message === 'string' ? `${String(parsed?.error?.code)} ${message}` : body.slice(0, 120);
      outcome.unclear = typeof message !== 'string' || !chinese.test(message) || stackLike.test(body);
    }
    return outcome;
  } catch (error) {
    return {
      at: started,
      what,
      status: 0,
      milliseconds: Date.now() - started,
      detail: error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error),
      body: '',
    };
  }
}

/** `count` workers repeating `step` until stopped; the outcomes they collected. */
export function steadyLoad(count: number, step: (worker: number, round: number) => Promise<Outcome[] | Outcome>, pauseMs = 0) {
  const outcomes: Outcome[] = [];
  let running = true;
  const workers = Array.from({ length: count }, async (_, worker) => {
    for (let round = 0; running; round += 1) {
      const result = await step(worker, round);
      outcomes.push(...(Array.isArray(result) ? result : [result]));
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return outcomes;
    },
  };
}

/** "200×812, 503×40, no answer×3" for the outcomes in [from, to). */
export function statusSummary(outcomes: readonly Outcome[], from = 0, to = Number.POSITIVE_INFINITY): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.at < from || outcome.at >= to) continue;
    const key = outcome.status === 0 ? 'no answer' : String(outcome.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    [...counts.entries()]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([key, count]) => `${key}×${count}`)
      .join(', ') || 'none'
  );
}
