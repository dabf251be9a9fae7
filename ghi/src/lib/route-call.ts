import type { AnswerOf } from '@carcar/common/contract/answer-of';
import { type PathArgs, pathTo, type RouteRule } from '@carcar/common/contract/routes';
import type { ApiClient, RequestConfig } from './api-client';

// A call by the row of the route table (@carcar/common/contract/routes) rather than by a path and
// a type spelled at the call: the row gives the method, the path and, through `AnswerOf`, the type
// of the answer, so a page cannot read what the route does not declare. `AnswerOf` is a type only
// (contract/answer-of.ts): the answers' zod schemas stay out of the bundle.

/** What a call sends besides its path: its body (a write's), its query (`params`), and the client's options. */
export interface CallConfig extends Omit<RequestConfig, 'data'> {
  body?: unknown;
}

/** The row's path values when its path has any (`{ id }`), then what else the call sends. */
export type CallArgs<R extends RouteRule> = [...PathArgs<R['path']>, config?: CallConfig];

/** As `pathTo` reads a parameter. */
const PATH_PARAM = /:[A-Za-z_]/;

/**
 * Calls a route by its row and resolves to the body of its answer, typed as the row declares it:
 * `callRoute(inventoryApi, inventoryRoutes.automobiles.get, { vin })` is an `Automobile`,
 * `callRoute(serviceApi, serviceApiRoutes.parts.create, { body })` the new `Part`. Errors are the
 * client's (`ApiError`).
 */
export async function callRoute<R extends RouteRule>(
  client: ApiClient,
  row: R,
  ...args: CallArgs<R>
): Promise<AnswerOf<R>> {
  const hasParams = PATH_PARAM.test(row.path);
  const pathArgs = (hasParams ? args.slice(0, 1) : []) as PathArgs<R['path']>;
  const { body, ...config } = ((hasParams ? args[1] : args[0]) as CallConfig | undefined) ?? {};
  const url = pathTo<R['path']>(row, ...pathArgs);
  switch (row.method) {
    case 'GET':
      return (await client.get<AnswerOf<R>>(url, config)).data;
    case 'DELETE':
      return (await client.delete<AnswerOf<R>>(url, { ...config, data: body })).data;
    case 'POST':
      return (await client.post<AnswerOf<R>>(url, body, config)).data;
    case 'PUT':
      return (await client.put<AnswerOf<R>>(url, body, config)).data;
  }
}
