import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestShape } from './load.js';
import type { Stack } from './stack.js';
import { root } from './stack.js';

/** One read of the ten-year store: its request, and the p99 it must stay under. */
export interface TenYearRead {
  name: string;
  group: 'vehicle page' | 'people' | 'search' | 'list page' | 'report';
  url: string;
  next: () => RequestShape;
  maxP99Ms: number;
}

// The plans of the statements the services really run for each read (their own SQL, prepared and
// executed as they do it), with ANALYZE and BUFFERS: auto_explain, switched on for the bench's
// database only (ALTER DATABASE, so nothing else on the server is touched), writes them to the
// server's log, which `BENCH_PG_LOG` names. The services' idle connections are closed so their
// next ones load it; the pools open new ones and prepare their statements again, and each read is
// sent eight times so the plan logged last is the one Postgres keeps (a generic plan, if it
// chose one after the first five custom ones).
// Closing those connections found a fault in the services (2026-12-06 and 12-07): a client the
// pool had just lent out, for a transaction's `begin`, lost its connection and emitted 'error' with
// no listener, and inventory and sales exited. Every pooled client now has a listener of its own
// (common/src/db/database.ts); should a service stop answering here, its exit and last log lines
// are printed beside the read.

export interface ExplainedRead {
  name: string;
  /** Each distinct statement's plan, as logged the last time it ran; the first too when its shape differs. */
  plans: string[];
}

const REPEATS = 8;

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** auto_explain's entries of `database` in a stretch of the log: the prefixed line and its tab-indented plan. */
function plansIn(text: string, database: string): string[] {
  const plans: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      current?.push(line.slice(1));
      continue;
    }
    if (current) plans.push(current.join('\n'));
    current = null;
    const match = line.match(/@(\S+) LOG: {2}duration: ([\d.]+) ms {2}plan:/);
    if (match && match[1] === database) current = [`duration: ${match[2]} ms`];
  }
  if (current) plans.push(current.join('\n'));
  return plans;
}

/** The plan without its numbers: two runs of one statement with the same shape compare equal. */
const shapeOf = (plan: string) =>
  plan
    .split('\n')
    .filter((line) => !line.startsWith('Query Text') && !line.startsWith('duration'))
    .map((line) => line.replace(/\(.*?\)/g, '').replace(/[\d.]+/g, '#'))
    .join('\n');
const queryOf = (plan: string) => plan.split('\n').find((line) => line.startsWith('Query Text')) ?? plan;

/** What became of the service at `url` when a read of it failed: its exit code and last log lines. */
function serviceState(stack: Stack, url: string): string {
  const service = Object.values(stack.processes).find((one) => one.url === url);
  if (!service) return '';
  const lines = service.output().trimEnd().split('\n').slice(-40).join('\n');
  return `\n  the service's process ${service.exitCode() === null ? 'still runs' : `exited with ${service.exitCode()}`}; its last lines:\n${lines.slice(0, 12000)}`;
}

export async function captureExplains(
  stack: Stack,
  reads: TenYearRead[],
  logFile: string,
  log: (text: string) => void,
): Promise<ExplainedRead[]> {
  const pool = stack.database.pool;
  if (!pool) return [];
  const [{ database } = { database: '' }] = (
    await pool.query<{ database: string }>('select current_database() as database')
  ).rows;
  const quoted = `"${database.replaceAll('"', '""')}"`;
  log(`plans: auto_explain on ${database}, read from ${logFile}`);
  for (const setting of [
    `session_preload_libraries = 'auto_explain'`,
    'auto_explain.log_min_duration = 0',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
    'auto_explain.log_timing = on',
    'auto_explain.log_nested_statements = on',
  ]) {
    await pool.query(`alter database ${quoted} set ${setting}`);
  }
  // The bench's own two connections stay (closing them under its pool would fail it); so do those
  // holding an advisory lock (a poller's or dispatcher's lease) and any busy one.
  const held = await Promise.all([pool.connect(), pool.connect()]);
  const own: number[] = [];
  for (const client of held) {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    own.push(rows[0]?.pid ?? 0);
    client.release();
  }
  await pool.query(
    `select pg_terminate_backend(a.pid) from pg_stat_activity a
     where a.datname = current_database() and a.pid <> all($1::int[]) and a.state = 'idle'
       and not exists (select from pg_locks l where l.pid = a.pid and l.locktype = 'advisory')`,
    [own],
  );
  const explained: ExplainedRead[] = [];
  try {
    for (const read of reads) {
      const offset = statSync(logFile).size;
      for (let i = 0; i < REPEATS; i++) {
        const shape = read.next();
        // A service that stopped answering leaves its reads without plans, not the others.
        const answered = await fetch(`${read.url}${shape.path}`, { headers: shape.headers })
          .then((res) => res.arrayBuffer())
          .catch((error: unknown) => error);
        if (answered instanceof Error) {
          log(`${read.name}: ${answered.message}${serviceState(stack, read.url)}`);
          break;
        }
      }
      // The server writes the entry as the statement ends, before the answer leaves the service.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const byQuery = new Map<string, string[]>();
      for (const plan of plansIn(readFrom(logFile, offset), database)) {
        const key = queryOf(plan);
        byQuery.set(key, [...(byQuery.get(key) ?? []), plan]);
      }
      const plans: string[] = [];
      for (const runs of byQuery.values()) {
        const first = runs[0] as string;
        const last = runs.at(-1) as string;
        if (runs.length > 1 && shapeOf(first) !== shapeOf(last))
          plans.push(`(first run)\n${first}`, `(run ${runs.length})\n${last}`);
        else plans.push(runs.length > 1 ? `(run ${runs.length})\n${last}` : last);
      }
      explained.push({ name: read.name, plans });
    }
  } finally {
    await pool.query(`alter database ${quoted} reset all`);
  }
  return explained;
}

/** The plans as Markdown, in bench/results/ten-year-explain.md.tmp (ignored by git: docs/performance.md quotes them). */
export function writeExplains(explained: ExplainedRead[]): string {
  const file = path.join(root, 'bench', 'results', 'ten-year-explain.md.tmp');
  const text = explained
    .map((read) => `### ${read.name}\n\n${read.plans.map((plan) => `\`\`\`\n${plan}\n\`\`\``).join('\n\n')}\n`)
    .join('\n');
  writeFileSync(file, text);
  return file;
}
