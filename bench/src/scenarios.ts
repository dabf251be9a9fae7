import { GATEWAY_ISSUER } from '@carcar/common/contract/permissions';
import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { testSigner } from '@carcar/testing/credentials';
import type { Fixtures } from './data.js';
import type { RequestShape } from './load.js';
import type { Stack } from './stack.js';

/** One HTTP scenario: where it goes, what each request is, and the issue's target if it has one. */
export interface HttpScenario {
  name: string;
  url: string;
  next: () => RequestShape;
  target?: { minRequestsPerSecond: number; maxP99Ms?: number; zeroErrors?: boolean };
  /** The status every answer should have (304 for a conditional read); any 2xx unless given. */
  expectStatus?: number;
}

const randomBelow = (n: number) => Math.floor(Math.random() * n);

const { list: listCars, get: getCar, create: createCar } = inventoryRoutes.automobiles;
const { list: listAppointments, create: createAppointment } = serviceApiRoutes.appointments;
const { list: listSales, create: createSale } = salesRoutes.sales;

/** Serials of cars the write scenario creates: above the loader's, below the sync-lag probe's. */
const POSTED_SERIALS_START = 500_000;
export const SYNC_PROBE_SERIALS_START = 900_000;

export function listAutomobiles(stack: Stack, stored: number): HttpScenario {
  return {
    name: `${listCars.method} ${listCars.path}?limit=100 (${stored.toLocaleString('en')} cars)`,
    url: stack.inventory,
    next: () => ({ method: 'GET', path: `${pathTo(listCars)}?limit=100`, headers: stack.credentials.inventory() }),
    ...(stored >= 100_000 ? { target: { minRequestsPerSecond: 1_000 } } : {}),
  };
}

/** The issue's targets for the whole list (every car, no page), by stock size. */
const WHOLE_LIST_TARGETS: Record<number, number> = { 1000: 1_000, 10000: 100 };

/** Every car in one answer, as classic front ends and the pollers' first sync read the list. */
export function wholeList(stack: Stack, stored: number): HttpScenario {
  const minRequestsPerSecond = WHOLE_LIST_TARGETS[stored];
  return {
    name: `${listCars.method} ${listCars.path} (whole list, ${stored.toLocaleString('en')} cars)`,
    url: stack.inventory,
    next: () => ({ method: 'GET', path: pathTo(listCars), headers: stack.credentials.inventory() }),
    ...(minRequestsPerSecond ? { target: { minRequestsPerSecond } } : {}),
  };
}

/**
 * The whole list again from a client that holds it (the browser app revalidating): it sends the
 * list's ETag and every answer should be 304, without a body.
 */
export async function wholeListRevalidated(stack: Stack, stored: number): Promise<HttpScenario> {
  const res = await fetch(`${stack.inventory}${pathTo(listCars)}`, { headers: stack.credentials.inventory() });
  const etag = res.headers.get('etag');
  await res.arrayBuffer();
  if (!res.ok || !etag) throw new Error(`inventory answered ${res.status} without an ETag to the whole list`);
  return {
    name: `${listCars.method} ${listCars.path} with If-None-Match (304, ${stored.toLocaleString('en')} cars)`,
    url: stack.inventory,
    next: () => ({
      method: 'GET',
      path: pathTo(listCars),
      headers: { ...stack.credentials.inventory(), 'If-None-Match': etag },
    }),
    expectStatus: 304,
    target: { minRequestsPerSecond: 3_000 },
  };
}

/** Straight to inventory with one reused credential, as the gateway sends a signed-in person's reads. */
export function getAutomobile(stack: Stack, stored: number): HttpScenario {
  return {
    name: `${getCar.method} ${getCar.path} (direct, internal credential)`,
    url: stack.inventory,
    next: () => ({
      method: 'GET',
      path: pathTo(getCar, { vin: sampleVin(randomBelow(stored)) }),
      headers: stack.credentials.inventory(),
    }),
    target: { minRequestsPerSecond: 3_000, maxP99Ms: 20 },
  };
}

/**
 * The same reads through the gateway, as an integration (API token) or the browser app (session
 * cookie) makes them: the gateway identifies the caller, signs (or reuses) the internal credential
 * and forwards to inventory over a kept-alive connection.
 */
export function getAutomobileThroughGateway(stack: Stack, stored: number, as: 'token' | 'session'): HttpScenario {
  const headers = as === 'token' ? stack.gatewayToken : stack.gatewaySession;
  return {
    name: `${getCar.method} /inventory${getCar.path} (through the gateway, ${as === 'token' ? 'API token' : 'session cookie'})`,
    url: stack.gateway,
    next: () => ({
      method: 'GET',
      path: `/inventory${pathTo(getCar, { vin: sampleVin(randomBelow(stored)) })}`,
      headers: { ...headers, Accept: 'application/json' },
    }),
    target: { minRequestsPerSecond: 2_500 },
  };
}

/**
 * More distinct credentials than inventory's verifier remembers (10,000), used in turn, so every
 * request is a cache miss and pays a full Ed25519 verification.
 */
const FRESH_CREDENTIALS = 12_000;

/**
 * The same reads, each with a credential inventory has not seen: what every request would cost
 * if the gateway signed a new one each time instead of reusing it. The credentials are signed
 * just before the run (they live 60 s, the run takes about 20).
 */
export async function getAutomobileFreshCredentials(stack: Stack, stored: number): Promise<HttpScenario> {
  const gateway = await testSigner(GATEWAY_ISSUER);
  const credentials: Array<Record<string, string>> = [];
  for (let i = 0; i < FRESH_CREDENTIALS; i++) {
    const token = await gateway.sign({
      audience: 'inventory-api',
      subject: `user:bench-reader-${i}`,
      claims: { name: 'Bench Reader', role: 'sales' },
    });
    credentials.push({ Authorization: `Bearer ${token}` });
  }
  let next = 0;
  return {
    name: `${getCar.method} ${getCar.path} (direct, a new credential each request)`,
    url: stack.inventory,
    next: () => ({
      method: 'GET',
      path: pathTo(getCar, { vin: sampleVin(randomBelow(stored)) }),
      headers: credentials[next++ % credentials.length] ?? {},
    }),
  };
}

export function serviceHistory(stack: Stack, stored: number): HttpScenario {
  return {
    name: `${listAppointments.method} ${listAppointments.path}?vin=`,
    url: stack.service,
    next: () => ({
      method: 'GET',
      path: `${pathTo(listAppointments)}?vin=${sampleVin(randomBelow(stored))}`,
      headers: stack.credentials.service(),
    }),
  };
}

export function salesBySalesperson(stack: Stack, fixtures: Fixtures): HttpScenario {
  return {
    name: `${listSales.method} ${listSales.path}?salesperson=`,
    url: stack.sales,
    next: () => ({
      method: 'GET',
      path: `${pathTo(listSales)}?salesperson=${fixtures.salespersonIds[randomBelow(fixtures.salespersonIds.length)]}`,
      headers: stack.credentials.sales(),
    }),
  };
}

const writeTarget = { minRequestsPerSecond: 800, zeroErrors: true };

/** New cars with VINs no one has used. */
export function createAutomobiles(stack: Stack, fixtures: Fixtures): HttpScenario {
  let serial = POSTED_SERIALS_START;
  return {
    name: `${createCar.method} ${createCar.path}`,
    url: stack.inventory,
    next: () => {
      const vin = sampleVin(serial++);
      return {
        method: 'POST',
        path: pathTo(createCar),
        headers: stack.credentials.inventory(),
        body: { vin, color: 'blue', year: 2025, model_id: fixtures.modelId },
      };
    },
    target: writeTarget,
  };
}

/** Each booking takes the next free hour of the next technician, so none is double-booked. */
export function bookAppointments(stack: Stack, fixtures: Fixtures, stored: number): HttpScenario {
  let booking = 0;
  const technicians = fixtures.technicianIds.length;
  return {
    name: `${createAppointment.method} ${createAppointment.path}`,
    url: stack.service,
    next: () => {
      const n = booking++;
      return {
        method: 'POST',
        path: pathTo(createAppointment),
        headers: stack.credentials.service(),
        body: {
          date_time: new Date(Date.UTC(2030, 0, 1) + Math.floor(n / technicians) * 3_600_000).toISOString(),
          reason: 'Oil change',
          vin: sampleVin(randomBelow(stored)),
          customer: 'Bench Customer',
          technician: fixtures.technicianIds[n % technicians],
        },
      };
    },
    target: writeTarget,
  };
}

/** Each sale takes a car no one has sold yet, from `cars` (the sales API's unsold list). */
export function recordSales(stack: Stack, fixtures: Fixtures, cars: string[]): HttpScenario {
  let next = 0;
  return {
    name: `${createSale.method} ${createSale.path}`,
    url: stack.sales,
    next: () => ({
      method: 'POST',
      path: pathTo(createSale),
      headers: stack.credentials.sales(),
      body: {
        automobile: cars[next++ % cars.length],
        salesperson: fixtures.salespersonIds[next % fixtures.salespersonIds.length],
        customer: fixtures.customerId,
        price: 24_999.5,
      },
    }),
    target: writeTarget,
  };
}
