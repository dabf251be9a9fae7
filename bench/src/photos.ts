import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { rssMb } from '@carcar/testing/processes';
import sharp from 'sharp';
import { round, type Spread, spread } from './load.js';
import type { Stack } from './stack.js';

// Inspection photos (third round): a phone's 3 MB JPEG uploaded to an inspection item, which
// service-api checks, turns upright, scales to 1600 px, re-encodes with a thumbnail and stores.
// Target: ≥ 20 uploads/s on the machine's 2 cores, and service-api's resident memory flat across
// 500 uploads (read at the start and after 100, 300 and 500).

export const PHOTO_UPLOADS = 500;
/** Uploads in flight at once: a few technicians' phones, enough to keep both cores busy. */
const PHOTO_CONCURRENCY = 4;
/** When service-api's RSS is read, in uploads done. */
const RSS_CHECKPOINTS = [0, 100, 300, 500];
/** "Flat": from 100 uploads (libvips' and the allocator's pools warm) to 500, at most this much more. */
const MAX_RSS_GROWTH_MB = 50;

export interface PhotoUploadResult {
  photoBytes: number;
  uploadsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  uploads: number;
  errors: number;
  /** service-api's RSS in MB at each checkpoint, one row per run. */
  rssMb: Array<Record<number, number>>;
  /** The most RSS grew from 100 to 500 uploads in any run, MB. */
  rssGrowthMb: number;
  target: string;
  met: boolean;
}

/**
 * A 12 MP photo (4000 × 3000) of noise at quality 92, 2.9 MB: the size of a phone's photo, which
 * the decoder and resizer must take whole whatever it shows. Gaussian noise of sigma 7 gives the
 * size (sigma 24 would be 6.6 MB). Made at run time, never stored in the repo.
 */
export async function makeTestJpeg(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 120, g: 110, b: 100 },
      noise: { type: 'gaussian', mean: 120, sigma: 7 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function newInspectionItem(stack: Stack): Promise<{ orderId: number; itemId: number }> {
  const order = await stack.call<{ id: number }>('service', 'POST', pathTo(serviceApiRoutes.repairOrders.create), {
    vin: '1C3CC5FB2AN120174',
    customer: { name: 'Bench Customer' },
    mileage: 42_000,
    concern: 'Brakes grind',
  });
  const item = await stack.call<{ id: number }>(
    'service',
    'POST',
    pathTo(serviceApiRoutes.inspection.start, { id: order.id }),
    {
      name: 'Front brakes',
      condition: 'red',
      note: 'Pads at 2 mm',
    },
  );
  return { orderId: order.id, itemId: item.id };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** One run of `PHOTO_UPLOADS` uploads, `PHOTO_CONCURRENCY` at a time, reading RSS at the checkpoints. */
async function runOnce(stack: Stack, photo: Buffer, log: (text: string) => void) {
  const { orderId, itemId } = await newInspectionItem(stack);
  const pid = stack.processes.service.pid;
  const rss: Record<number, number> = { 0: round(rssMb(pid)) };
  log(`service-api RSS at start: ${rss[0]} MB`);
  const latencies: number[] = [];
  let errors = 0;
  let done = 0;
  let next = 0;
  const blob = new Blob([new Uint8Array(photo)], { type: 'image/jpeg' });
  const uploadUrl = `${stack.service}${pathTo(serviceApiRoutes.inspection.addPhoto, { id: orderId, item: itemId })}`;
  const started = performance.now();
  const worker = async () => {
    while (next < PHOTO_UPLOADS) {
      next++;
      const form = new FormData();
      form.append('photo', blob, 'engine-bay.jpg');
      const sent = performance.now();
      try {
        const res = await fetch(uploadUrl, {
          method: 'POST',
          headers: stack.credentials.service(),
          body: form,
        });
        await res.arrayBuffer();
        if (res.status !== 201) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
      done++;
      if (RSS_CHECKPOINTS.includes(done)) {
        rss[done] = round(rssMb(pid));
        log(`service-api RSS after ${done} uploads: ${rss[done]} MB`);
      }
    }
  };
  await Promise.all(Array.from({ length: PHOTO_CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    uploadsPerSecond: round(PHOTO_UPLOADS / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    errors,
    rss,
  };
}

export async function photoUploads(
  stack: Stack,
  runs: number,
  log: (text: string) => void,
): Promise<PhotoUploadResult> {
  const photo = await makeTestJpeg();
  log(`test photo: 4000 × 3000 px, ${(photo.length / 2 ** 20).toFixed(2)} MB`);
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(stack, photo, log));
  const uploadsPerSecond = spread(results.map((r) => r.uploadsPerSecond));
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const rssGrowthMb = round(Math.max(...results.map((r) => (r.rss[500] ?? 0) - (r.rss[100] ?? 0))));
  return {
    photoBytes: photo.length,
    uploadsPerSecond,
    p50Ms: spread(results.map((r) => r.p50Ms)),
    p99Ms: spread(results.map((r) => r.p99Ms)),
    uploads: runs * PHOTO_UPLOADS,
    errors,
    rssMb: results.map((r) => r.rss),
    rssGrowthMb,
    target: `≥ 20 uploads/s, RSS from 100 to ${PHOTO_UPLOADS} uploads grows < ${MAX_RSS_GROWTH_MB} MB, 0 errors`,
    met: uploadsPerSecond.median >= 20 && rssGrowthMb < MAX_RSS_GROWTH_MB && errors === 0,
  };
}
