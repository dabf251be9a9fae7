import type { TFunction } from 'i18next';
import type { Column } from '../../../components/data-table';
import { formatMoney, formatMonth, formatNumber } from '../../../lib/format';

// The reports' tables are mostly a month and figures: each column written once here, so a month
// reads and sorts the same in every report, and a figure the API leaves out reads as a dash.

/** The row's month in words ("March 2026"), sorted in time. */
export const monthColumn = <T extends { month: string }>(header: string): Column<T> => ({
  key: 'month',
  header,
  cell: (row) => formatMonth(row.month),
  sortValue: (row) => row.month,
});

/** A salesperson, with their employee number to tell two of one name apart; sorted by name. */
export const salespersonColumn = <T extends { salesperson: string; employee_id: string }>(
  header: string,
): Column<T> => ({
  key: 'salesperson',
  header,
  cell: (row) => `${row.salesperson} (${row.employee_id})`,
  sortValue: (row) => row.salesperson,
});

/**
 * A figure, formatted, sorted by its value. `null` (an average of no sales, a rate with no hours)
 * reads "—" and sorts below every figure.
 */
export const figureColumn = <T>(
  key: string,
  header: string,
  value: (row: T) => number | null,
  format: (value: number) => string,
): Column<T> => ({
  key,
  header,
  cell: (row) => {
    const figure = value(row);
    return figure === null ? '—' : format(figure);
  },
  sortValue: (row) => value(row) ?? -1,
});

/** What a group of sales (a month's, a salesperson's) came to: how many, the revenue, the average price. */
export const salesFigureColumns = <T extends { sales: number; revenue: number; average_price: number | null }>(
  t: TFunction,
): Column<T>[] => [
  figureColumn<T>('sales', t('reports:sales.sales'), (row) => row.sales, formatNumber),
  figureColumn<T>('revenue', t('reports:sales.revenue'), (row) => row.revenue, formatMoney),
  figureColumn<T>('average', t('reports:sales.averagePrice'), (row) => row.average_price, formatMoney),
];
