import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_PHOTO_BYTES } from '@carcar/common/contract/inspections';
import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { asGateway } from '@carcar/testing/credentials';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectionItems, inspectionPhotos } from '../src/db/schema.js';
import { type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
let gateway: { Authorization: string };
beforeAll(async () => {
  svc = await startServiceApi();
  gateway = await asGateway('service-api');
});
afterAll(() => svc.close());

async function newOrder(): Promise<RepairOrder> {
  const res = await svc
    .api('service')
    .post('/api/repair-orders/')
    .send({ vin: '1C3CC5FB2AN120174', customer: { name: 'Jane Doe' }, mileage: 42_000, concern: 'Brakes grind' })
    .expect(201);
  return res.body;
}

async function addItem(
  orderId: number,
  condition = 'red',
  name = 'Front brakes',
  note: string | null = 'Pads at 2 mm',
) {
  const res = await svc
    .api('technician')
    .post(`/api/repair-orders/${orderId}/inspection/`)
    .send({ name, condition, ...(note ? { note } : {}) })
    .expect(201);
  return res.body as { id: number; name: string; condition: string; note: string | null; photos: unknown[] };
}

function upload(orderId: number, itemId: number, bytes: Buffer, filename: string, contentType = 'image/jpeg') {
  return svc
    .api('technician')
    .post(`/api/repair-orders/${orderId}/inspection/${itemId}/photos/`)
    .attach('photo', bytes, { filename, contentType });
}

/** Every file under the photos folder, with its mode. */
function storedFiles(): Array<{ file: string; mode: number }> {
  const found: Array<{ file: string; mode: number }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push({ file: full, mode: statSync(full).mode & 0o777 });
    }
  };
  walk(svc.photosDir);
  return found;
}

async function photoRows(): Promise<number> {
  return (await svc.db.select({ id: inspectionPhotos.id }).from(inspectionPhotos)).length;
}

/** PNG's chunk checksum (CRC-32, as zlib's). */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** EXIF's GPS IFD pointer tag, 0x8825, as libvips writes it (little-endian). */
const GPS_POINTER = Buffer.from([0x25, 0x88]);

/**
 * A real camera-like JPEG: 2400 × 1800 of noisy pixels, stored sideways (EXIF orientation 6, as a
 * phone held upright writes it), with the camera's make and a GPS position in its EXIF.
 */
async function phoneJpeg(): Promise<Buffer> {
  const width = 2400;
  const height = 1800;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'CarCarTestCam', Model: 'Phone 9' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2940/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4000/100',
        GPSMapDatum: 'WGS-84',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('inspection items', () => {
  it('adds a finding (technicians may), shows it on the order, and refuses a bad condition naming the field', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'yellow', 'Wiper blades', 'Streaking');
    expect(item).toEqual({
      id: expect.any(Number),
      name: 'Wiper blades',
      condition: 'yellow',
      note: 'Streaking',
      photos: [],
    });
    const read = await svc.api('technician').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toEqual([item]);
    const bad = await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/`)
      .send({ name: '', condition: 'purple' })
      .expect(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['condition', 'name']);
    await svc
      .api('sales')
      .post(`/api/repair-orders/${order.id}/inspection/`)
      .send({ name: 'x', condition: 'red' })
      .expect(403);
    await svc
      .api('technician')
      .post('/api/repair-orders/987654/inspection/')
      .send({ name: 'x', condition: 'red' })
      .expect(404);
  });

  it('makes a yellow or red finding a proposed line in one step, once; a green one is 409', async () => {
    const order = await newOrder();
    const red = await addItem(order.id, 'red', 'Front brakes', 'Pads at 2 mm');
    const line = await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/${red.id}/line/`)
      .expect(201);
    expect(line.body).toMatchObject({
      kind: 'labor',
      description: 'Front brakes: Pads at 2 mm',
      hours: 1,
      status: 'proposed',
    });
    const again = await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/${red.id}/line/`)
      .expect(409);
    expect(again.body.message).toMatch(/already proposed as line/);
    const yellow = await addItem(order.id, 'yellow', 'Cabin air filter', null);
    const part = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/inspection/${yellow.id}/line/`)
      .send({ kind: 'part', unit_price: 24.5, quantity: 1 })
      .expect(201);
    expect(part.body).toMatchObject({
      kind: 'part',
      description: 'Cabin air filter',
      amount: 24.5,
      status: 'proposed',
    });
    const green = await addItem(order.id, 'green', 'Horn', null);
    await svc.api('technician').post(`/api/repair-orders/${order.id}/inspection/${green.id}/line/`).expect(409);
    const lines = (await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200)).body.lines;
    expect(lines).toHaveLength(2);
  });

  it('closes the inspection of a void order: no new items or photos (409)', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    await svc.api('service').delete(`/api/repair-orders/${order.id}/?reason=duplicate`).expect(200);
    const refused = await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/`)
      .send({ name: 'Horn', condition: 'green' })
      .expect(409);
    expect(refused.body.message).toMatch(/void/);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    await upload(order.id, item.id, png, 'a.png', 'image/png').expect(409);
  });

  it("answers the shop's default checklist, and lets only managers change it", async () => {
    const template = await svc.api('technician').get('/api/inspection-template/').expect(200);
    expect(template.body.items.length).toBeGreaterThan(15);
    expect(template.body.items[0]).toEqual({ name: 'Tires and tread depth' });
    const items = [{ name: 'Tires' }, { name: 'Brakes' }];
    await svc.api('service').put('/api/inspection-template/').send({ items }).expect(403);
    await svc.api('manager').put('/api/inspection-template/').send({ items: [] }).expect(400);
    expect((await svc.api('manager').put('/api/inspection-template/').send({ items }).expect(200)).body).toEqual({
      items,
    });
    expect((await svc.api('technician').get('/api/inspection-template').expect(200)).body).toEqual({ items });
  });
});

/** The two files of each of the item's photos, as the store names them (docs/photos.md). */
async function photoFilesOf(itemId: number): Promise<string[]> {
  const rows = await svc.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.itemId, itemId));
  return rows.flatMap(({ file }) => [
    path.join(svc.photosDir, file.slice(0, 2), `${file}.jpg`),
    path.join(svc.photosDir, file.slice(0, 2), `${file}.thumb.jpg`),
  ]);
}

async function smallPng(background: string): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 6, channels: 3, background } })
    .png()
    .toBuffer();
}

describe('inspection photos', () => {
  it('stores a phone JPEG upright, resized and re-encoded with no EXIF or GPS, as 0600 files', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(before).toMatchObject({ width: 2400, height: 1800, orientation: 6 });
    expect(before.exif?.includes('CarCarTestCam')).toBe(true);
    // The GPS block is there: its pointer tag (0x8825, little-endian) and its datum.
    expect(before.exif?.includes(GPS_POINTER)).toBe(true);
    expect(before.exif?.includes('WGS-84')).toBe(true);

    const order = await newOrder();
    const item = await addItem(order.id);
    const res = await upload(order.id, item.id, original, 'IMG_0001.jpg').expect(201);
    // Upright: the sideways 2400 × 1800 is 1800 × 2400, within 1600 px.
    expect(res.body).toEqual({
      id: expect.any(Number),
      url: `/api/repair-orders/${order.id}/inspection/${item.id}/photos/${res.body.id}/`,
      thumbnail_url: `/api/repair-orders/${order.id}/inspection/${item.id}/photos/${res.body.id}/?size=thumbnail`,
      width: 1200,
      height: 1600,
    });

    const files = storedFiles();
    expect(files).toHaveLength(2);
    for (const { file, mode } of files) {
      expect(mode).toBe(0o600);
      const bytes = readFileSync(file);
      const stored = await sharp(bytes).metadata();
      expect(stored.format).toBe('jpeg');
      expect(stored.exif).toBeUndefined();
      expect(stored.orientation).toBeUndefined();
      expect(bytes.includes('CarCarTestCam')).toBe(false);
      expect(bytes.includes('WGS-84')).toBe(false);
      expect(bytes.includes(GPS_POINTER)).toBe(false);
    }

    const display = await svc.api('technician').get(res.body.url).expect(200);
    expect(display.headers['content-type']).toBe('image/jpeg');
    expect(display.headers['x-content-type-options']).toBe('nosniff');
    expect(display.headers['cache-control']).toMatch(/^private/);
    expect(await sharp(display.body as Buffer).metadata()).toMatchObject({ width: 1200, height: 1600 });
    const thumbnail = await svc.api('technician').get(res.body.thumbnail_url).expect(200);
    expect(await sharp(thumbnail.body as Buffer).metadata()).toMatchObject({ width: 240, height: 320 });

    const order2 = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(order2.body.inspection[0].photos).toEqual([res.body]);
  });

  it('answers a photo to staff who may read the order only: 401 without a credential, 403 for sales', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const photo = (await upload(order.id, item.id, png, 'p.png', 'image/png').expect(201)).body;
    await request(svc.app).get(photo.url).expect(401);
    await svc.api('sales').get(photo.url).expect(403);
    await svc.api('technician').get(photo.url).expect(200);
    await svc.api('service').get(photo.url).expect(200);
    // Another order's or item's path does not reach it.
    const other = await newOrder();
    await svc
      .api('technician')
      .get(`/api/repair-orders/${other.id}/inspection/${item.id}/photos/${photo.id}/`)
      .expect(404);
    await svc.api('technician').get(`${photo.url}?size=huge`).expect(400);
  });

  it('takes a PNG named .jpg as the PNG it is, and refuses a text file named .jpg with 415, storing nothing', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    const png = await sharp({
      create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const accepted = await upload(order.id, item.id, png, 'holiday.jpg', 'image/jpeg').expect(201);
    expect(accepted.body).toMatchObject({ width: 64, height: 48 });
    const [row] = await svc.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.id, accepted.body.id));
    expect(row?.sourceType).toBe('image/png');

    const files = storedFiles().length;
    const rows = await photoRows();
    const text = await upload(order.id, item.id, Buffer.from('just some text, not a picture\n'), 'photo.jpg').expect(
      415,
    );
    expect(text.body).toMatchObject({ code: 'unsupported_media_type', errors: [{ path: 'photo' }] });
    // A JPEG's first bytes with nothing after them are not a picture either.
    await upload(order.id, item.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0]), 'cut.jpg').expect(415);
    // A GIF is an image, but not one of the three.
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    await upload(order.id, item.id, gif, 'a.jpg').expect(415);
    expect(storedFiles()).toHaveLength(files);
    expect(await photoRows()).toBe(rows);

    // Not multipart at all, or without the photo field.
    await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/${item.id}/photos/`)
      .send({})
      .expect(415);
    const missing = await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/inspection/${item.id}/photos/`)
      .field('caption', 'no file')
      .expect(400);
    expect(missing.body.errors).toEqual([{ path: 'photo', message: expect.stringMatching(/field named photo/) }]);
  });

  it('refuses an 11 MB upload, and one a byte over 10 MB, with 413, storing nothing (no row, no file)', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    const files = storedFiles().length;
    const rows = await photoRows();
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const eleven = Buffer.concat([jpegStart, Buffer.alloc(11 * 1024 * 1024)]);
    const big = await upload(order.id, item.id, eleven, 'big.jpg').expect(413);
    expect(big.body.code).toBe('payload_too_large');
    // Just over the limit, inside the form's allowance: refused while streaming.
    const justOver = Buffer.concat([jpegStart, Buffer.alloc(MAX_PHOTO_BYTES + 1 - jpegStart.length)]);
    await upload(order.id, item.id, justOver, 'over.jpg').expect(413);
    expect(storedFiles()).toHaveLength(files);
    expect(await photoRows()).toBe(rows);
    // The service still answers afterwards.
    await svc.api('technician').get(`/api/repair-orders/${order.id}/`).expect(200);
  });

  it('refuses a small file declaring a huge image (a decompression bomb) with 413 before decoding it', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    // The header says 20,000 × 20,000 (400 megapixels); its checksum made right, so the header reads.
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    expect(await sharp(png, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20_000, height: 20_000 });
    const res = await upload(order.id, item.id, png, 'bomb.png', 'image/png').expect(413);
    expect(res.body.message).toMatch(/megapixels/);
  });

  it('records every item and photo in the audit trail', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'yellow', 'Tire pressure', null);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    const photo = (await upload(order.id, item.id, png, 'a.png', 'image/png').expect(201)).body;
    const items = await svc.api('manager').get(`/api/audit/?entity=inspection_item&entity_id=${item.id}`).expect(200);
    expect(items.body.entries).toMatchObject([
      { action: 'create', actor: { role: 'technician' }, changes: { name: [null, 'Tire pressure'] } },
    ]);
    const photos = await svc
      .api('manager')
      .get(`/api/audit/?entity=inspection_photo&entity_id=${photo.id}`)
      .expect(200);
    expect(photos.body.entries).toMatchObject([{ action: 'create', changes: { item_id: [null, item.id] } }]);
  });

  it("answers a photo through an approval token for that token's order only", async () => {
    const mine = await newOrder();
    const theirs = await newOrder();
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#aa0000' } })
      .png()
      .toBuffer();
    const myItem = await addItem(mine.id);
    const myPhoto = (await upload(mine.id, myItem.id, png, 'a.png', 'image/png').expect(201)).body;
    const theirItem = await addItem(theirs.id);
    const theirPhoto = (await upload(theirs.id, theirItem.id, png, 'b.png', 'image/png').expect(201)).body;
    const estimate = await svc.api('service').post(`/api/repair-orders/${mine.id}/estimate/`).expect(200);
    const token = String(estimate.body.approval_url).split('/approve/')[1];

    const ok = await request(svc.app).get(`/public/estimates/${token}/photos/${myPhoto.id}`).set(gateway).expect(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect(ok.headers['cache-control']).toMatch(/^private/);
    await request(svc.app)
      .get(`/public/estimates/${token}/photos/${myPhoto.id}/?size=thumbnail`)
      .set(gateway)
      .expect(200);
    await request(svc.app).get(`/public/estimates/${token}/photos/${theirPhoto.id}`).set(gateway).expect(404);
    await request(svc.app)
      .get(`/public/estimates/${'x'.repeat(43)}/photos/${myPhoto.id}`)
      .set(gateway)
      .expect(404);
    // Staff credentials do not open the public route, nor the gateway's own credential the staff one.
    await svc.api('admin').get(`/public/estimates/${token}/photos/${myPhoto.id}`).expect(403);
    await request(svc.app).get(myPhoto.url).set(gateway).expect(403);

    // The customer's estimate links its photos through its own token.
    const publicEstimate = await request(svc.app).get(`/public/estimates/${token}`).set(gateway).expect(200);
    expect(publicEstimate.body.inspection[0].photos[0]).toEqual({
      ...myPhoto,
      url: `/public/estimates/${token}/photos/${myPhoto.id}`,
      thumbnail_url: `/public/estimates/${token}/photos/${myPhoto.id}?size=thumbnail`,
    });
  });
});

// After the photo tests: the first of those counts every file in the photos folder.
describe('changing and removing findings', () => {
  it('changes the fields given and keeps the rest; a technician may; the order shows the change', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'red', 'Front brakes', 'Pads at 2 mm');
    const url = `/api/repair-orders/${order.id}/inspection/${item.id}/`;
    const yellow = await svc.api('technician').put(url).send({ condition: 'yellow', note: 'Pads at 4 mm' }).expect(200);
    expect(yellow.body).toEqual({ ...item, condition: 'yellow', note: 'Pads at 4 mm' });
    const renamed = await svc.api('service').put(url).send({ name: '  Front brake pads ' }).expect(200);
    expect(renamed.body).toEqual({ ...item, name: 'Front brake pads', condition: 'yellow', note: 'Pads at 4 mm' });
    // An empty note clears it, as null does.
    expect((await svc.api('manager').put(url).send({ note: '' }).expect(200)).body.note).toBeNull();
    await svc.api('admin').put(url).send({ note: 'Squeal' }).expect(200);
    expect((await svc.api('technician').put(url).send({ note: null }).expect(200)).body.note).toBeNull();
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toEqual([
      { id: item.id, name: 'Front brake pads', condition: 'yellow', note: null, photos: [] },
    ]);
    await svc.api('sales').put(url).send({ condition: 'green' }).expect(403);
  });

  it('refuses bad fields naming them, and a body that changes nothing, with 400', async () => {
    const order = await newOrder();
    const item = await addItem(order.id);
    const url = `/api/repair-orders/${order.id}/inspection/${item.id}/`;
    const bad = await svc
      .api('technician')
      .put(url)
      .send({ name: ' ', condition: 'purple', note: 'x'.repeat(1001) })
      .expect(400);
    expect(bad.body.errors).toEqual([
      { path: 'name', message: 'Enter the name of the item inspected' },
      { path: 'condition', message: 'Choose a condition: green, yellow or red' },
      { path: 'note', message: 'The note can be at most 1,000 characters' },
    ]);
    const empty = await svc.api('technician').put(url).send({ colour: 'red' }).expect(400);
    expect(empty.body.errors).toEqual([{ path: '(root)', message: 'Send at least one of name, condition or note' }]);
    // Nothing changed.
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toEqual([item]);
  });

  it("answers 404 for another order's item, or one that is not there, and changes nothing", async () => {
    const order = await newOrder();
    const other = await newOrder();
    const item = await addItem(order.id);
    const elsewhere = `/api/repair-orders/${other.id}/inspection/${item.id}/`;
    await svc.api('technician').put(elsewhere).send({ condition: 'green' }).expect(404);
    await svc.api('technician').delete(elsewhere).expect(404);
    await svc
      .api('technician')
      .put(`/api/repair-orders/${order.id}/inspection/987654/`)
      .send({ note: 'x' })
      .expect(404);
    await svc.api('technician').delete(`/api/repair-orders/987654/inspection/${item.id}/`).expect(404);
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toEqual([item]);
  });

  it('removes a finding with its photos: rows and files gone, the photo no longer answered', async () => {
    const order = await newOrder();
    const keep = await addItem(order.id, 'green', 'Horn', null);
    const item = await addItem(order.id, 'yellow', 'Wiper blades', 'Streaking');
    const first = (await upload(order.id, item.id, await smallPng('#123'), 'a.png', 'image/png').expect(201)).body;
    await upload(order.id, item.id, await smallPng('#456'), 'b.png', 'image/png').expect(201);
    const kept = (await upload(order.id, keep.id, await smallPng('#789'), 'c.png', 'image/png').expect(201)).body;
    const files = await photoFilesOf(item.id);
    const keptFiles = await photoFilesOf(keep.id);
    expect(files).toHaveLength(4);
    for (const file of [...files, ...keptFiles]) expect(existsSync(file)).toBe(true);

    const removed = await svc
      .api('technician')
      .delete(`/api/repair-orders/${order.id}/inspection/${item.id}/`)
      .expect(200);
    expect(removed.body).toMatchObject({ id: item.id, name: 'Wiper blades', photos: [{ id: first.id }, {}] });
    for (const file of files) expect(existsSync(file)).toBe(false);
    for (const file of keptFiles) expect(existsSync(file)).toBe(true);
    expect(await svc.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.itemId, item.id))).toEqual([]);
    expect(await svc.db.select().from(inspectionItems).where(eq(inspectionItems.id, item.id))).toEqual([]);
    await svc.api('technician').get(first.url).expect(404);
    await svc.api('technician').get(kept.url).expect(200);
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toEqual([{ ...keep, photos: [kept] }]);
    await svc.api('technician').delete(`/api/repair-orders/${order.id}/inspection/${item.id}/`).expect(404);
    await svc.api('sales').delete(`/api/repair-orders/${order.id}/inspection/${keep.id}/`).expect(403);
  });

  it('links a finding and the line made of it both ways, one line per finding; keeps a proposed finding until its line goes', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'red', 'Front brakes', 'Pads at 2 mm');
    const url = `/api/repair-orders/${order.id}/inspection/${item.id}/`;
    const line = (
      await svc.api('technician').post(`/api/repair-orders/${order.id}/inspection/${item.id}/line/`).expect(201)
    ).body;
    // The line's finding is found from the line.
    const [found] = await svc.db.select().from(inspectionItems).where(eq(inspectionItems.lineId, line.id));
    expect(found?.id).toBe(item.id);
    // No second finding can claim the same line.
    const other = await addItem(order.id, 'yellow', 'Rear brakes', null);
    await expect(
      svc.db.update(inspectionItems).set({ lineId: line.id }).where(eq(inspectionItems.id, other.id)),
    ).rejects.toThrow();

    const refused = await svc.api('technician').delete(url).expect(409);
    expect(refused.body.message).toBe(`Front brakes is line ${line.id} of this order; delete that line first`);
    const green = await svc.api('technician').put(url).send({ condition: 'green' }).expect(409);
    expect(green.body.message).toMatch(new RegExp(`line ${line.id} of this order`));
    // Other changes are fine; the line keeps its own description.
    await svc.api('technician').put(url).send({ note: 'Pads at 1 mm' }).expect(200);
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.lines).toMatchObject([{ id: line.id, description: 'Front brakes: Pads at 2 mm' }]);

    await svc.api('service').delete(`/api/repair-orders/${order.id}/lines/${line.id}/`).expect(200);
    const [unlinked] = await svc.db.select().from(inspectionItems).where(eq(inspectionItems.id, item.id));
    expect(unlinked?.lineId).toBeNull();
    await svc.api('technician').delete(url).expect(200);
  });

  it('refuses to change or remove a finding once the order is invoiced (409)', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'green', 'Horn', null);
    await upload(order.id, item.id, await smallPng('#abc'), 'a.png', 'image/png').expect(201);
    const files = await photoFilesOf(item.id);
    await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(200);
    const url = `/api/repair-orders/${order.id}/inspection/${item.id}/`;
    const changed = await svc.api('technician').put(url).send({ note: 'Late' }).expect(409);
    expect(changed.body.message).toBe('This order is invoiced; its inspection can no longer change');
    const removed = await svc.api('manager').delete(url).expect(409);
    expect(removed.body.message).toMatch(/invoiced/);
    for (const file of files) expect(existsSync(file)).toBe(true);
    const read = await svc.api('service').get(`/api/repair-orders/${order.id}/`).expect(200);
    expect(read.body.inspection).toMatchObject([{ id: item.id, note: null, photos: [{}] }]);
  });

  it('removes a finding while photos of it are uploading: no 5xx, and no row without its files or file without its row', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'yellow', 'Tires and tread depth', '3/32 in');
    const png = await smallPng('#0a0');
    const uploads = Array.from({ length: 4 }, () => upload(order.id, item.id, png, 'tire.png', 'image/png'));
    const first = await uploads[0];
    const removal = svc.api('technician').delete(`/api/repair-orders/${order.id}/inspection/${item.id}/`);
    const answers = await Promise.all([removal, ...uploads.slice(1)]);
    expect(first?.status).toBe(201);
    expect(answers[0]?.status).toBe(200);
    // An upload either went first (its photo then removed with the finding) or found the finding gone.
    for (const answer of answers.slice(1)) expect([201, 404, 409]).toContain(answer.status);
    expect(await svc.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.itemId, item.id))).toEqual([]);
    const named = new Set(
      (await svc.db.select({ file: inspectionPhotos.file }).from(inspectionPhotos)).map((r) => r.file),
    );
    const onDisk = new Set(storedFiles().map(({ file }) => path.basename(file).replace(/(\.thumb)?\.jpg$/, '')));
    expect(onDisk).toEqual(named);
  });

  it('answers 404 and keeps nothing when the finding is removed while the photo is still arriving', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'red', 'Wiper blades', 'Torn');
    const png = await smallPng('#123');
    const boundary = 'carcar-slow-upload';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="w.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const server = svc.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const slow = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/repair-orders/${order.id}/inspection/${item.id}/photos/`,
        headers: {
          ...(await svc.headers('technician')),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + png.length + tail.length),
        },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        slow.on('response', (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
        });
        slow.on('error', reject);
      });
      // The headers and the first half of the photo: the service checks the finding and waits for the rest.
      slow.write(Buffer.concat([head, png.subarray(0, png.length >> 1)]));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await svc.api('service').delete(`/api/repair-orders/${order.id}/inspection/${item.id}/`).expect(200);
      slow.end(Buffer.concat([png.subarray(png.length >> 1), tail]));
      const answer = await answered;
      expect(answer.status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await svc.db.select().from(inspectionPhotos).where(eq(inspectionPhotos.itemId, item.id))).toEqual([]);
    const named = new Set(
      (await svc.db.select({ file: inspectionPhotos.file }).from(inspectionPhotos)).map((r) => r.file),
    );
    const onDisk = new Set(storedFiles().map(({ file }) => path.basename(file).replace(/(\.thumb)?\.jpg$/, '')));
    expect(onDisk).toEqual(named);
  });

  it('records each change and removal in the audit trail, with the photos removed', async () => {
    const order = await newOrder();
    const item = await addItem(order.id, 'red', 'Battery and terminals', 'Corroded');
    const photo = (await upload(order.id, item.id, await smallPng('#def'), 'a.png', 'image/png').expect(201)).body;
    const url = `/api/repair-orders/${order.id}/inspection/${item.id}/`;
    await svc.api('service').put(url).send({ condition: 'yellow', note: 'Cleaned' }).expect(200);
    // A change that changes nothing records nothing.
    await svc.api('service').put(url).send({ condition: 'yellow' }).expect(200);
    await svc.api('technician').delete(url).expect(200);
    const items = await svc.api('manager').get(`/api/audit/?entity=inspection_item&entity_id=${item.id}`).expect(200);
    expect(items.body.entries.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'create',
      'delete',
      'update',
    ]);
    const byAction = (action: string) =>
      items.body.entries.find((entry: { action: string }) => entry.action === action);
    expect(byAction('update')).toMatchObject({
      actor: { role: 'service' },
      changes: { condition: ['red', 'yellow'], note: ['Corroded', 'Cleaned'] },
    });
    expect(byAction('delete')).toMatchObject({
      actor: { role: 'technician' },
      changes: { name: ['Battery and terminals', null], condition: ['yellow', null] },
    });
    const photos = await svc
      .api('manager')
      .get(`/api/audit/?entity=inspection_photo&entity_id=${photo.id}`)
      .expect(200);
    expect(photos.body.entries.map((entry: { action: string }) => entry.action).sort()).toEqual(['create', 'delete']);
    const removal = photos.body.entries.find((entry: { action: string }) => entry.action === 'delete');
    expect(removal).toMatchObject({ actor: { role: 'technician' }, changes: { item_id: [item.id, null] } });
    expect(removal.request_id).toBe(byAction('delete').request_id);
  });
});
