// The VIN rules the browser app shows as a person types: the same code the services validate with.
export { decodeVin, normalizeVin, type VinDecoding } from '../vin/vin.js';
