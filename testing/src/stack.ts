import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role, ServiceName } from '@carcar/common/contract/permissions';
import { inventoryRoutes, pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from './credentials.js';
import { createDatabaseOn } from './database.js';
import { callJson } from './http.js';
import { type SpawnedService, spawnService, until } from './processes.js';

export type StackService = 'inventory' | 'service' | 'sales';
/** The services that read inventory's feed and need its address. */
export type DependentService = Exclude<StackService, 'inventory'>;

/** This checkout: where the services run unless a stack names another (the bench's comparison). */
export const checkoutRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Each service's workspace folder in `checkout`, where `spawnService` runs it. */
export function serviceDirsIn(checkout: string): Record<StackService, string> {
  return {
    inventory: path.join(checkout, 'inventory-api'),
    service: path.join(checkout, 'service-api'),
    sales: path.join(checkout, 'sales-api'),
  };
}

/** Each service's workspace folder in this checkout. */
export const serviceDirs = serviceDirsIn(checkoutRoot);

/** The audience of each service's credentials. */
export const serviceAudiences: Record<StackService, ServiceName> = {
  inventory: 'inventory-api',
  service: 'service-api',
  sales: 'sales-api',
};

/** The inventory-api workspace, for tests of the services that read its feed. */
export const inventoryDir = serviceDirs.inventory;

/** Where a stack keeps its data, and the env that points a service there. */
export interface StackData {
  /** DATABASE_URL (empty on PGlite, so an inherited one cannot leak in) and, on PGlite, DATA_DIR. */
  env: Record<string, string>;
  /** The fresh database on a Postgres server; undefined on PGlite. */
  databaseUrl?: string;
  /** The fresh PGlite folder; undefined on Postgres. */
  dataDir?: string;
  /** Drops the database or removes the folder. */
  remove(): Promise<void>;
}

export interface StackDataOptions {
  /**
   * The Postgres server to create a fresh database on. Left out, TEST_DATABASE_URL decides, as for
   * every test file; given as undefined or '', the stack runs on PGlite in a fresh folder.
   */
  serverUrl?: string | undefined;
  /** Names the database (`<prefix>_<random>`) or the folder, so a leftover says who made it. */
  prefix?: string;
}

/** A fresh database on the server, or a fresh PGlite folder: nothing a previous run left behind. */
export async function createStackData(options: StackDataOptions = {}): Promise<StackData> {
  const prefix = options.prefix ?? 'carcar_test';
  const serverUrl = 'serverUrl' in options ? options.serverUrl : process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = await createDatabaseOn(serverUrl, prefix);
    return { env: { DATABASE_URL: database.url }, databaseUrl: database.url, remove: database.drop };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    dataDir,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface StackOptions<D extends DependentService> extends StackDataOptions {
  /** The services started besides inventory, which always starts first; both by default. */
  services?: D[];
  /** Extra env for every service (a log level, the write rate limit off). */
  env?: Record<string, string>;
  /** What node runs in each workspace: the TypeScript source by default, `['dist/main.js']` for the build. */
  entry?: string[];
  /**
   * The checkout whose services run (its own build and node_modules): this one by default, another
   * commit's worktree for the bench's before-and-after comparison.
   */
  checkout?: string;
  /**
   * The inventory address the dependent services are given, from inventory's own: a proxy in
   * front of it, for instance. Inventory's own address by default.
   */
  inventoryAddress?: (inventoryUrl: string) => Promise<string>;
  /** Data to start on (a restored backup, say) instead of a fresh database or folder. */
  data?: StackData;
}

export interface Stack<D extends DependentService = DependentService> {
  /** Each started service's base URL, as `processes` has it now. */
  urls: Record<'inventory' | D, string>;
  processes: Record<'inventory' | D, SpawnedService>;
  data: StackData;
  /**
   * Starts `name` again on the same data, after a test stopped or killed it (it is stopped first
   * if it still runs); `env` adds to the stack's, a fixed PORT to come back on the same address.
   */
  start(name: 'inventory' | D, env?: Record<string, string>): Promise<SpawnedService>;
  /** A JSON call to one of the services as an administrator (or `role`); throws on a non-2xx answer. */
  call<T>(name: 'inventory' | D, method: string, path: string, body?: unknown, role?: Role): Promise<T>;
  /** Stops every service (the dependent ones first) and removes the data, unless told to keep it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Inventory, then service and sales in parallel, as real processes on ephemeral ports and fresh
 * data: what the tests that need processes (restarts, signals, outages), the soak and the bench
 * all run.
 */
export async function startStack<D extends DependentService = DependentService>(
  options: StackOptions<D> = {},
): Promise<Stack<D>> {
  const data = options.data ?? (await createStackData(options));
  const env = { ...data.env, ...options.env };
  const dependents = options.services ?? (['service', 'sales'] as D[]);
  const processes = {} as Record<'inventory' | D, SpawnedService>;
  const urls = {} as Record<'inventory' | D, string>;
  let inventoryAddress = '';
  const dirs = options.checkout ? serviceDirsIn(options.checkout) : serviceDirs;

  const start = async (name: 'inventory' | D, extra: Record<string, string> = {}): Promise<SpawnedService> => {
    await processes[name]?.stop();
    const own = name === 'inventory' ? {} : { INVENTORY_API_URL: inventoryAddress };
    const spawned = await spawnService(dirs[name], { ...env, ...own, ...extra }, options.entry);
    processes[name] = spawned;
    urls[name] = spawned.url;
    return spawned;
  };
  const stop = async ({ keepData = false } = {}) => {
    await Promise.all(dependents.map((name) => processes[name]?.stop()));
    await processes.inventory?.stop();
    if (!keepData) await data.remove();
  };

  try {
    const inventory = await start('inventory');
    inventoryAddress = options.inventoryAddress ? await options.inventoryAddress(inventory.url) : inventory.url;
    await Promise.all(dependents.map((name) => start(name)));
  } catch (error) {
    await stop();
    throw error;
  }
  const call = async <T>(name: 'inventory' | D, method: string, path: string, body?: unknown, role: Role = 'admin') =>
    callJson<T>(method, `${urls[name]}${path}`, body, await asRole(role, serviceAudiences[name]));
  return { urls, processes, data, start, call, stop };
}

/** Adds a manufacturer and a model to a running inventory and returns the model id. */
export async function addInventoryModel(inventoryUrl: string, maker = 'Ford', model = 'F-150'): Promise<number> {
  const admin = await asRole('admin', 'inventory-api');
  const manufacturer = await callJson<{ id: number }>(
    'POST',
    `${inventoryUrl}${pathTo(inventoryRoutes.manufacturers.create)}`,
    { name: maker },
    admin,
  );
  const created = await callJson<{ id: number }>(
    'POST',
    `${inventoryUrl}${pathTo(inventoryRoutes.models.create)}`,
    { name: model, picture_url: `https://pictures.example/${model}.jpg`, manufacturer_id: manufacturer.id },
    admin,
  );
  return created.id;
}

/**
 * `count` red cars of one new model (`Maker <from>`'s `Model <from>`) added to a running stack's
 * inventory, `sampleVin(from)` on, once the sales poller has copied every one: their VINs.
 */
export async function stockForSales(
  stack: Pick<Stack<'sales'>, 'call' | 'urls'>,
  count: number,
  from: number,
  year = 2010,
): Promise<string[]> {
  const modelId = await addInventoryModel(stack.urls.inventory, `Maker ${from}`, `Model ${from}`);
  const vins = Array.from({ length: count }, (_, i) => sampleVin(from + i));
  const unsold = `${pathTo(salesRoutes.automobiles.list)}?sold=false`;
  for (const vin of vins) {
    await stack.call('inventory', 'POST', pathTo(inventoryRoutes.automobiles.create), {
      vin,
      color: 'red',
      year,
      model_id: modelId,
    });
  }
  await until(
    'sales copied the new cars',
    async () => {
      const { autos } = await stack.call<{ autos: { vin: string }[] }>('sales', 'GET', unsold);
      return vins.every((vin) => autos.some((a) => a.vin === vin));
    },
    30_000,
  );
  return vins;
}

/**
 * A salesperson and a customer in a running sales service, for a test that records sales: their
 * ids. `employeeId` must be new to that service.
 */
export async function addSalesParties(
  stack: Pick<Stack<'sales'>, 'call'>,
  employeeId: string,
): Promise<{ salesperson: number; customer: number }> {
  const salesperson = await stack.call<{ id: number }>('sales', 'POST', pathTo(salesRoutes.salespeople.create), {
    first_name: 'Sam',
    last_name: 'Seller',
    employee_id: employeeId,
  });
  const customer = await stack.call<{ id: number }>('sales', 'POST', pathTo(salesRoutes.customers.create), {
    first_name: 'Jane',
    last_name: 'Doe',
    address: '1 Main St',
    phone_number: '555-0100',
  });
  return { salesperson: salesperson.id, customer: customer.id };
}
