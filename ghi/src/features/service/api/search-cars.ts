import { inventoryRoutes, salesRoutes } from '@carcar/common/contract/routes';
import { inventoryApi, salesApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';

/** A car the booking form suggests: from our inventory (so VIP), with its current owner if sold. */
export interface CarSuggestion {
  vin: string;
  description: string;
  sold: boolean;
  owner: string | null;
}

async function ownerOf(vin: string, signal: AbortSignal): Promise<string | null> {
  const { sales } = await callRoute(salesApi, salesRoutes.sales.list, { params: { vin }, signal });
  const sale = sales.find((s) => s.automobile.vin === vin && !s.voided_at);
  return sale ? `${sale.customer.first_name} ${sale.customer.last_name}` : null;
}

/**
 * Inventory cars whose VIN (or model) matches what is typed, with the owner of each sold one. An
 * owner the sales service cannot say (it is down) is left out rather than failing the suggestions.
 */
export async function searchCars(q: string, signal: AbortSignal): Promise<CarSuggestion[]> {
  const { autos } = await callRoute(inventoryApi, inventoryRoutes.automobiles.list, {
    params: { q, limit: 6 },
    signal,
  });
  return Promise.all(
    autos.map(async (car) => ({
      vin: car.vin,
      description: `${car.year} ${car.color} ${car.model.manufacturer.name} ${car.model.name}`,
      sold: car.sold,
      owner: car.sold ? await ownerOf(car.vin, signal).catch(() => null) : null,
    })),
  );
}
