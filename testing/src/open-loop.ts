import http from 'node:http';

// An open-loop load generator: requests leave on a fixed schedule (`rate` a second) whether or not
// earlier ones have answered, and each one's latency runs from the moment it was due, not from the
// moment it left. A closed loop (N connections, each waiting for its answer) sends less when the
// server slows down and so never sees the queue a real arrival rate builds ("coordinated
// omission"); here a stall shows up in every request that was due during it. Used by the soak
// (`npm run soak`) and by the bench's fixed-rate scenarios (`npm run bench`).

/** What a request answered; `body` only for a refusal (status 400 and up), to say why. */
export interface Answer {
  status: number;
  url: string;
  body?: string;
}

export interface HttpSender {
  /** One request over a kept-alive connection; rejects on a connection error or a timeout. */
  send(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Answer>;
  /** Closes the kept-alive connections. */
  close(): void;
}

/**
 * node:http with keep-alive, not fetch: on two shared cores the generator's own CPU comes out of
 * the stack's, and fetch costs several times more per request. The sockets are capped so a stalled
 * server is not answered with hundreds of new connections; a request waiting for a socket is
 * still late from the moment it was due, so the wait counts in its latency.
 */
export function httpSender(options: { maxSockets?: number; timeoutMs?: number } = {}): HttpSender {
  // An idle socket is dropped before the services' 5 s keep-alive timeout ends, so a request never
  // goes out on a connection the server is closing at that moment (ECONNRESET).
  const agent = new http.Agent({ keepAlive: true, timeout: 4_000, maxSockets: options.maxSockets ?? 256 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    send: (method, url, headers, body) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
          url,
          {
            method,
            agent,
            headers: {
              ...headers,
              ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            },
          },
          (res) => {
            const status = res.statusCode ?? 0;
            let text = '';
            if (status >= 400) res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            else res.resume();
            res.on('end', () => resolve(status >= 400 ? { status, url, body: text.slice(0, 300) } : { status, url }));
            res.on('error', reject);
          },
        );
        // Counted from when the request has a socket: silence on the connection, not time queued for one.
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}

/** One request of the load: a label to group latencies by, and how to send it. */
export interface Arrival {
  kind: string;
  send: () => Promise<Answer>;
}

export interface OpenLoopOptions {
  /** Requests a second. */
  rate: number;
  /** Length of the measured run. */
  seconds: number;
  /** A run at the same rate before it, reported apart: JIT, connection pools, caches. */
  warmUpSeconds?: number;
  /** The next request; called once per request, in schedule order. */
  next: () => Arrival;
  /** Called at each whole second of the measured run (0, 1, … seconds − 1), to sample memory for instance. */
  everySecond?: (second: number, progress: { sent: number; inFlight: number }) => void;
}

/** The requests that were due in one phase (the warm-up or the measured run). */
export interface Phase {
  /** Requests sent: the rate times the phase's length. */
  sent: number;
  /** Milliseconds from when each request was due until its answer, in the order the answers came. */
  latencies: number[];
  byKind: Map<string, number[]>;
  /** A status of 400 or more, a connection error or a timeout: one line each. */
  errors: string[];
  /** Answers below 400 a second, from the phase's start until its last answer. */
  achievedRate: number;
}

export interface OpenLoopResult {
  warmUp: Phase;
  measured: Phase;
  /** How late the generator itself sent requests (ms after they were due): if high, it is the bottleneck. */
  sendLagMs: { p99: number; max: number };
  /** The generating process's CPU over the whole run (its other work included), in cores (1 = one core busy). */
  cpuCores: number;
}

interface PhaseState extends Phase {
  startsAt: number;
  lastAnswerAt: number;
  answeredOk: number;
}

function newPhase(startsAt: number): PhaseState {
  return {
    sent: 0,
    latencies: [],
    byKind: new Map(),
    errors: [],
    achievedRate: 0,
    startsAt,
    lastAnswerAt: startsAt,
    answeredOk: 0,
  };
}

function finish(state: PhaseState): Phase {
  const ms = state.lastAnswerAt - state.startsAt;
  return {
    sent: state.sent,
    latencies: state.latencies,
    byKind: state.byKind,
    errors: state.errors,
    achievedRate: ms > 0 ? (state.answeredOk * 1000) / ms : 0,
  };
}

/**
 * Sends `rate` requests a second for the warm-up and then `seconds`, on schedule: request i is due
 * at start + i / rate and leaves at the first timer tick at or after that (about every
 * millisecond), however many are still waiting for their answers. Resolves once every request
 * has answered or failed.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const interval = 1000 / options.rate;
  const warmUpCount = Math.round((options.warmUpSeconds ?? 0) * options.rate);
  const total = warmUpCount + Math.round(options.seconds * options.rate);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const warmUp = newPhase(started);
  const measured = newPhase(started + warmUpCount * interval);
  const sendLags: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let nextSecond = 0;

  const dispatch = (index: number, now: number) => {
    const due = started + index * interval;
    const phase = index < warmUpCount ? warmUp : measured;
    phase.sent++;
    sendLags.push(now - due);
    const { kind, send } = options.next();
    const request = send()
      .then((answer) => {
        const at = performance.now();
        phase.latencies.push(at - due);
        const ofKind = phase.byKind.get(kind) ?? [];
        ofKind.push(at - due);
        phase.byKind.set(kind, ofKind);
        phase.lastAnswerAt = Math.max(phase.lastAnswerAt, at);
        if (answer.status >= 400)
          phase.errors.push(`${answer.status} ${answer.url}${answer.body ? ` ${answer.body}` : ''}`);
        else phase.answeredOk++;
      })
      .catch((error: unknown) => {
        phase.errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      });
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };

  while (sent < total) {
    const now = performance.now();
    while (sent < total && started + sent * interval <= now) dispatch(sent++, now);
    const intoMeasured = now - measured.startsAt;
    while (options.everySecond && nextSecond < options.seconds && intoMeasured >= nextSecond * 1000) {
      options.everySecond(nextSecond++, { sent, inFlight: inFlight.size });
    }
    if (sent < total) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = performance.now() - started;
  const lags = summarize(sendLags);
  return {
    warmUp: finish(warmUp),
    measured: finish(measured),
    sendLagMs: { p99: lags.p99, max: lags.max },
    cpuCores: (cpu.user + cpu.system) / 1000 / elapsedMs,
  };
}

/** Nearest-rank percentiles (the value below which p % of the values lie) and the maximum. */
export function summarize(values: number[]): { p50: number; p90: number; p99: number; max: number } {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p90: at(90), p99: at(99), max: sorted.at(-1) ?? 0 };
}
