import { describeAccess } from '@carcar/testing/access';
import { salesOpenApi } from '../src/openapi.js';
import { startSalesApi } from './helpers.js';

describeAccess('sales-api', () => startSalesApi(), salesOpenApi);
