// The Inventory API's JSON, as the contract defines it for the service and this app alike.
export type { Automobile, Manufacturer, VehicleModel } from '@carcar/common/contract/inventory';
