import type { VinDecoding } from '@carcar/common/contract/inventory';
import { normalizeVin } from '@carcar/common/contract/vin';
import { Button, Checkbox, NativeSelect, Table, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import '../desk.css';
import { Combobox } from '../../../components/combobox';
import { BusyButton, FormError, StateField } from '../../../components/form';
import { VinLink } from '../../../components/vin-link';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useInventoryCar } from '../../../lib/inventory-car';
import { salePath } from '../../../lib/paths';
import { salesKeys } from '../../../lib/query-keys';
import { useCreateSale } from '../api/create-sale';
import { useVinDecoding } from '../api/decode-vin';
import { useCustomers } from '../api/get-customers';
import { useDealSettings } from '../api/get-deal-settings';
import { getSaleableCars, useSaleableCars } from '../api/get-saleable-cars';
import { useSalespeople } from '../api/get-salespeople';
import {
  DEFAULT_APRS,
  type DealFields,
  dealOf,
  emptyTradeIn,
  type FeeRow,
  type Financing,
  GRID_TERMS,
  monthlyCents,
  saleBody,
  type TradeInFields,
} from '../deal-form';
import { personName, type Sale, type SaleableCar } from '../types';
import { NewCustomerDialog } from './new-customer-dialog';

/** Cents in the dealership's money format (the amounts are whole cents, so the double prints exactly). */
const centsText = (cents: number) => formatMoney(cents / 100);

const describeCar = (car: SaleableCar) => `${car.year} ${car.manufacturer} ${car.model}, ${car.color}`;

/** Unsold cars whose VIN, make, model, color or year holds every word typed; the first 10. */
function matchCars(cars: SaleableCar[], query: string): SaleableCar[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return cars
    .filter((car) => {
      const text = `${car.vin} ${describeCar(car)}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .slice(0, 10);
}

type Errors = Record<string, string>;

/** The car being sold as inventory knows it: what a salesperson says to the customer about it. */
function CarFacts({ vin, onListPrice }: { vin: string; onListPrice: (price: number) => void }) {
  const { t } = useTranslation();
  const car = useInventoryCar(vin);
  if (!car.data) return null;
  const c = car.data;
  return (
    <dl className="facts desk-car" aria-label={t('sales:carFacts.label')}>
      <dt>{t('sales:carFacts.car')}</dt>
      <dd>
        {c.year} {c.model.manufacturer.name} {c.model.name}, {c.color} · <VinLink vin={c.vin} />
      </dd>
      <dt>{t('sales:carFacts.condition')}</dt>
      <dd>
        {c.condition === 'used' ? t('sales:condition.used') : t('sales:condition.new')} ·{' '}
        {t('sales:carFacts.miles', { miles: formatNumber(c.odometer) })}
      </dd>
      <dt>{t('sales:carFacts.listPrice')}</dt>
      <dd>
        {c.list_price === null ? (
          t('sales:carFacts.notSet')
        ) : (
          <>
            {formatMoney(c.list_price)}{' '}
            <Button type="button" variant="default" size="compact-sm" onClick={() => onListPrice(c.list_price ?? 0)}>
              {t('sales:carFacts.useListPrice')}
            </Button>
          </>
        )}
      </dd>
      <dt>{t('sales:carFacts.inStock')}</dt>
      <dd className={c.days_in_stock > 60 ? 'fact-warn' : undefined}>
        {t('sales:carFacts.days', { count: c.days_in_stock, days: formatNumber(c.days_in_stock) })}
      </dd>
      {c.cost !== undefined && (
        <>
          <dt>{t('sales:carFacts.cost')}</dt>
          <dd>{c.cost === null ? t('sales:carFacts.unknown') : formatMoney(c.cost)}</dd>
        </>
      )}
    </dl>
  );
}

/** Why a 17-character VIN is not right, in the user's language (the API words it in English). */
function vinProblem(t: TFunction, d: VinDecoding): string {
  if (d.expected_check_digit === null) return t('sales:tradeIn.vinFormat');
  if (!d.check_digit_ok) return t('sales:tradeIn.vinCheckDigit', { digit: d.expected_check_digit });
  return d.problems.join(' ');
}

/** The customer's car: its VIN checked as typed, the model year read from it, a car we sold filled in. */
function TradeInSection({
  trade,
  onChange,
  errors,
}: {
  trade: TradeInFields;
  onChange: (trade: TradeInFields) => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const vin = normalizeVin(trade.vin);
  const decoding = useVinDecoding(vin);
  const known = useInventoryCar(vin.length === 17 ? vin : undefined);
  const set = (key: keyof TradeInFields) => (value: string) => onChange({ ...trade, [key]: value });
  // Fill in what the VIN tells, once, without overwriting what was typed.
  useEffect(() => {
    const years = decoding.data?.valid ? decoding.data.model_years : [];
    const car = known.data;
    if (!car && years.length !== 1) return;
    const filled = {
      year: trade.year || (car ? String(car.year) : years.length === 1 ? String(years[0]) : ''),
      make: trade.make || (car?.model.manufacturer.name ?? ''),
      model: trade.model || (car?.model.name ?? ''),
      color: trade.color || (car?.color ?? ''),
    };
    if (
      filled.year !== trade.year ||
      filled.make !== trade.make ||
      filled.model !== trade.model ||
      filled.color !== trade.color
    ) {
      onChange({ ...trade, ...filled });
    }
  }, [decoding.data, known.data, trade, onChange]);
  const d = decoding.data;
  const vinHint =
    vin.length === 0
      ? t('sales:tradeIn.vinEmpty')
      : vin.length < 17
        ? t('sales:tradeIn.vinTyping', { typed: vin.length })
        : !d
          ? t('sales:tradeIn.vinChecking')
          : !d.valid
            ? vinProblem(t, d)
            : known.data
              ? t('sales:tradeIn.vinKnown', {
                  car: `${known.data.year} ${known.data.model.manufacturer.name} ${known.data.model.name}`,
                })
              : d.model_years.length > 1
                ? t('sales:tradeIn.vinYears', { years: d.model_years.join(t('common:paper.or')) })
                : t('sales:tradeIn.vinRight');
  return (
    <div className="desk-grid">
      <StateField
        id="field-trade_in.vin"
        label={t('sales:tradeIn.vin')}
        value={trade.vin}
        onChange={(value) => set('vin')(value.toUpperCase())}
        error={errors['trade_in.vin']}
        hint={vinHint}
      />
      <StateField
        id="field-trade_in.year"
        label={t('sales:tradeIn.year')}
        value={trade.year}
        inputMode="numeric"
        onChange={set('year')}
        error={errors['trade_in.year']}
      />
      <StateField
        id="field-trade_in.make"
        label={t('sales:tradeIn.make')}
        value={trade.make}
        onChange={set('make')}
        error={errors['trade_in.make']}
      />
      <StateField
        id="field-trade_in.model"
        label={t('sales:tradeIn.model')}
        value={trade.model}
        onChange={set('model')}
        error={errors['trade_in.model']}
      />
      <StateField
        id="field-trade_in.color"
        label={t('sales:tradeIn.color')}
        value={trade.color}
        onChange={set('color')}
        error={errors['trade_in.color']}
      />
      <StateField
        id="field-trade_in.odometer"
        label={t('sales:tradeIn.odometer')}
        value={trade.odometer}
        inputMode="numeric"
        onChange={set('odometer')}
        error={errors['trade_in.odometer']}
      />
      <StateField
        id="field-trade_in.allowance"
        label={t('sales:tradeIn.allowance')}
        value={trade.allowance}
        inputMode="decimal"
        onChange={set('allowance')}
        error={errors['trade_in.allowance']}
        hint={t('sales:tradeIn.allowanceHint')}
      />
      <StateField
        id="field-trade_in.payoff"
        label={t('sales:tradeIn.payoff')}
        value={trade.payoff}
        inputMode="decimal"
        onChange={set('payoff')}
        error={errors['trade_in.payoff']}
        hint={t('sales:tradeIn.payoffHint')}
      />
    </div>
  );
}

let feeKeys = 0;

/** The payment grid: each term × each APR, the monthly payment the sale would store; a cell chooses it. */
function PaymentGrid({
  fields,
  aprs,
  onAprs,
  financing,
  onChoose,
  error,
}: {
  fields: DealFields;
  aprs: string[];
  onAprs: (aprs: string[]) => void;
  financing: Financing | null;
  onChoose: (financing: Financing | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <fieldset className="desk-section" aria-describedby={error ? 'field-financing-error' : undefined}>
      <legend>{t('sales:grid.legend')}</legend>
      <div className="desk-aprs">
        {aprs.map((apr, index) => (
          <TextInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the three rate columns are fixed; a column is its place
            key={index}
            id={`field-apr-${index}`}
            className="field"
            label={t('sales:grid.rate', { n: index + 1 })}
            value={apr}
            inputMode="decimal"
            autoComplete="off"
            mb="sm"
            onChange={(event) => {
              const typed = event.currentTarget.value;
              onAprs(aprs.map((a, i) => (i === index ? typed : a)));
              // A chosen cell follows its column's rate as it is retyped.
              if (financing && financing.apr === apr) onChoose({ ...financing, apr: typed });
            }}
          />
        ))}
      </div>
      <div className="desk-grid-scroll">
        <Table className="payment-grid" aria-describedby={captionId}>
          <caption id={captionId}>{t('sales:grid.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sales:grid.term')}</Table.Th>
              {aprs.map((apr, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the three rate columns are fixed; a column is its place
                <Table.Th scope="col" key={index}>
                  {apr.trim() ? `${apr.trim()} %` : '—'}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {GRID_TERMS.map((term) => (
              <Table.Tr key={term}>
                <Table.Th scope="row">{t('sales:grid.months', { months: term })}</Table.Th>
                {aprs.map((apr, index) => {
                  const cell = { apr, termMonths: term };
                  const monthly = apr.trim() ? monthlyCents(fields, cell) : null;
                  const chosen = financing?.apr === apr && financing.termMonths === term;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the three rate columns are fixed; a column is its place
                    <Table.Td key={index}>
                      {monthly === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <Button
                          type="button"
                          // The chosen cell filled, the others outlined: aria-pressed says which to a screen reader.
                          variant={chosen ? 'filled' : 'default'}
                          className={chosen ? 'grid-cell chosen' : 'grid-cell'}
                          aria-pressed={chosen}
                          aria-label={t('sales:grid.cell', {
                            monthly: centsText(monthly),
                            months: term,
                            apr: apr.trim(),
                          })}
                          data-cents={monthly}
                          onClick={() => onChoose(chosen ? null : cell)}
                        >
                          {centsText(monthly)}
                        </Button>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <p className="desk-choice" aria-live="polite">
        {financing ? (
          <>
            {t('sales:grid.chosen', { months: financing.termMonths, apr: financing.apr.trim() })}{' '}
            <Button type="button" variant="default" size="compact-sm" onClick={() => onChoose(null)}>
              {t('sales:grid.payInFull')}
            </Button>
          </>
        ) : (
          t('sales:grid.noneChosen')
        )}
      </p>
      {error && (
        <small id="field-financing-error" className="field-error">
          {error}
        </small>
      )}
    </fieldset>
  );
}

/** The deal's figures, each as the sale will store it. */
function DealSummary({ fields, financing }: { fields: DealFields; financing: Financing | null }) {
  const { t } = useTranslation();
  const result = dealOf(fields, financing);
  if (!result) return <p className="muted">{t('sales:summary.enterPrice')}</p>;
  const d = result.deal;
  const rows: [string, string][] = [
    [t('sales:summary.price'), centsText(d.price)],
    [t('sales:summary.fees'), centsText(d.fees_total)],
    ...(fields.tradeIn
      ? ([[t('sales:summary.tradeAllowance'), `−${centsText(d.trade_allowance)}`]] as [string, string][])
      : []),
    [t('sales:summary.taxable'), centsText(d.taxable)],
    [t('sales:summary.taxAt', { rate: formatNumber(d.tax_rate / 10_000) }), centsText(d.tax)],
    ...(fields.tradeIn ? ([[t('sales:summary.tradePayoff'), centsText(d.trade_payoff)]] as [string, string][]) : []),
    [t('sales:summary.downPayment'), `−${centsText(d.down_payment)}`],
  ];
  return (
    <section className="desk-summary" aria-label={t('sales:summary.title')}>
      <h2>{t('sales:summary.title')}</h2>
      <dl className="desk-figures">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="desk-total">
          <dt>
            {financing && d.monthly_payment !== null
              ? t('sales:summary.amountFinanced')
              : t('sales:summary.balanceDue')}
          </dt>
          <dd>{centsText(d.amount_financed)}</dd>
        </div>
        {d.monthly_payment !== null && d.total_of_payments !== null && (
          <>
            <div className="desk-total">
              <dt>{t('sales:summary.monthlyPayment')}</dt>
              <dd>
                {centsText(d.monthly_payment)} × {d.term_months}
              </dd>
            </div>
            <div>
              <dt>{t('sales:summary.totalOfPayments')}</dt>
              <dd>{centsText(d.total_of_payments)}</dd>
            </div>
          </>
        )}
      </dl>
    </section>
  );
}

const emptyDeal = (taxRate: string): DealFields => ({
  price: '',
  fees: [],
  taxRate,
  downPayment: '',
  tradeIn: null,
});

/** Field paths of the API's 400 ("trade_in.vin", "fees.0.amount") as the keys of `Errors`. */
function fieldErrors(error: unknown): Errors {
  const errors: Errors = {};
  if (error instanceof ApiError) for (const field of error.fieldErrors) errors[field.path] ??= field.message;
  return errors;
}

/**
 * The sales desk: a salesperson with the customer beside them works the deal (the car, the price,
 * a trade-in, fees, tax, a down payment) and the payment grid answers as they type, with the very
 * cents the sale will store; choosing a cell sets the financing, and Record sale records it all.
 */
export function RecordSalePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const salespeople = useSalespeople({ active: true });
  const customers = useCustomers();
  const settings = useDealSettings();
  const create = useCreateSale();
  const mayAddCustomer = useCan('customers.create');
  const [recorded, setRecorded] = useState<Sale | null>(null);
  const [addingCustomer, setAddingCustomer] = useState(false);
  const [automobile, setAutomobile] = useState('');
  const [salesperson, setSalesperson] = useState('');
  const [customer, setCustomer] = useState('');
  const defaultTax = settings.data ? String(settings.data.tax_rate) : '';
  const [fields, setFields] = useState<DealFields>(emptyDeal(''));
  const [taxTouched, setTaxTouched] = useState(false);
  const [aprs, setAprs] = useState(DEFAULT_APRS);
  const [financing, setFinancing] = useState<Financing | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The dealership's rate fills the tax field until the salesperson types another.
  useEffect(() => {
    if (!taxTouched && settings.data) setFields((f) => ({ ...f, taxRate: String(settings.data.tax_rate) }));
  }, [settings.data, taxTouched]);
  const [newCustomer, setNewCustomer] = useState<number | null>(null);
  useEffect(() => {
    if (newCustomer !== null && customers.data?.some((c) => c.id === newCustomer)) {
      setCustomer(String(newCustomer));
      setNewCustomer(null);
    }
  }, [newCustomer, customers.data]);
  const typedVin = normalizeVin(automobile);
  const cars = useSaleableCars();
  const chosenCar = cars.data?.find((car) => car.vin === typedVin);
  const set = <K extends keyof DealFields>(key: K, value: DealFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const setTrade = useMemo(() => (trade: TradeInFields) => setFields((f) => ({ ...f, tradeIn: trade })), []);
  const setFee = (key: number, change: Partial<FeeRow>) =>
    set(
      'fees',
      fields.fees.map((fee) => (fee.key === key ? { ...fee, ...change } : fee)),
    );
  const financeProblemKey = financing ? dealOf(fields, financing)?.problem : undefined;
  const financeProblem = financeProblemKey === 'nothingToFinance' ? t('sales:grid.nothingToFinance') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const missing: Errors = {};
    if (!typedVin) missing.automobile = t('sales:desk.chooseCar');
    if (!salesperson) missing.salesperson = t('sales:desk.chooseTheSalesperson');
    if (!customer) missing.customer = t('sales:desk.chooseTheCustomer');
    if (!fields.price.trim()) missing.price = t('sales:desk.enterPrice');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setSaving(true);
    try {
      const sale = await create.mutateAsync(
        saleBody({ automobile: typedVin, salesperson, customer }, fields, financing),
      );
      toast.success(t('sales:desk.recorded'));
      setRecorded(sale);
      setAutomobile('');
      setFields(emptyDeal(taxTouched ? fields.taxRate : defaultTax));
      setFinancing(null);
    } catch (error) {
      const placed = fieldErrors(error);
      setErrors(placed);
      const all = error instanceof ApiError && error.status === 400 && Object.keys(placed).length > 0;
      if (!all) setFormError(errorMessage(error));
      else setFormError(t('sales:desk.checkFields'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1>{t('sales:desk.title')}</h1>
      <form onSubmit={submit} noValidate aria-label={t('sales:desk.title')} className="desk">
        <div className="desk-columns">
          <div>
            <fieldset className="desk-section">
              <legend>{t('sales:desk.carAndPeople')}</legend>
              <Combobox<SaleableCar>
                id="field-automobile"
                label={t('sales:desk.automobile')}
                name="automobile"
                value={automobile}
                onChange={setAutomobile}
                error={errors.automobile}
                placeholder={t('sales:desk.automobilePlaceholder')}
                hint={
                  chosenCar ? t('sales:desk.carChosen', { car: describeCar(chosenCar) }) : t('sales:desk.onlyUnsold')
                }
                noMatches={t('sales:desk.noMatches')}
                minLength={1}
                debounceMs={100}
                loadOptions={async (query) =>
                  matchCars(
                    await queryClient.ensureQueryData({
                      queryKey: salesKeys.automobiles.unsold(),
                      queryFn: getSaleableCars,
                    }),
                    query,
                  )
                }
                optionKey={(car) => car.vin}
                optionText={(car) => car.vin}
                renderOption={(car) => (
                  <>
                    <code>{car.vin}</code> · {describeCar(car)}
                  </>
                )}
              />
              {chosenCar && (
                <CarFacts
                  vin={chosenCar.vin}
                  onListPrice={(price) => set('price', (Math.round(price * 100) / 100).toFixed(2))}
                />
              )}
              <div className="desk-grid">
                <NativeSelect
                  id="field-salesperson"
                  className="field"
                  label={t('sales:desk.salesperson')}
                  value={salesperson}
                  error={errors.salesperson}
                  errorProps={{ className: 'field-error' }}
                  onChange={(event) => setSalesperson(event.currentTarget.value)}
                  data={[
                    {
                      value: '',
                      label: salespeople.isLoading
                        ? t('sales:desk.loadingSalespeople')
                        : t('sales:desk.chooseSalesperson'),
                    },
                    ...(salespeople.data ?? []).map((p) => ({ value: String(p.id), label: personName(p) })),
                  ]}
                  mb="sm"
                />
                <div className="inline-actions">
                  {/* mb lines the select up with New customer, which keeps Pico's bottom margin (record.css). */}
                  <NativeSelect
                    id="field-customer"
                    className="field"
                    label={t('sales:desk.customer')}
                    value={customer}
                    error={errors.customer}
                    errorProps={{ className: 'field-error' }}
                    onChange={(event) => setCustomer(event.currentTarget.value)}
                    data={[
                      {
                        value: '',
                        label: customers.isLoading ? t('sales:desk.loadingCustomers') : t('sales:desk.chooseCustomer'),
                      },
                      ...(customers.data ?? []).map((c) => ({
                        value: String(c.id),
                        label: `${personName(c)} · ${c.phone_number}`,
                      })),
                    ]}
                    mb="md"
                  />
                  {mayAddCustomer && (
                    <Button type="button" variant="default" onClick={() => setAddingCustomer(true)}>
                      {t('sales:desk.newCustomer')}
                    </Button>
                  )}
                </div>
              </div>
            </fieldset>

            <fieldset className="desk-section">
              <legend>{t('sales:desk.priceFeesTax')}</legend>
              <div className="desk-grid">
                <StateField
                  id="field-price"
                  label={t('sales:desk.price')}
                  value={fields.price}
                  inputMode="decimal"
                  onChange={(value) => set('price', value)}
                  error={errors.price}
                />
                <StateField
                  id="field-tax_rate"
                  label={t('sales:desk.taxRate')}
                  value={fields.taxRate}
                  inputMode="decimal"
                  onChange={(value) => {
                    setTaxTouched(true);
                    set('taxRate', value);
                  }}
                  error={errors.tax_rate}
                  hint={
                    settings.data
                      ? t('sales:desk.dealershipRate', { rate: settings.data.tax_rate })
                      : t('sales:desk.blankRate')
                  }
                />
                <StateField
                  id="field-down_payment"
                  label={t('sales:desk.downPayment')}
                  value={fields.downPayment}
                  inputMode="decimal"
                  onChange={(value) => set('downPayment', value)}
                  error={errors.down_payment}
                />
              </div>
              <h3 className="desk-subhead">{t('sales:desk.fees')}</h3>
              {errors.fees && <small className="field-error">{errors.fees}</small>}
              {fields.fees.length === 0 && <p className="muted">{t('sales:desk.noFees')}</p>}
              {fields.fees.map((fee, index) => (
                <div className="desk-fee" key={fee.key}>
                  <StateField
                    id={`field-fees.${index}.name`}
                    label={t('sales:desk.fee', { n: index + 1 })}
                    value={fee.name}
                    placeholder={t('sales:desk.feePlaceholder')}
                    onChange={(value) => setFee(fee.key, { name: value })}
                    error={errors[`fees.${index}.name`]}
                  />
                  <StateField
                    id={`field-fees.${index}.amount`}
                    label={t('sales:desk.feeAmount', { n: index + 1 })}
                    value={fee.amount}
                    inputMode="decimal"
                    onChange={(value) => setFee(fee.key, { amount: value })}
                    error={errors[`fees.${index}.amount`]}
                  />
                  <Button
                    type="button"
                    variant="default"
                    aria-label={
                      fee.name
                        ? t('sales:desk.removeNamedFee', { n: index + 1, name: fee.name })
                        : t('sales:desk.removeFee', { n: index + 1 })
                    }
                    onClick={() =>
                      set(
                        'fees',
                        fields.fees.filter((f) => f.key !== fee.key),
                      )
                    }
                  >
                    {t('sales:desk.remove')}
                  </Button>
                </div>
              ))}
              <Button
                type="button"
                variant="default"
                mb="sm"
                onClick={() => set('fees', [...fields.fees, { key: ++feeKeys, name: '', amount: '' }])}
              >
                {t('sales:desk.addFee')}
              </Button>
            </fieldset>

            <fieldset className="desk-section">
              <legend>{t('sales:desk.tradeIn')}</legend>
              <Checkbox
                label={t('sales:desk.tradesIn')}
                checked={fields.tradeIn !== null}
                onChange={(event) => set('tradeIn', event.currentTarget.checked ? { ...emptyTradeIn } : null)}
                mb="sm"
              />
              {fields.tradeIn && <TradeInSection trade={fields.tradeIn} onChange={setTrade} errors={errors} />}
            </fieldset>
          </div>
          <div className="desk-side">
            <DealSummary fields={fields} financing={financing} />
            <PaymentGrid
              fields={fields}
              aprs={aprs}
              onAprs={setAprs}
              financing={financing}
              onChoose={setFinancing}
              error={errors.financing ?? errors['financing.apr'] ?? errors['financing.term_months'] ?? financeProblem}
            />
          </div>
        </div>
        {formError && <FormError>{formError}</FormError>}
        <BusyButton type="submit" busy={saving}>
          {saving ? t('sales:desk.recording') : t('sales:desk.recordSale')}
        </BusyButton>
      </form>
      <output className="new-sale-note" aria-live="polite">
        {recorded && (
          <Trans
            t={t}
            i18nKey="sales:desk.recordedNote"
            values={{ customer: personName(recorded.customer) }}
            components={{
              vin: <VinLink vin={recorded.automobile.vin} />,
              open: <Link to={salePath(recorded.id)} />,
              print: <Link to={`${salePath(recorded.id)}/print`} />,
              list: <Link to={`/sales?new=${recorded.id}`} />,
            }}
          />
        )}
      </output>
      <NewCustomerDialog
        open={addingCustomer}
        onClose={() => setAddingCustomer(false)}
        onAdded={(c) => setNewCustomer(c.id)}
      />
    </>
  );
}
