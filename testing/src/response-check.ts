import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { answerSchemas, errorAnswerSchema } from '@carcar/common/contract/answers';
import type { RouteRule } from '@carcar/common/contract/routes';
import type { SentAnswer } from '@carcar/common/http/app';
import { type CompiledRule, compileRoutes, ruleFor } from '@carcar/common/http/authorize';
import type { z } from 'zod';

// Every answer of a service's API tests checked against its route table (contract/routes.ts): a
// success against the schema its row declares for that status, an error against the one error
// schema. The app hands over each answer (`observeAnswer`, common/src/http/app.ts); the mismatches
// are collected and a test's `afterEach` fails on them (`assertMatched`), naming the route, the
// status and where the body breaks the schema. A 2xx from a route that declares nothing fails too,
// so a new route cannot go unchecked.

/** One answer that does not agree with the table. */
export interface AnswerMismatch {
  /** `GET /api/automobiles/:vin/` (the row's path), or the path asked when no row matches. */
  route: string;
  /** The path as asked. */
  path: string;
  status: number;
  problem: string;
}

function decode(answer: SentAnswer): string {
  const { body } = answer;
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body;
  switch (answer.contentEncoding?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(body).toString('utf8');
    case 'br':
      return brotliDecompressSync(body).toString('utf8');
    case 'deflate':
      return inflateSync(body).toString('utf8');
    default:
      return body.toString('utf8');
  }
}

const isJson = (contentType: string | undefined) => /^application\/([\w.+-]*\+)?json\b/i.test(contentType ?? '');

/**
 * Zod's issues as `path: message [code]` (the body itself is `(body)`); the code says what the
 * message, written for people at a form (contract/fields.ts), may not: `invalid_type, expected number`.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.slice(0, 10).map((issue) => {
    const where = issue.path.map(String).join('.') || '(body)';
    const expected = 'expected' in issue && typeof issue.expected === 'string' ? `, expected ${issue.expected}` : '';
    return `${where}: ${issue.message} [${issue.code}${expected}]`;
  });
  if (issues.length > 10) described.push(`… and ${issues.length - 10} more`);
  return described.join('; ');
}

/** What is wrong with one answer, or undefined when it agrees with the table. */
export function answerMismatch(rules: readonly CompiledRule[], answer: SentAnswer): AnswerMismatch | undefined {
  const { status } = answer;
  const rule = ruleFor(rules, answer.method, answer.path);
  const route = rule ? `${rule.method} ${rule.path}` : `${answer.method} ${answer.path}`;
  const mismatch = (problem: string) => ({ route, path: answer.path, status, problem });
  if (status >= 400) {
    if (!isJson(answer.contentType)) return mismatch(`an error answered as ${answer.contentType ?? 'no content type'}`);
    // A 409 may say what is in the way, when its row declares that shape (`conflict`).
    const schema = status === 409 && rule?.conflict ? answerSchemas[rule.conflict] : errorAnswerSchema;
    return check(schema, answer, (problem) => mismatch(`breaks the error schema: ${problem}`));
  }
  if (status < 200 || status >= 300) return undefined;
  if (!rule) return mismatch('no row of the route table matches this route');
  const { response } = rule;
  if (response === undefined) return mismatch('the route declares no answer (response) in contract/routes.ts');
  if (response === 'unchecked') return undefined;
  const name = response[status as keyof typeof response];
  if (!name) {
    const declared = Object.keys(response).join(', ') || 'none';
    return mismatch(`the route declares no answer for status ${status} (declared: ${declared})`);
  }
  // A list's CSV form (`Accept: text/csv`) is the same rows in another shape: not checked.
  if (!isJson(answer.contentType)) return undefined;
  return check(answerSchemas[name], answer, (problem) =>
    mismatch(`breaks its declared schema: ${problem} (answer '${name}', contract/answers.ts)`),
  );
}

function check(
  schema: z.ZodType,
  answer: SentAnswer,
  mismatch: (problem: string) => AnswerMismatch,
): AnswerMismatch | undefined {
  let body: unknown;
  try {
    body = JSON.parse(decode(answer));
  } catch (error) {
    return mismatch(`the body is not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  return mismatch(describeIssues(result.error.issues));
}

/** A mismatch as one line: `GET /api/automobiles/:vin/ (/api/automobiles/1HG…/) answered 200: …`. */
export function formatMismatch(mismatch: AnswerMismatch): string {
  const asked = mismatch.path === mismatch.route.split(' ')[1] ? '' : ` (${mismatch.path})`;
  return `${mismatch.route}${asked} answered ${mismatch.status}: ${mismatch.problem}`;
}

export interface ResponseCheck {
  /** For `HttpPolicy.observeAnswer`: checks each answer the app gives and keeps the mismatches. */
  observe: (answer: SentAnswer) => void;
  /** The mismatches kept since the last `assertMatched` (or `take`), and forgets them. */
  take: () => AnswerMismatch[];
  /** Throws naming every mismatch kept since the last call, and forgets them; for `afterEach`. */
  assertMatched: () => void;
}

/** A checker of the answers of an app serving `rules` (a service's rows of `serviceRoutes`). */
export function responseCheck(
  rules: readonly RouteRule[],
  /** Where the rows are written, for the failure's message. */
  table = 'common/src/contract/routes.ts',
): ResponseCheck {
  const compiled = compileRoutes(rules);
  let kept: AnswerMismatch[] = [];
  const take = () => {
    const taken = kept;
    kept = [];
    return taken;
  };
  return {
    observe: (answer) => {
      const mismatch = answerMismatch(compiled, answer);
      if (mismatch) kept.push(mismatch);
    },
    take,
    assertMatched: () => {
      const taken = take();
      if (taken.length === 0) return;
      const lines = [...new Set(taken.map(formatMismatch))];
      throw new Error(`${taken.length} answer(s) disagree with the route table (${table}):\n${lines.join('\n')}`);
    },
  };
}
