import { describeAccess } from '@carcar/testing/access';
import { serviceOpenApi } from '../src/openapi.js';
import { startServiceApi } from './helpers.js';

describeAccess('service-api', () => startServiceApi(), serviceOpenApi);
