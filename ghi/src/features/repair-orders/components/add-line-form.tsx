import { fromUnits, itemAmountCents, laborAmountCents, toCents, toUnits } from '@carcar/common/contract/money';
import type { Technician } from '@carcar/common/contract/service';
import { Fieldset, Group, NativeSelect, Radio } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { toast } from 'sonner';
import { BusyButton, FormError, StateField } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type LineBody, useAddLine } from '../api/add-line';
import { kindLabel, type LineKind, type PartPickerSlot } from '../types';

interface Draft {
  description: string;
  hours: string;
  rate: string;
  part_number: string;
  quantity: string;
  unit_price: string;
  technician: string;
}

type Errors = Partial<Record<keyof Draft | 'form', string>>;

const emptyDraft = (rate: number | undefined): Draft => ({
  description: '',
  hours: '',
  rate: rate === undefined ? '' : rate.toFixed(2),
  part_number: '',
  quantity: '1',
  unit_price: '',
  technician: '',
});

/** A number typed in a box ("$1,234.5" too), or null when it is not one with at most `decimals` places. */
function numberOf(text: string, decimals: number): number | null {
  const units = toUnits(text.trim().replace(/^\$/, '').replace(/,/g, ''), decimals);
  return units === undefined ? null : fromUnits(units, decimals);
}

/** What the line will come to, in cents, by the API's own rule (half-up to the cent); 0 while incomplete. */
function previewCents(kind: LineKind, draft: Draft): number {
  const typed = numberOf(kind === 'labor' ? draft.rate : draft.unit_price, 2);
  const price = typed === null ? undefined : toCents(typed);
  if (price === undefined) return 0;
  if (kind === 'labor') {
    const tenths = toUnits(draft.hours.trim(), 1);
    return tenths === undefined ? 0 : laborAmountCents(tenths, price);
  }
  const quantity = toUnits(draft.quantity.trim(), 2);
  return quantity === undefined ? 0 : itemAmountCents(quantity, price);
}

/** The form's own checks, in words, and the body it sends; the API checks again. */
function check(t: TFunction, kind: LineKind, draft: Draft): { body?: LineBody; errors: Errors } {
  const errors: Errors = {};
  const body: LineBody = { kind };
  const description = draft.description.trim();
  if (description) body.description = description;
  else if (kind !== 'part' || !draft.part_number.trim())
    errors.description = t('repairOrders:addLine.descriptionMissing');
  if (kind === 'labor') {
    const hours = numberOf(draft.hours, 1);
    if (hours === null || hours <= 0) errors.hours = t('repairOrders:addLine.hoursInvalid');
    else body.hours = hours;
    if (draft.rate.trim()) {
      const rate = numberOf(draft.rate, 2);
      if (rate === null) errors.rate = t('repairOrders:addLine.rateInvalid');
      else body.rate = rate;
    }
    if (draft.technician) body.technician = Number(draft.technician);
  } else {
    if (kind === 'part' && draft.part_number.trim()) body.part_number = draft.part_number.trim();
    const quantity = numberOf(draft.quantity, 2);
    if (quantity === null || quantity <= 0) errors.quantity = t('repairOrders:addLine.quantityInvalid');
    else body.quantity = quantity;
    if (draft.unit_price.trim()) {
      const price = numberOf(draft.unit_price, 2);
      if (price === null) errors.unit_price = t('repairOrders:addLine.priceInvalid');
      else body.unit_price = price;
    } else if (kind === 'fee' || !draft.part_number.trim()) {
      errors.unit_price = t('repairOrders:addLine.priceMissing');
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { body, errors };
}

function addedText(t: TFunction, kind: LineKind): string {
  switch (kind) {
    case 'labor':
      return t('repairOrders:addLine.added.labor');
    case 'part':
      return t('repairOrders:addLine.added.part');
    case 'fee':
      return t('repairOrders:addLine.added.fee');
  }
}

function submitText(t: TFunction, kind: LineKind): string {
  switch (kind) {
    case 'labor':
      return t('repairOrders:addLine.submit.labor');
    case 'part':
      return t('repairOrders:addLine.submit.part');
    case 'fee':
      return t('repairOrders:addLine.submit.fee');
  }
}

/**
 * Adding a line: labor (hours × rate, the rate starting at the shop's), a part (from the parts list
 * by number, or described and priced by hand) or a fee. Every new line is proposed until decided.
 */
export function AddLineForm({
  orderId,
  laborRate,
  technicians,
  partPicker: PartPicker,
}: {
  orderId: number;
  laborRate: number | undefined;
  technicians: Technician[] | undefined;
  /** The parts feature's picker, given by the page's composer (app/). */
  partPicker: PartPickerSlot;
}) {
  const { t } = useTranslation();
  const add = useAddLine(orderId);
  const [kind, setKind] = useState<LineKind>('labor');
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(laborRate));
  const [errors, setErrors] = useState<Errors>({});
  const [rateTouched, setRateTouched] = useState(false);
  const ids = useId();
  // The shop's rate arrives after the form is drawn: filled in unless someone typed a rate already.
  const rate = rateTouched || draft.rate !== '' || laborRate === undefined ? draft.rate : laborRate.toFixed(2);
  const set = (name: keyof Draft) => (value: string) => {
    if (name === 'rate') setRateTouched(true);
    setDraft((d) => ({ ...d, rate, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined, form: undefined }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = check(t, kind, { ...draft, rate });
    setErrors(found);
    if (!body) return;
    try {
      await add.mutateAsync(body);
      toast.success(addedText(t, kind));
      setDraft({ ...emptyDraft(laborRate), technician: draft.technician, rate });
    } catch (error) {
      const next: Errors = {};
      if (error instanceof ApiError) {
        for (const field of error.fieldErrors) {
          if (field.path in draft) next[field.path as keyof Draft] = field.message;
        }
      }
      if (Object.keys(next).length === 0) next.form = errorMessage(error);
      setErrors(next);
    }
  };
  const amountCents = previewCents(kind, { ...draft, rate });
  return (
    <section className="ro-add-line ro-panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('repairOrders:addLine.title')}</h2>
      <form onSubmit={submit} noValidate aria-label={t('repairOrders:addLine.title')}>
        <Fieldset legend={t('repairOrders:addLine.kind')} variant="unstyled">
          <Group gap="lg">
            {(['labor', 'part', 'fee'] as const).map((k) => (
              <Radio
                key={k}
                id={`${ids}-kind-${k}`}
                name={`${ids}-kind`}
                label={kindLabel(t, k)}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setErrors({});
                }}
              />
            ))}
          </Group>
        </Fieldset>
        {kind === 'part' && (
          <PartPicker
            id={`${ids}-part`}
            value={draft.part_number}
            onChange={set('part_number')}
            onPick={(part) => {
              setDraft((d) => ({
                ...d,
                rate,
                part_number: part.number,
                description: part.description,
                unit_price: part.price.toFixed(2),
              }));
              setErrors({});
            }}
            error={errors.part_number}
          />
        )}
        <StateField
          id={`${ids}-description`}
          label={t('repairOrders:addLine.description')}
          value={draft.description}
          onChange={set('description')}
          error={errors.description}
        />
        {kind === 'labor' ? (
          <div className="grid">
            <StateField
              id={`${ids}-hours`}
              label={t('repairOrders:addLine.hours')}
              value={draft.hours}
              onChange={set('hours')}
              error={errors.hours}
              inputMode="decimal"
              hint={t('repairOrders:addLine.hoursHint')}
            />
            <StateField
              id={`${ids}-rate`}
              label={t('repairOrders:addLine.rate')}
              value={rate}
              onChange={set('rate')}
              error={errors.rate}
              inputMode="decimal"
              hint={
                laborRate === undefined
                  ? undefined
                  : t('repairOrders:addLine.shopRate', { rate: formatMoney(laborRate) })
              }
            />
            <NativeSelect
              id={`${ids}-technician`}
              className="field"
              label={t('repairOrders:addLine.technician')}
              value={draft.technician}
              error={errors.technician}
              errorProps={{ className: 'field-error' }}
              onChange={(event) => set('technician')(event.currentTarget.value)}
              data={[
                { value: '', label: t('repairOrders:addLine.notAssignedYet') },
                ...(technicians ?? [])
                  .filter((x) => x.active !== false)
                  .map((x) => ({ value: String(x.id), label: `${x.first_name} ${x.last_name}` })),
              ]}
              mb="sm"
            />
          </div>
        ) : (
          <div className="grid">
            <StateField
              id={`${ids}-quantity`}
              label={t('repairOrders:addLine.quantity')}
              value={draft.quantity}
              onChange={set('quantity')}
              error={errors.quantity}
              inputMode="decimal"
            />
            <StateField
              id={`${ids}-price`}
              label={kind === 'part' ? t('repairOrders:addLine.unitPrice') : t('repairOrders:addLine.price')}
              value={draft.unit_price}
              onChange={set('unit_price')}
              error={errors.unit_price}
              inputMode="decimal"
              hint={kind === 'part' ? t('repairOrders:addLine.unitPriceHint') : undefined}
            />
          </div>
        )}
        <p className="muted">
          {t('repairOrders:addLine.amount')} <span className="money">{formatMoney(amountCents / 100)}</span>{' '}
          {t('repairOrders:addLine.amountNote')}
        </p>
        {errors.form && <FormError>{errors.form}</FormError>}
        <BusyButton type="submit" busy={add.isPending}>
          {add.isPending ? t('repairOrders:addLine.adding') : submitText(t, kind)}
        </BusyButton>
      </form>
    </section>
  );
}
