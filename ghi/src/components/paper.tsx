import '../print.css';
import type { Automobile } from '@carcar/common/contract/inventory';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, useId } from 'react';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { env } from '../config/env';
import { formatNumber } from '../lib/format';
import { useTranslation } from '../lib/i18n';
import { useInventoryCar } from '../lib/inventory-car';

// The one layout of every paper a customer or the workshop is handed (a buyer's order, a work
// order, an estimate or invoice): the letterhead, sections whose labels and values sit in one grid,
// line-item tables and a totals block. Plain HTML and print.css, no component library: what
// prints must not depend on a theme's screen styles.

const deployed = typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__;

/**
 * The letterhead under the name, from /config.js (the gateway's DEALERSHIP_ADDRESS, already split
 * into lines, and DEALERSHIP_PHONE). Either may be missing (an older gateway, none set): the
 * letterhead then has the name alone rather than the app failing over a paper's heading.
 */
const letterhead = {
  address: z
    .array(z.string().trim())
    .catch([])
    .parse(deployed?.dealershipAddress)
    .filter((line) => line !== ''),
  phone: z.string().trim().min(1).nullable().catch(null).parse(deployed?.dealershipPhone),
};

/**
 * A paper to print: the letterhead (the dealership's name, address and phone; the paper's title,
 * number and date on the right), then its content. On screen a Print button and a way back sit
 * above it; on paper only the sheet shows.
 */
export function Paper({
  title,
  number,
  date,
  back,
  children,
}: {
  title: string;
  /** "Sale #12", "Work order 7". */
  number: string;
  date: string;
  back: { to: string; label: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="paper-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('common:paper.print')}
        </button>
        <Link to={back.to}>{back.label}</Link>
      </div>
      <article className="paper" aria-label={title}>
        <header className="paper-head">
          <div className="paper-letterhead">
            <p className="dealership">{env.DEALERSHIP_NAME}</p>
            {(letterhead.address.length > 0 || letterhead.phone) && (
              <address>
                {letterhead.address.map((line) => (
                  <span key={line}>{line}</span>
                ))}
                {letterhead.phone && <span>{t('common:paper.phoneLine', { phone: letterhead.phone })}</span>}
              </address>
            )}
          </div>
          <div className="paper-title">
            <h1>{title}</h1>
            <p className="paper-meta">
              <span>{number}</span>
              <span>{date}</span>
            </p>
          </div>
        </header>
        {children}
      </article>
    </>
  );
}

/** A section of a paper: its heading, then its content; named by the heading for a screen reader. */
export function PaperSection({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** One label and its value; a falsy entry in a list of them is left out (a fact the paper lacks). */
export interface Fact {
  label: string;
  value: ReactNode;
}

/**
 * Labels and values in the paper's one grid: every section's labels take the same width, so the
 * values start at the same column all down the sheet. The labels of one list are unique.
 */
export function Facts({ facts }: { facts: Array<Fact | false | '' | null | undefined> }) {
  return (
    <dl className="paper-facts">
      {facts
        .filter((fact): fact is Fact => Boolean(fact))
        .map((fact) => (
          <Fragment key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

/** What a paper says of a car, as inventory or sales knows it; null for a car known by its VIN alone. */
export interface PaperCar {
  year: number;
  make: string;
  model: string;
  color: string;
}

/**
 * The car in plain words for a customer: year, make and model, the VIN, the color and the mileage
 * (each when known). Nothing decoded from the VIN: a maker code or a check digit means nothing to
 * whoever signs the paper.
 */
export function vehicleFacts(
  t: TFunction,
  { vin, car, mileage }: { vin: string; car: PaperCar | null | undefined; mileage?: number | null },
): Fact[] {
  const facts: Fact[] = [];
  if (car) facts.push({ label: t('common:paper.vehicle'), value: `${car.year} ${car.make} ${car.model}` });
  facts.push({ label: t('common:paper.vin'), value: <code>{vin}</code> });
  if (car?.color) facts.push({ label: t('common:paper.color'), value: car.color });
  if (mileage !== undefined && mileage !== null) {
    facts.push({ label: t('common:paper.mileage'), value: t('common:paper.miles', { miles: formatNumber(mileage) }) });
  }
  return facts;
}

/** The car a paper names, as inventory knows it, or null for a car it does not hold: lib/inventory-car's query. */
export const usePaperCar = useInventoryCar;

/** An inventory car as a paper says it. */
export const stockCarOnPaper = (car: Automobile | null | undefined): PaperCar | null =>
  car ? { year: car.year, make: car.model.manufacturer.name, model: car.model.name, color: car.color } : null;

/** A column of a line-item table; numeric ones are right-aligned in tabular figures. */
export interface ItemColumn {
  label: string;
  numeric?: boolean;
}

/** A row of a line-item table: one cell a column. */
export interface ItemRow {
  key: string | number;
  cells: ReactNode[];
}

/** Line items: a table whose figures line up down their columns, right-aligned. */
export function LineItems({ label, columns, rows }: { label: string; columns: ItemColumn[]; rows: ItemRow[] }) {
  return (
    <table className="paper-items" aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in their fixed order
              <td key={index} className={columns[index]?.numeric ? 'num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A line of a totals block: its label and its figure, already formatted; a total is drawn bold. */
export interface TotalLine {
  label: string;
  value: string;
  /** A sum the lines above come to (the total, the amount due): bold, with a rule above. */
  total?: boolean;
  note?: string;
}

/**
 * A totals block (subtotal, tax, total, paid, balance, as the paper has them): right of the sheet,
 * its figures right-aligned in one column of tabular numbers.
 */
export function Totals({ label, lines }: { label: string; lines: TotalLine[] }) {
  return (
    <table className="paper-totals" aria-label={label}>
      <tbody>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two fees may share a name; the lines never reorder
          <tr key={`${line.label}-${index}`} className={line.total ? 'paper-total' : undefined}>
            <th scope="row">
              {line.label}
              {line.note && <small>{line.note}</small>}
            </th>
            <td className="num">{line.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lines to sign on, each named: who signs and the date. */
export function SignatureLines({ signers }: { signers: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="paper-signatures" aria-label={t('common:paper.signatures')}>
      {signers.map((signer) => (
        <div key={signer}>
          <p>{t('common:paper.signatureOf', { signer })}</p>
          <p>{t('common:paper.date')}</p>
        </div>
      ))}
    </section>
  );
}
