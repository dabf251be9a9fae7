export interface Salesperson {
  id: number;
  first_name: string;
  last_name: string;
  employee_id: string;
}

export interface Customer {
  id: number;
  first_name: string;
  last_name: string;
  address: string;
  phone_number: string;
}

export interface Sale {
  id: number;
  price: number;
  sold_at: string;
  automobile: { vin: string; sold: boolean };
  salesperson: Salesperson;
  customer: Customer;
}

/** A car in the sales service's copy of inventory. */
export interface SaleableCar {
  vin: string;
  sold: boolean;
  year: number;
  color: string;
  model: string;
  manufacturer: string;
}

export const personName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;
