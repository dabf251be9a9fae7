import autocannon from 'autocannon';

/** The median with the spread of the runs behind it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median: round(median), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0) };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** What one request of a scenario looks like; called for every request, so bodies can be unique. */
export interface RequestShape {
  method: 'GET' | 'POST';
  path: string;
  /** The caller's credential (`Authorization`): every service refuses a request without one. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  next: () => RequestShape;
  /** The status every answer should have; any 2xx unless given (304 for conditional reads). */
  expectStatus?: number;
}

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and unexpected answers (non-2xx, or not `expectStatus`) together. */
  errors: number;
}

function unexpectedAnswers(result: autocannon.Result, expectStatus: number | undefined): number {
  if (expectStatus === undefined) return result.non2xx;
  const expected = result.statusCodeStats?.[`${expectStatus}`]?.count ?? 0;
  return result.requests.total - expected;
}

/** One closed-loop autocannon run of `requests` (JSON bodies) against `url` for `seconds`. */
export function jsonRun(
  url: string,
  options: { connections: number; seconds: number },
  requests: autocannon.Request[],
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json' },
    requests,
  });
}

async function runOnce(options: LoadOptions): Promise<LoadRun> {
  const result = await jsonRun(options.url, options, [
    {
      setupRequest: (request) => {
        const shape = options.next();
        return {
          ...request,
          method: shape.method,
          path: shape.path,
          headers: { ...request.headers, ...shape.headers },
          ...(shape.body === undefined ? {} : { body: JSON.stringify(shape.body) }),
        };
      },
    },
  ]);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + unexpectedAnswers(result, options.expectStatus),
  };
}

export interface LoadResult {
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  requests: number;
  errors: number;
}

/** A short warm-up (JIT, connection pools, caches), then `runs` measured runs. */
export async function measure(options: LoadOptions & { runs: number }): Promise<LoadResult> {
  const warmUp = await runOnce({ ...options, seconds: 1 });
  const runs: LoadRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await runOnce(options));
  return {
    requestsPerSecond: spread(runs.map((run) => run.requestsPerSecond)),
    p50Ms: spread(runs.map((run) => run.p50Ms)),
    p99Ms: spread(runs.map((run) => run.p99Ms)),
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    // A failed write during the warm-up is still a failed write.
    errors: runs.reduce((sum, run) => sum + run.errors, warmUp.errors),
  };
}

/** How a named scenario is driven: runs of so many seconds at so many connections, and where it reports. */
export interface Method {
  runs: number;
  seconds: number;
  connections: number;
  log: (text: string) => void;
}
