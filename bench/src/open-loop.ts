import { type HttpSender, httpSender, type OpenLoopResult, runOpenLoop, summarize } from '@carcar/testing/open-loop';
import { round, type Spread, spread } from './load.js';
import type { HttpScenario } from './scenarios.js';

// Latency as a user feels it: the same requests as a closed-loop scenario, sent at a fixed rate
// (see testing/src/open-loop.ts), each request's latency counted from when it was due, so time
// spent queued behind a slow answer counts.

export interface OpenLoopOptions {
  /** Requests a second. */
  rate: number;
  seconds: number;
  runs: number;
  /** The p99 the scenario should stay under at that rate; none for a row read beside the others. */
  maxP99Ms?: number;
  /** The same requests' closed-loop throughput, to print beside. */
  closedLoop?: Spread | undefined;
}

export interface OpenLoopBenchResult {
  name: string;
  rate: number;
  /** Answers below 400 a second, each run from its start until its last answer. */
  achievedRate: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  maxMs: Spread;
  requests: number;
  /** Refusals, connection errors and timeouts, the warm-up's included. */
  errors: number;
  /** The bench process's CPU during each run (the load generator, and the pollers' counting proxy), % of one core. */
  generatorCpuPercent: Spread;
  /** How late the generator sent a request at worst, each run: high means it could not keep up. */
  generatorLagMaxMs: Spread;
  /** The same requests' closed-loop throughput (BENCH_CONNECTIONS), when the bench measured it. */
  closedLoopRequestsPerSecond: Spread | null;
  target: string;
  met: boolean | null;
}

function runOnce(sender: HttpSender, scenario: HttpScenario, rate: number, seconds: number): Promise<OpenLoopResult> {
  return runOpenLoop({
    rate,
    seconds,
    next: () => {
      const shape = scenario.next();
      return {
        kind: scenario.name,
        send: () => sender.send(shape.method, `${scenario.url}${shape.path}`, shape.headers, shape.body),
      };
    },
  });
}

/** A 1 s warm-up at the rate, then `runs` measured runs; the median of the runs with their range. */
export async function measureOpenLoop(scenario: HttpScenario, options: OpenLoopOptions): Promise<OpenLoopBenchResult> {
  const sender = httpSender();
  try {
    const warmUp = await runOnce(sender, scenario, options.rate, 1);
    const runs: OpenLoopResult[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await runOnce(sender, scenario, options.rate, options.seconds));
    const latency = runs.map((run) => summarize(run.measured.latencies));
    const errors = runs.reduce((sum, run) => sum + run.measured.errors.length, warmUp.measured.errors.length);
    const p99Ms = spread(latency.map((l) => l.p99));
    return {
      name: `${scenario.name}, open loop at ${options.rate.toLocaleString('en')} req/s`,
      rate: options.rate,
      achievedRate: spread(runs.map((run) => run.measured.achievedRate)),
      p50Ms: spread(latency.map((l) => l.p50)),
      p99Ms,
      maxMs: spread(latency.map((l) => l.max)),
      requests: runs.reduce((sum, run) => sum + run.measured.sent, 0),
      errors,
      generatorCpuPercent: spread(runs.map((run) => run.cpuCores * 100)),
      generatorLagMaxMs: spread(runs.map((run) => round(run.sendLagMs.max))),
      closedLoopRequestsPerSecond: options.closedLoop ?? null,
      target: options.maxP99Ms === undefined ? '' : `p99 < ${options.maxP99Ms} ms, 0 errors`,
      met: options.maxP99Ms === undefined ? null : p99Ms.median < options.maxP99Ms && errors === 0,
    };
  } finally {
    sender.close();
  }
}
