import type { DealFields, Financing } from '../src/features/sales/deal-form';

// Deals as a salesperson types them on the desk, with the figures the Sales API stores for them.
// deal-grid-api.test.ts checks these answers against the real API; sales-desk.test.tsx checks the
// payment grid and the deal summary on screen show exactly them.

export interface DeskDeal {
  name: string;
  fields: DealFields;
  financing: Financing;
  /** What `POST /api/sales/` answers as `deal` (dollars). */
  api: { tax: number; amount_financed: number; monthly_payment: number; total_of_payments: number };
}

/** The first desk deal, which sales-desk.test.tsx also records and shows as sale 12. */
export const withTradeIn: DeskDeal = {
  name: 'a used car with a trade-in owing more than its allowance, a fee, tax and a down payment',
  fields: {
    price: '25000',
    fees: [{ key: 1, name: 'Documentation', amount: '500' }],
    taxRate: '7.25',
    downPayment: '1000',
    tradeIn: {
      vin: '',
      year: '2015',
      make: 'Honda',
      model: 'Civic',
      color: 'blue',
      odometer: '98000',
      allowance: '8000',
      payoff: '10000',
    },
  },
  financing: { apr: '5.9', termMonths: 60 },
  api: { tax: 1268.75, amount_financed: 27768.75, monthly_payment: 535.56, total_of_payments: 32133.6 },
};

export const deskDeals: DeskDeal[] = [
  withTradeIn,
  {
    name: 'awkward cents, two fees and a rate with four decimals',
    fields: {
      price: '31999.99',
      fees: [
        { key: 1, name: 'Documentation', amount: '499.95' },
        { key: 2, name: 'Registration', amount: '187.33' },
      ],
      taxRate: '8.875',
      downPayment: '2500.5',
      tradeIn: null,
    },
    financing: { apr: '6.9999', termMonths: 72 },
    api: { tax: 2901, amount_financed: 33087.77, monthly_payment: 564.11, total_of_payments: 40615.92 },
  },
  {
    name: 'zero percent over 36 months',
    fields: { price: '19999.99', fees: [], taxRate: '6', downPayment: '', tradeIn: null },
    financing: { apr: '0', termMonths: 36 },
    api: { tax: 1200, amount_financed: 21199.99, monthly_payment: 588.89, total_of_payments: 21200.04 },
  },
];
