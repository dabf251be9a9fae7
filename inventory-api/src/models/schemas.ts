import { modelCreateBody, modelUpdateBody } from '@carcar/common/contract/inventory';
import type { z } from 'zod';

export { modelCreateBody, modelUpdateBody };

export type ModelCreateInput = z.output<typeof modelCreateBody>;

export type ModelUpdateInput = z.output<typeof modelUpdateBody>;
