// The Sales API's answers are typed once, in the contract the API itself answers with.
export type { Customer, Sale, SaleableCar, Salesperson } from '@carcar/common/contract/sales';

export const personName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;
