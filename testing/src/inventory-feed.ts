import { type Poller, type PollerOptions, startPoller } from '@carcar/common/sync/poller';
import { testServiceCredential } from './credentials.js';
import { type Stack, startStack } from './stack.js';

/**
 * A real inventory process alone (a stack of no other service), and a poller keeping `name`'s copy
 * from its feed over HTTP with that service's own credential, as the running service reads it.
 * Stop the poller before the stack.
 */
export async function pollRealInventory(
  options: Omit<PollerOptions, 'name' | 'inventoryUrl' | 'credential'> & { name: 'service' | 'sales' },
): Promise<{ stack: Stack<never>; poller: Poller }> {
  const stack = await startStack({ services: [] });
  const poller = startPoller({
    ...options,
    inventoryUrl: stack.processes.inventory.url,
    credential: () => testServiceCredential(`${options.name}-api`, 'inventory-api'),
  });
  return { stack, poller };
}
