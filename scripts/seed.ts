// Fills a running CarCar with a small demo dealership through its public APIs. Running it again
// adds nothing: every record is looked up by its natural key (name, VIN) before it is created.
import { sampleVin } from '@carcar/common/vin/vin';

const inventory = process.env.INVENTORY_API_URL ?? 'http://localhost:8100';
const service = process.env.SERVICE_API_URL ?? 'http://localhost:8080';
const sales = process.env.SALES_API_URL ?? 'http://localhost:8090';

/** Counts what a run creates; `ensure` returns the existing record or makes a new one. */
let created = 0;
async function ensure<T>(existing: T | undefined, create: () => Promise<T>): Promise<T> {
  if (existing) return existing;
  created++;
  return create();
}
async function reachable(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    (res) => res.ok,
    () => false,
  );
}

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

async function seedInventory(): Promise<string[]> {
  const makers = (await call<{ manufacturers: Named[] }>('GET', `${inventory}/api/manufacturers/`)).manufacturers;
  const models = (await call<{ models: (Named & { manufacturer: Named })[] }>('GET', `${inventory}/api/models/`))
    .models;
  const vins = new Set(
    (await call<{ autos: { vin: string }[] }>('GET', `${inventory}/api/automobiles/`)).autos.map((a) => a.vin),
  );
  const seeded: string[] = [];
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
        seeded.push(vin);
        await ensure(vins.has(vin) ? vin : undefined, () =>
          call('POST', `${inventory}/api/automobiles/`, {
            vin,
            color: colors[serial % colors.length],
            year: 2018 + (serial % 8),
            model_id: model.id,
          }),
        );
      }
    }
  }
  return seeded;
}

interface Person {
  id: number;
  employee_id: string;
}

async function seedService(vins: string[]): Promise<void> {
  const technicians = (await call<{ technicians: Person[] }>('GET', `${service}/api/technicians/`)).technicians;
  const staff = [
    ['Ada', 'Lovelace', 'T-100'],
    ['Grace', 'Hopper', 'T-101'],
    ['Alan', 'Turing', 'T-102'],
  ] as const;
  const techs: Person[] = [];
  for (const [first_name, last_name, employee_id] of staff) {
    techs.push(
      await ensure(
        technicians.find((t) => t.employee_id === employee_id),
        () => call<Person>('POST', `${service}/api/technicians/`, { first_name, last_name, employee_id }),
      ),
    );
  }
  // Today's bookings, on the hour: some for our cars (VIP), one for an outside car.
  const day = new Date().toISOString().slice(0, 10);
  const bookings = [
    { vin: vins[0], hour: 9, reason: 'Oil change', customer: 'Maria Garcia' },
    { vin: vins[1], hour: 10, reason: 'Brake inspection', customer: 'James Smith' },
    { vin: vins[2], hour: 11, reason: 'Tire rotation', customer: 'Li Wei' },
    { vin: 'JHMAP11432T2N3BH3', hour: 13, reason: 'Check engine light', customer: 'Priya Patel' },
  ];
  for (const [i, booking] of bookings.entries()) {
    const dateTime = `${day}T${String(booking.hour).padStart(2, '0')}:00:00.000Z`;
    const history = (
      await call<{ appointments: { date_time: string }[] }>('GET', `${service}/api/appointments/?vin=${booking.vin}`)
    ).appointments;
    await ensure(
      history.find((a) => a.date_time === dateTime),
      () =>
        call('POST', `${service}/api/appointments/`, {
          date_time: dateTime,
          reason: booking.reason,
          vin: booking.vin,
          customer: booking.customer,
          technician: techs[i % techs.length]?.id,
        }),
    );
  }
}

async function seedSales(vins: string[]): Promise<void> {
  const people = (await call<{ salespeople: Person[] }>('GET', `${sales}/api/salespeople/`)).salespeople;
  const sellers: Person[] = [];
  for (const [first_name, last_name, employee_id] of [
    ['Sam', 'Carter', 'S-200'],
    ['Rosa', 'Diaz', 'S-201'],
  ] as const) {
    sellers.push(
      await ensure(
        people.find((p) => p.employee_id === employee_id),
        () => call<Person>('POST', `${sales}/api/salespeople/`, { first_name, last_name, employee_id }),
      ),
    );
  }
  const customers = (
    await call<{ customers: { id: number; phone_number: string }[] }>('GET', `${sales}/api/customers/`)
  ).customers;
  const buyers: { id: number }[] = [];
  for (const [first_name, last_name, address, phone_number] of [
    ['Olivia', 'Brown', '12 Elm Street, Springfield', '+1 (555) 010-0101'],
    ['Noah', 'Johnson', '48 Oak Avenue, Springfield', '+1 (555) 010-0102'],
  ] as const) {
    buyers.push(
      await ensure(
        customers.find((c) => c.phone_number === phone_number),
        () => call<{ id: number }>('POST', `${sales}/api/customers/`, { first_name, last_name, address, phone_number }),
      ),
    );
  }
  // The sales poller copies the new cars within a second; wait for the two to sell.
  const toSell = vins.slice(-2);
  for (let attempt = 0; attempt < 50; attempt++) {
    const { autos } = await call<{ autos: { vin: string }[] }>('GET', `${sales}/api/automobiles/`);
    if (toSell.every((vin) => autos.some((a) => a.vin === vin))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { autos } = await call<{ autos: { vin: string; sold: boolean }[] }>('GET', `${sales}/api/automobiles/`);
  for (const [i, vin] of toSell.entries()) {
    await ensure(
      autos.find((a) => a.vin === vin && a.sold),
      () =>
        call('POST', `${sales}/api/sales/`, {
          automobile: vin,
          salesperson: sellers[i % sellers.length]?.id,
          customer: buyers[i % buyers.length]?.id,
          price: 24500 + i * 3250.5,
        }),
    );
  }
}

const vins = await seedInventory();
if (await reachable(service)) await seedService(vins);
else console.log(`service-api not reachable at ${service}: skipped`);
if (await reachable(sales)) await seedSales(vins);
else console.log(`sales-api not reachable at ${sales}: skipped`);
console.log(`seed: ${created} records created`);
