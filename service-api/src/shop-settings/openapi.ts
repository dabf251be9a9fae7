import { shopSettingsBody } from '@carcar/common/contract/repair-orders';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Operation } from '@carcar/common/http/openapi';

/** The shop settings' operations, for the service's OpenAPI document. */
export const shopSettingsOperations: Operation[] = [
  {
    method: 'get',
    path: serviceApiRoutes.shopSettings.get.path,
    summary:
      "The shop's labor rate (the default rate of a labor line) and tax rate (a percent); $120.00 and 0 until set",
    example: { labor_rate: 120, tax_rate: 8.25 },
  },
  {
    method: 'put',
    path: serviceApiRoutes.shopSettings.update.path,
    summary:
      'Managers: change the labor rate and tax rate (up to 3 decimals); a rate left out keeps its value. Invoiced orders keep their tax rate',
    body: shopSettingsBody,
    example: { labor_rate: 135.5, tax_rate: 8.875 },
  },
];
