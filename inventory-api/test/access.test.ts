import { describeAccess } from '@carcar/testing/access';
import { inventoryOpenApi } from '../src/openapi.js';
import { startInventory } from './helpers.js';

describeAccess('inventory-api', () => startInventory(), inventoryOpenApi);
