import { manufacturerBody } from '@carcar/common/contract/inventory';
import type { z } from 'zod';

export { manufacturerBody };
export type ManufacturerInput = z.output<typeof manufacturerBody>;
