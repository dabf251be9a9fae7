import { serviceEnv } from '@carcar/common/service/config';

export const inventoryEnv = serviceEnv(8100);
