import { serviceEnv } from '@carcar/common/config';

export const inventoryEnv = serviceEnv(8100);
