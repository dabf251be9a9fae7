// Fills a running CarCar with a small demo dealership through the gateway, signed in as the
// administrator, and adds demo staff accounts of every role. Running it again adds nothing: every
// record is looked up by its natural key (name, VIN, email) before it is created.
import type { Role } from '@carcar/common/contract/permissions';
import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { hasValidCheckDigit, modelYears, withCheckDigit } from '@carcar/common/vin/vin';
import { type GatewayClient, signIn } from '@carcar/testing/gateway';

const gateway = (process.env.CARCAR_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const adminEmail = process.env.CARCAR_ADMIN_EMAIL;
const adminPassword = process.env.CARCAR_ADMIN_PASSWORD;
if (!adminEmail || !adminPassword) {
  console.error(
    [
      'npm run seed signs in to CarCar as an administrator. Give it the account npm start printed:',
      "  CARCAR_ADMIN_EMAIL=admin@carcar.local CARCAR_ADMIN_PASSWORD='<the password>' npm run seed",
      `(CARCAR_URL=${gateway} is where it signs in.)`,
    ].join('\n'),
  );
  process.exit(1);
}
const api: GatewayClient = await signIn(gateway, adminEmail, adminPassword);

/** A service's path as the gateway takes it: `/inventory/…` reaches inventory-api's `/…`, and so on. */
const atInventory = (path: string) => `/inventory${path}`;
const atService = (path: string) => `/service${path}`;
const atSales = (path: string) => `/sales${path}`;

/**
 * Demo staff, one or more of every role, linked to the demo technicians and salespeople. The
 * password is the same for all and published here: demo data only, never a real dealership's.
 */
const DEMO_PASSWORD = 'carcar demo 2026';
const demoStaff: Array<{ email: string; name: string; role: Role; technician?: string; salesperson?: string }> = [
  { email: 'max.manager@carcar.local', name: 'Max Manager', role: 'manager' },
  { email: 'sam.carter@carcar.local', name: 'Sam Carter', role: 'sales', salesperson: 'S-200' },
  { email: 'rosa.diaz@carcar.local', name: 'Rosa Diaz', role: 'sales', salesperson: 'S-201' },
  { email: 'sid.service@carcar.local', name: 'Sid Service', role: 'service' },
  { email: 'ada.lovelace@carcar.local', name: 'Ada Lovelace', role: 'technician', technician: 'T-100' },
  { email: 'grace.hopper@carcar.local', name: 'Grace Hopper', role: 'technician', technician: 'T-101' },
];

/** Counts what a run creates; `ensure` returns the existing record or makes a new one. */
let created = 0;
async function ensure<T>(existing: T | undefined, create: () => Promise<T>): Promise<T> {
  if (existing) return existing;
  created++;
  return create();
}

interface Named {
  id: number;
  name: string;
}

type BodyStyle = 'sedan' | 'suv' | 'pickup' | 'coupe' | 'minivan';

/**
 * Each model with the first eight VIN characters its maker really uses: the maker's WMI (positions
 * 1-3, e.g. Toyota's 4T1 from Kentucky, Honda's 1HG from Ohio) and a plausible descriptor whose
 * position 7 is a letter, as it must be for model years 2010-2039; and the plant code (position 11).
 */
interface ModelSpec {
  name: string;
  body: BodyStyle;
  vinPrefix: string;
  plant: string;
}

const catalogue: Record<string, ModelSpec[]> = {
  Toyota: [
    { name: 'Camry', body: 'sedan', vinPrefix: '4T1B11HK', plant: 'U' },
    { name: 'RAV4', body: 'suv', vinPrefix: 'JTMW1RFV', plant: 'D' },
    { name: 'Tacoma', body: 'pickup', vinPrefix: '3TMCZ5AN', plant: 'M' },
  ],
  Honda: [
    { name: 'Civic', body: 'sedan', vinPrefix: '2HGFC2F5', plant: 'H' },
    { name: 'Accord', body: 'sedan', vinPrefix: '1HGCV1F3', plant: 'A' },
    { name: 'CR-V', body: 'suv', vinPrefix: '5J6RW2H8', plant: 'L' },
  ],
  Ford: [
    { name: 'F-150', body: 'pickup', vinPrefix: '1FTEW1EP', plant: 'F' },
    { name: 'Mustang', body: 'coupe', vinPrefix: '1FA6P8TH', plant: '5' },
    { name: 'Escape', body: 'suv', vinPrefix: '1FMCU0GD', plant: 'L' },
  ],
  Chrysler: [
    { name: '300', body: 'sedan', vinPrefix: '2C3CCAEG', plant: 'H' },
    { name: 'Pacifica', body: 'minivan', vinPrefix: '2C4RC1BG', plant: 'R' },
    { name: 'Voyager', body: 'minivan', vinPrefix: '2C4RC1CG', plant: 'R' },
  ],
};
const colors = ['red', 'white', 'black', 'silver', 'blue', 'gray'];

/**
 * The drawings ship with the browser app (ghi/public/models/), so they load offline; the API
 * wants an absolute http(s) URL, hence the app's own address (the gateway's).
 */
function pictureUrl(body: BodyStyle): string {
  return `${gateway}/models/${body}.svg`;
}

/** Position 10: the model year's letter or digit, which repeats every 30 years from 1980. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** A VIN for this model and year with the right check digit; refuses one that would decode to another year. */
function vinFor(spec: ModelSpec, year: number, serial: number): string {
  const vin = withCheckDigit(
    `${spec.vinPrefix}0${YEAR_CODES.charAt((year - 1980) % 30)}${spec.plant}${String(serial).padStart(6, '0')}`,
  );
  if (!hasValidCheckDigit(vin) || !modelYears(vin).includes(year)) throw new Error(`bad seed VIN ${vin} for ${year}`);
  return vin;
}

async function seedInventory(): Promise<string[]> {
  const makers = (
    await api.call<{ manufacturers: Named[] }>('GET', atInventory(pathTo(inventoryRoutes.manufacturers.list)))
  ).manufacturers;
  const models = (
    await api.call<{ models: (Named & { manufacturer: Named })[] }>(
      'GET',
      atInventory(pathTo(inventoryRoutes.models.list)),
    )
  ).models;
  const vins = new Set(
    (
      await api.call<{ autos: { vin: string }[] }>('GET', atInventory(pathTo(inventoryRoutes.automobiles.list)))
    ).autos.map((a) => a.vin),
  );
  const seeded: string[] = [];
  let serial = 1000;
  for (const [makerName, specs] of Object.entries(catalogue)) {
    const maker = await ensure(
      makers.find((m) => m.name.toLowerCase() === makerName.toLowerCase()),
      () => api.call<Named>('POST', atInventory(pathTo(inventoryRoutes.manufacturers.create)), { name: makerName }),
    );
    for (const spec of specs) {
      const model = await ensure(
        models.find((m) => m.name === spec.name && m.manufacturer.id === maker.id),
        () =>
          api.call<Named>('POST', atInventory(pathTo(inventoryRoutes.models.create)), {
            name: spec.name,
            picture_url: pictureUrl(spec.body),
            manufacturer_id: maker.id,
          }),
      );
      for (let i = 0; i < 2; i++) {
        serial++;
        const year = 2018 + (serial % 8);
        const vin = vinFor(spec, year, serial);
        seeded.push(vin);
        await ensure(vins.has(vin) ? vin : undefined, () =>
          api.call('POST', atInventory(pathTo(inventoryRoutes.automobiles.create)), {
            vin,
            color: colors[serial % colors.length],
            year,
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

/**
 * Technicians or salespeople (first name, last name, employee id): each one `existing` already
 * holds by employee id, the others created at `createPath`.
 */
async function ensureStaff(
  existing: Person[],
  createPath: string,
  people: ReadonlyArray<readonly [first_name: string, last_name: string, employee_id: string]>,
): Promise<Person[]> {
  const ensured: Person[] = [];
  for (const [first_name, last_name, employee_id] of people) {
    ensured.push(
      await ensure(
        existing.find((p) => p.employee_id === employee_id),
        () => api.call<Person>('POST', createPath, { first_name, last_name, employee_id }),
      ),
    );
  }
  return ensured;
}

async function seedService(vins: string[]): Promise<Person[]> {
  const technicians = (
    await api.call<{ technicians: Person[] }>('GET', atService(pathTo(serviceApiRoutes.technicians.list)))
  ).technicians;
  const techs = await ensureStaff(technicians, atService(pathTo(serviceApiRoutes.technicians.create)), [
    ['Ada', 'Lovelace', 'T-100'],
    ['Grace', 'Hopper', 'T-101'],
    ['Alan', 'Turing', 'T-102'],
  ]);
  // Bookings on the hour, some for our cars (VIP), one for an outside car: today's while the first
  // is still ahead, else tomorrow's, since the Service API refuses a time that has passed.
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
  if (first.getTime() < now.getTime()) first.setUTCDate(first.getUTCDate() + 1);
  const day = first.toISOString().slice(0, 10);
  const bookings = [
    { vin: vins[0], hour: 9, reason: 'Oil change', customer: 'Maria Garcia' },
    { vin: vins[1], hour: 10, reason: 'Brake inspection', customer: 'James Smith' },
    { vin: vins[2], hour: 11, reason: 'Tire rotation', customer: 'Li Wei' },
    // A 2002 Honda S2000 bought elsewhere (Japanese WMI JHM).
    { vin: withCheckDigit('JHMAP11402S000321'), hour: 13, reason: 'Check engine light', customer: 'Priya Patel' },
  ];
  for (const [i, booking] of bookings.entries()) {
    const dateTime = `${day}T${String(booking.hour).padStart(2, '0')}:00:00.000Z`;
    const history = (
      await api.call<{ appointments: { date_time: string }[] }>(
        'GET',
        atService(`${pathTo(serviceApiRoutes.appointments.list)}?vin=${booking.vin}`),
      )
    ).appointments;
    await ensure(
      history.find((a) => a.date_time === dateTime),
      () =>
        api.call('POST', atService(pathTo(serviceApiRoutes.appointments.create)), {
          date_time: dateTime,
          reason: booking.reason,
          vin: booking.vin,
          customer: booking.customer,
          technician: techs[i % techs.length]?.id,
        }),
    );
  }
  return techs;
}

async function seedSales(vins: string[]): Promise<Person[]> {
  const people = (await api.call<{ salespeople: Person[] }>('GET', atSales(pathTo(salesRoutes.salespeople.list))))
    .salespeople;
  const sellers = await ensureStaff(people, atSales(pathTo(salesRoutes.salespeople.create)), [
    ['Sam', 'Carter', 'S-200'],
    ['Rosa', 'Diaz', 'S-201'],
  ]);
  const customers = (
    await api.call<{ customers: { id: number; phone_number: string }[] }>(
      'GET',
      atSales(pathTo(salesRoutes.customers.list)),
    )
  ).customers;
  const buyers: { id: number }[] = [];
  for (const [first_name, last_name, address, phone_number] of [
    ['Olivia', 'Brown', '12 Elm Street, Springfield', '+1 (555) 010-0101'],
    ['Noah', 'Johnson', '48 Oak Avenue, Springfield', '+1 (555) 010-0102'],
  ] as const) {
    buyers.push(
      await ensure(
        customers.find((c) => c.phone_number === phone_number),
        () =>
          api.call<{ id: number }>('POST', atSales(pathTo(salesRoutes.customers.create)), {
            first_name,
            last_name,
            address,
            phone_number,
          }),
      ),
    );
  }
  // The sales poller copies the new cars within a second; wait for the two to sell.
  const toSell = vins.slice(-2);
  for (let attempt = 0; attempt < 50; attempt++) {
    const { autos } = await api.call<{ autos: { vin: string }[] }>(
      'GET',
      atSales(pathTo(salesRoutes.automobiles.list)),
    );
    if (toSell.every((vin) => autos.some((a) => a.vin === vin))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { autos } = await api.call<{ autos: { vin: string; sold: boolean }[] }>(
    'GET',
    atSales(pathTo(salesRoutes.automobiles.list)),
  );
  for (const [i, vin] of toSell.entries()) {
    await ensure(
      autos.find((a) => a.vin === vin && a.sold),
      () =>
        api.call('POST', atSales(pathTo(salesRoutes.sales.create)), {
          automobile: vin,
          salesperson: sellers[i % sellers.length]?.id,
          customer: buyers[i % buyers.length]?.id,
          price: 24500 + i * 3250.5,
        }),
    );
  }
  return sellers;
}

interface UserSummary {
  email: string;
}

/** Demo accounts of every role, each technician and salesperson linked to their record. */
async function seedStaff(technicians: Person[], salespeople: Person[]): Promise<void> {
  const { users } = await api.call<{ users: UserSummary[] }>('GET', '/auth/users');
  for (const person of demoStaff) {
    const technician = technicians.find((t) => t.employee_id === person.technician);
    const salesperson = salespeople.find((p) => p.employee_id === person.salesperson);
    await ensure(
      users.find((user) => user.email === person.email),
      () =>
        api.call<UserSummary>('POST', '/auth/users', {
          email: person.email,
          name: person.name,
          role: person.role,
          password: DEMO_PASSWORD,
          ...(technician ? { technician_id: technician.id } : {}),
          ...(salesperson ? { salesperson_id: salesperson.id } : {}),
        }),
    );
  }
}

const vins = await seedInventory();
const technicians = await seedService(vins);
const salespeople = await seedSales(vins);
await seedStaff(technicians, salespeople);
console.log(`seed: ${created} records created`);
console.log(
  `Demo staff (password "${DEMO_PASSWORD}"): ${demoStaff.map((person) => `${person.email} (${person.role})`).join(', ')}`,
);
