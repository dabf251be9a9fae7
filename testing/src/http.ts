/**
 * A JSON request to a running service or the gateway; throws on a non-2xx answer. `headers` carry
 * the credential: `await asRole('admin', 'inventory-api')` for a service, a bearer token for the gateway.
 */
export async function callJson<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
