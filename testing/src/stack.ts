import { callJson } from './http.js';

/** The inventory-api workspace, for tests of the services that read its feed. */
export const inventoryDir = new URL('../../inventory-api/', import.meta.url).pathname;

/** Adds a manufacturer and a model to a running inventory and returns the model id. */
export async function addInventoryModel(inventoryUrl: string, maker = 'Ford', model = 'F-150'): Promise<number> {
  const manufacturer = await callJson<{ id: number }>('POST', `${inventoryUrl}/api/manufacturers/`, { name: maker });
  const created = await callJson<{ id: number }>('POST', `${inventoryUrl}/api/models/`, {
    name: model,
    picture_url: `https://pictures.example/${model}.jpg`,
    manufacturer_id: manufacturer.id,
  });
  return created.id;
}
