import type { Automobile } from '@carcar/common/contract/inventory';
import { inventoryRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse, RequestConfig } from '../src/lib/api-client';
import { callRoute } from '../src/lib/route-call';

// callRoute calls the client method its row names, at the row's path, and answers the body.

interface Call {
  method: string;
  url: string;
  body?: unknown;
  config?: RequestConfig;
}

/** A client that records each call and answers `data`. */
function recordingClient(data: unknown) {
  const calls: Call[] = [];
  const answer = <T>(call: Call): Promise<ApiResponse<T>> => {
    calls.push(call);
    return Promise.resolve({
      data: data as T,
      status: 200,
      statusText: 'OK',
      headers: {} as ApiResponse<T>['headers'],
    });
  };
  const client: ApiClient = {
    defaults: { baseURL: '/svc' },
    get: (url, config) => answer({ method: 'GET', url, config }),
    delete: (url, config) => answer({ method: 'DELETE', url, config }),
    post: (url, body, config) => answer({ method: 'POST', url, body, config }),
    put: (url, body, config) => answer({ method: 'PUT', url, body, config }),
    patch: (url, body, config) => answer({ method: 'PATCH', url, body, config }),
  };
  return { client, calls };
}

describe('callRoute', () => {
  it("reads a row's path with its values filled in, and answers the body typed as the row declares", async () => {
    const { client, calls } = recordingClient({ vin: '1C3CC5FB2AN120174' });
    const car: Automobile = await callRoute(client, inventoryRoutes.automobiles.get, { vin: '1C3CC5FB2AN120174' });
    expect(car).toEqual({ vin: '1C3CC5FB2AN120174' });
    expect(calls).toEqual([{ method: 'GET', url: '/api/automobiles/1C3CC5FB2AN120174/', config: {} }]);
  });

  it('sends the query of a row without path values', async () => {
    const { client, calls } = recordingClient({ autos: [] });
    await callRoute(client, inventoryRoutes.automobiles.list, { params: { q: 'red' }, timeout: 5 });
    expect(calls).toEqual([{ method: 'GET', url: '/api/automobiles/', config: { params: { q: 'red' }, timeout: 5 } }]);
  });

  it("sends a write's body with the row's own method", async () => {
    const { client, calls } = recordingClient({});
    await callRoute(client, serviceApiRoutes.parts.update, { number: 'A 1' }, { body: { price: 2 } });
    await callRoute(client, serviceApiRoutes.parts.create, { body: { number: 'B' } });
    await callRoute(client, serviceApiRoutes.inspection.removeItem, { id: 1, item: 2 });
    expect(calls).toEqual([
      { method: 'PUT', url: '/api/parts/A%201/', body: { price: 2 }, config: {} },
      { method: 'POST', url: '/api/parts/', body: { number: 'B' }, config: {} },
      { method: 'DELETE', url: '/api/repair-orders/1/inspection/2/', config: { data: undefined } },
    ]);
  });

  it('is checked by the compiler against the row', async () => {
    const { client } = recordingClient({});
    // @ts-expect-error the row's answer is one car, not the list
    const cars: { autos: Automobile[] } = await callRoute(client, inventoryRoutes.automobiles.get, { vin: 'V' });
    expect(cars).toEqual({});
    // @ts-expect-error the VIN is missing: a query is no path value
    await expect(callRoute(client, inventoryRoutes.automobiles.get, { params: { q: 'V' } })).rejects.toThrow(':vin');
  });
});
