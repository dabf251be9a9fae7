import type { AuditEntry } from '@carcar/common/contract/audit';
import { sampleVin } from '@carcar/common/vin/vin';
import { describe, expect, it } from 'vitest';
import { addAutomobile, inventoryWithModel } from './helpers.js';

const stock = inventoryWithModel();

/** `POST /api/automobiles/import/` with a CSV body, as a manager unless told otherwise. */
function importCsv(csv: string, query = '', role: 'manager' | 'sales' = 'manager') {
  return stock.inv.api(role).post(`/api/automobiles/import/${query}`).set('Content-Type', 'text/csv').send(csv);
}

async function stockCount(): Promise<number> {
  return Number((await stock.inv.api().get('/api/automobiles/?limit=1').expect(200)).headers['x-total-count']);
}

describe('importing automobiles from CSV', () => {
  it('adds every row of a good file, by model names in any case, with feed and audit entries', async () => {
    const vins = [sampleVin(6001), sampleVin(6002), sampleVin(6003)];
    const before = await stockCount();
    const res = await importCsv(
      `VIN,Color,Year,Manufacturer,Model\r\n${vins[0]},red,2020,chrysler,SEBRING\r\n${vins[1]},"blue, dark",2021,Chrysler,Sebring\n${vins[2]},white,2019,Chrysler,Sebring\n`,
    ).expect(200);
    expect(res.body).toEqual({ created: 3, valid: 3, dry_run: false });
    expect(await stockCount()).toBe(before + 3);
    const car = (await stock.inv.api().get(`/api/automobiles/${vins[1]}/`).expect(200)).body;
    expect(car).toMatchObject({ color: 'blue, dark', year: 2021, sold: false, model: { name: 'Sebring' } });
    const feed = await stock.inv.feed().get('/api/automobiles/changes/?after=0&limit=500').expect(200);
    expect(feed.body.changes.map((change: { vin: string }) => change.vin)).toEqual(expect.arrayContaining(vins));
    const audit = await stock.inv.api('manager').get(`/api/audit/?vin=${vins[2]}`).expect(200);
    expect(audit.body.entries).toMatchObject([
      { action: 'create', entity: 'automobile', reason: 'imported from a CSV file' },
    ] satisfies Partial<AuditEntry>[]);
  });

  it('refuses the whole file, naming every bad row by line, and writes nothing', async () => {
    const inStock = sampleVin(6010);
    await addAutomobile(stock.inv, inStock, stock.modelId);
    const good = sampleVin(6011);
    const twice = sampleVin(6012);
    const before = await stockCount();
    const res = await importCsv(
      [
        'vin,color,year,model_id',
        `${good},red,2020,${stock.modelId}`,
        `1HGCM82633A00435X,red,2020,${stock.modelId}`,
        `${twice},red,2020,999999`,
        `${twice},red,2020,${stock.modelId}`,
        `${twice},red,2020,${stock.modelId}`,
        `${inStock},red,2020,${stock.modelId}`,
        `${sampleVin(6013)},red,1800,${stock.modelId}`,
      ].join('\n'),
    ).expect(400);
    expect(res.body.code).toBe('validation_error');
    expect(res.body.errors).toEqual([
      { line: 3, path: 'vin', message: expect.any(String) },
      { line: 4, path: 'model_id', message: 'No vehicle model has id 999999' },
      { line: 6, path: 'vin', message: `VIN ${twice} is also on line 5` },
      { line: 7, path: 'vin', message: `An automobile with VIN ${inStock} is already in stock` },
      { line: 8, path: 'year', message: expect.stringMatching(/^Enter a year from 1900/) },
    ]);
    expect(await stockCount()).toBe(before);
    await stock.inv.api().get(`/api/automobiles/${good}/`).expect(404);
  });

  it('checks without writing on a dry run, and says what is wrong with the header or the file', async () => {
    const vin = sampleVin(6020);
    const before = await stockCount();
    const dry = await importCsv(`vin,color,year,model_id\n${vin},red,2020,${stock.modelId}\n`, '?dry_run=true').expect(
      200,
    );
    expect(dry.body).toEqual({ created: 0, valid: 1, dry_run: true });
    expect(await stockCount()).toBe(before);
    const header = await importCsv(`vin,colour,year\n${vin},red,2020\n`).expect(400);
    expect(header.body.errors).toEqual([
      { line: 1, path: '(header)', message: 'The header row must name color, model_id (or manufacturer and model)' },
    ]);
    const empty = await importCsv('vin,color,year,model_id\n').expect(400);
    expect(empty.body.errors[0].message).toBe('The file has a header but no cars');
    const broken = await importCsv(`vin,color,year,model_id\n"${vin},red,2020,1\n`).expect(400);
    expect(broken.body.errors[0].message).toMatch(/^This is not a readable CSV file/);
    const json = await stock.inv.api('manager').post('/api/automobiles/import/').send({ vin }).expect(400);
    expect(json.body.errors[0].message).toMatch(/CSV file/);
  });

  it('is for managers: a salesperson gets 403 and nothing is written', async () => {
    const vin = sampleVin(6030);
    await importCsv(`vin,color,year,model_id\n${vin},red,2020,${stock.modelId}\n`, '', 'sales').expect(403);
    await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(404);
  });

  it('takes 10,000 rows in one go, and refuses a file over 2 MB with 413', async () => {
    const before = await stockCount();
    const lines = ['vin,color,year,model_id'];
    for (let i = 0; i < 10_000; i++) lines.push(`${sampleVin(700_000 + i)},silver,2022,${stock.modelId}`);
    const res = await importCsv(lines.join('\n')).expect(200);
    expect(res.body.created).toBe(10_000);
    expect(await stockCount()).toBe(before + 10_000);
    const tooMany = [...lines, `${sampleVin(800_000)},silver,2022,${stock.modelId}`].join('\n');
    const refused = await importCsv(tooMany).expect(400);
    expect(refused.body.errors[0].message).toMatch(/at most 10,000 cars; this one has 10,001/);
    const huge = `vin,color,year,model_id\n${'x'.repeat(2.1 * 1024 * 1024)}`;
    const tooBig = await importCsv(huge).expect(413);
    expect(tooBig.body.message).toBe('The request body is larger than the 2,048 kB allowed');
  });
});
