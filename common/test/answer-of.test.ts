import { describe, expect, it } from 'vitest';
import type { AnswerOf } from '../src/contract/answer-of.js';
import type { gatewayRoutes } from '../src/contract/gateway-routes.js';
import type { User } from '../src/contract/identity.js';
import type { Automobile } from '../src/contract/inventory.js';
import type { Part } from '../src/contract/parts.js';
import { inventoryRoutes, type RouteRule, serviceApiRoutes } from '../src/contract/routes.js';
import type { Sale } from '../src/contract/sales.js';
import type { SameType } from '../src/contract/same-type.js';

// Compile-time tests: `npm run typecheck -w @carcar/common` fails when one is wrong; the `it`s
// only give vitest something to run.

describe('AnswerOf', () => {
  it("is the answer a row's success status names", () => {
    true satisfies SameType<AnswerOf<typeof inventoryRoutes.automobiles.get>, Automobile>;
    true satisfies SameType<AnswerOf<typeof inventoryRoutes.automobiles.list>, { autos: Automobile[] }>;
    // A classic resource's rows keep their own answers' names (routes.ts, `resource`).
    true satisfies SameType<AnswerOf<typeof serviceApiRoutes.parts.create>, Part>;
    true satisfies SameType<AnswerOf<typeof gatewayRoutes.users.update>, User>;
    // 200 (already delivered) and 201 (put into stock) both name the car.
    true satisfies SameType<AnswerOf<typeof inventoryRoutes.automobiles.tradeIn>, Automobile>;
    expect(inventoryRoutes.automobiles.get.response).toEqual({ 200: 'automobile' });
  });

  it('is no JSON record for a photo, nor for a row that declares nothing', () => {
    true satisfies SameType<AnswerOf<typeof serviceApiRoutes.inspection.photo>, unknown>;
    true satisfies SameType<AnswerOf<RouteRule>, unknown>;
    expect(serviceApiRoutes.inspection.photo.response).toBe('unchecked');
  });

  it('is checked by the compiler: a row answers what it declares, not what a caller would like', () => {
    // @ts-expect-error one car is not the list envelope
    true satisfies SameType<AnswerOf<typeof inventoryRoutes.automobiles.get>, { autos: Automobile[] }>;
    // @ts-expect-error the sales' rows are not the cars'
    true satisfies SameType<AnswerOf<typeof inventoryRoutes.automobiles.get>, Sale>;
    // @ts-expect-error a photo's bytes cannot be read as a car without saying so
    const car: Automobile = {} as AnswerOf<typeof serviceApiRoutes.inspection.photo>;
    expect(car).toEqual({});
    // @ts-expect-error a path alone is no row: it names no method, permission nor answer
    true satisfies SameType<AnswerOf<{ path: '/api/automobiles/' }>, unknown>;
  });
});
