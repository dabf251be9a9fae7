// The repair-order answers of the Service API, as the browser app reads them.

export const repairOrderStatuses = ['open', 'estimate', 'in_progress', 'ready', 'invoiced', 'closed', 'void'] as const;
export type RepairOrderStatus = (typeof repairOrderStatuses)[number];
export type LineKind = 'labor' | 'part' | 'fee';
export type LineStatus = 'proposed' | 'approved' | 'declined' | 'done';
export type PaymentMethod = 'cash' | 'card' | 'check' | 'other';

export interface Approval {
  by: 'customer' | 'advisor';
  name: string;
  method: 'link' | 'phone' | 'in_person';
  at: string;
}

export interface RepairLine {
  id: number;
  kind: LineKind;
  description: string;
  hours: number | null;
  rate: number | null;
  part_number: string | null;
  quantity: number | null;
  unit_price: number | null;
  amount: number;
  technician: number | null;
  status: LineStatus;
  approval: Approval | null;
  clocked_hours: number;
  backordered: boolean;
}

export interface Payment {
  id: number;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  at: string;
}

export interface Totals {
  labor: number;
  parts: number;
  fees: number;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  balance: number;
}

export interface RepairOrder {
  id: number;
  vin: string;
  vip: boolean;
  customer: { name: string; phone: string | null; email: string | null };
  mileage: number;
  concern: string;
  appointment: number | null;
  advisor: { id: number; name: string } | null;
  status: RepairOrderStatus;
  lines: RepairLine[];
  inspection: unknown[];
  payments: Payment[];
  totals: Totals;
  created_at: string;
  invoiced_at: string | null;
  closed_at: string | null;
  void_reason: string | null;
}

export interface ShopSettings {
  labor_rate: number;
  tax_rate: number;
}

export const statusLabels: Record<RepairOrderStatus, string> = {
  open: 'Open',
  estimate: 'Estimate sent',
  in_progress: 'In progress',
  ready: 'Ready',
  invoiced: 'Invoiced',
  closed: 'Closed',
  void: 'Void',
};

export const lineStatusLabels: Record<LineStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  declined: 'Declined',
  done: 'Done',
};

export const kindLabels: Record<LineKind, string> = { labor: 'Labor', part: 'Part', fee: 'Fee' };

export const methodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  check: 'Check',
  other: 'Other',
};

/** Once invoiced (or void) an order's write-up and lines never change. */
export const isSettled = (status: RepairOrderStatus) =>
  status === 'invoiced' || status === 'closed' || status === 'void';
