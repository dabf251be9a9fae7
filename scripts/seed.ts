// Fills a running CarCar with a small demo dealership through its public APIs. Running it again
// adds nothing: every record is looked up by its natural key (name, VIN) before it is created.
import { sampleVin } from '@carcar/common/vin';

const inventory = process.env.INVENTORY_API_URL ?? 'http://localhost:8100';

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Named {
  id: number;
  name: string;
}

const catalogue: Record<string, { models: string[] }> = {
  Toyota: { models: ['Camry', 'RAV4', 'Tacoma'] },
  Honda: { models: ['Civic', 'Accord', 'CR-V'] },
  Ford: { models: ['F-150', 'Mustang', 'Escape'] },
  Chrysler: { models: ['Sebring', '300', 'Pacifica'] },
};
const colors = ['red', 'white', 'black', 'silver', 'blue', 'gray'];

function pictureUrl(maker: string, model: string): string {
  return `https://images.carcar.example/models/${encodeURIComponent(`${maker}-${model}`.toLowerCase())}.jpg`;
}

async function seedInventory(): Promise<void> {
  const makers = (await call<{ manufacturers: Named[] }>('GET', `${inventory}/api/manufacturers/`)).manufacturers;
  const models = (await call<{ models: (Named & { manufacturer: Named })[] }>('GET', `${inventory}/api/models/`))
    .models;
  const vins = new Set(
    (await call<{ autos: { vin: string }[] }>('GET', `${inventory}/api/automobiles/`)).autos.map((a) => a.vin),
  );
  let created = 0;
  /** The existing record, or a new one made by `create`. */
  async function ensure<T>(existing: T | undefined, create: () => Promise<T>): Promise<T> {
    if (existing) return existing;
    created++;
    return create();
  }
  let serial = 1000;
  for (const [makerName, { models: modelNames }] of Object.entries(catalogue)) {
    const maker = await ensure(
      makers.find((m) => m.name.toLowerCase() === makerName.toLowerCase()),
      () => call<Named>('POST', `${inventory}/api/manufacturers/`, { name: makerName }),
    );
    for (const modelName of modelNames) {
      const model = await ensure(
        models.find((m) => m.name === modelName && m.manufacturer.id === maker.id),
        () =>
          call<Named>('POST', `${inventory}/api/models/`, {
            name: modelName,
            picture_url: pictureUrl(makerName, modelName),
            manufacturer_id: maker.id,
          }),
      );
      for (let i = 0; i < 2; i++) {
        serial++;
        const vin = sampleVin(serial);
        if (vins.has(vin)) continue;
        await call('POST', `${inventory}/api/automobiles/`, {
          vin,
          color: colors[serial % colors.length],
          year: 2018 + (serial % 8),
          model_id: model.id,
        });
        created++;
      }
    }
  }
  console.log(`inventory: ${created} records created (${inventory})`);
}

await seedInventory();
