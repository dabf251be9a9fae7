// The type of what a route answers, read from its row: a row names its answer
// (`response: { 200: 'automobile' }`, ./routes.ts) and the name's schema is in ./answers.ts, so
// `AnswerOf<typeof inventoryRoutes.automobiles.get>` is `Automobile` and a call typed by it cannot
// disagree with the row. Types only: this file imports nothing at run time, so the browser app takes
// the answers' types without the schemas themselves in its bundle (they would put 34 kB gzip on its
// first page).

import type { z } from 'zod';
import type { AnswerName, answerSchemas } from './answers.js';
import type { RouteRule } from './routes.js';

/** The type of the answer named `N`: `Answer<'automobile'>` is `Automobile`. */
export type Answer<N extends AnswerName> = z.infer<(typeof answerSchemas)[N]>;

/**
 * What a row answers on success: the answer its success status names (one status, or the same
 * answer under 200 and 201), the union when its statuses name different ones.
 *
 * `unknown`, not `never`, for a row whose answer is no JSON record (`'unchecked'`: a photo's bytes)
 * or that declares none: `never` would be assignable to every type, so a caller could read a photo
 * as an `Automobile` and compile; `unknown` makes it say what it reads (a Blob) itself.
 */
export type AnswerOf<R extends RouteRule> = R extends { readonly response: infer Responses }
  ? Responses extends 'unchecked'
    ? unknown
    : Answer<Extract<Responses[keyof Responses], AnswerName>>
  : unknown;
