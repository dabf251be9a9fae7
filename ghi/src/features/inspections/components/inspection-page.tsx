import '../inspections.css';
import {
  type InspectionCondition,
  type InspectionItem,
  inspectionConditions,
} from '@carcar/common/contract/inspections';
import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { Button, Code, Fieldset, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { DetailPage, DetailSection, SectionLink } from '../../../components/detail-page';
import { FormError } from '../../../components/form';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useInspectionTemplate } from '../api/get-inspection-template';
import { useRepairOrder } from '../api/get-repair-order';
import { useAddInspectionItem } from '../api/inspection';
import { conditionLabels } from '../conditions';
import { inspectionClosed } from '../order-closed';
import { problemOf } from '../problem';
import { ConditionChoices } from './condition-choices';
import { FindingCard } from './finding-card';
import { FindingName, FindingNote } from './finding-fields';

/** Whether a finding is already a line: the line the API makes is named after it ("Front brakes: 2 mm"). */
export function lineFor(order: RepairOrder, item: InspectionItem): boolean {
  return order.lines.some((line) => line.description === item.name || line.description.startsWith(`${item.name}: `));
}

/**
 * Recording one checklist item: the three conditions as big chips, then a note and Save. Nothing is
 * sent until Save, so a mis-tapped chip costs nothing (a saved finding is changed with its Edit).
 */
function RecordItem({ orderId, name, custom = false }: { orderId: number; name?: string; custom?: boolean }) {
  const { t } = useTranslation('inspections');
  const labels = conditionLabels(t);
  const add = useAddInspectionItem(orderId);
  const ids = useId();
  const [condition, setCondition] = useState<InspectionCondition | null>(null);
  const [note, setNote] = useState('');
  const [customName, setCustomName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const itemName = custom ? customName.trim() : (name ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!itemName) return setProblem(t('inspections:record.nameMissing'));
    if (!condition) return setProblem(t('inspections:record.conditionMissing'));
    setProblem(null);
    try {
      await add.mutateAsync({ name: itemName, condition, note: note.trim() || undefined });
      toast.success(t('inspections:record.saved', { name: itemName, condition: labels[condition].toLowerCase() }));
      setCondition(null);
      setNote('');
      setCustomName('');
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const legend = custom ? t('inspections:record.somethingElse') : itemName;
  return (
    // The chosen condition's class colours the card's edge as the saved findings' cards are (inspections.css).
    <form className={`record-item${condition ? ` chosen ${condition}` : ''}`} onSubmit={submit} noValidate>
      <Fieldset legend={legend} radius="md" p="sm">
        <Stack gap="xs">
          {custom && <FindingName value={customName} onChange={setCustomName} />}
          <ConditionChoices
            name={`${ids}-condition`}
            findingName={legend}
            condition={condition}
            onChange={setCondition}
          />
          {condition && (
            <>
              <FindingNote condition={condition} value={note} onChange={setNote} />
              {/* Large and the sheet's whole width: tapped with a thumb, a gloved one at that. */}
              <Button type="submit" size="lg" fullWidth loading={add.isPending}>
                {itemName ? t('inspections:record.save', { name: itemName }) : t('inspections:record.saveItem')}
              </Button>
            </>
          )}
          {problem && <FormError mb={0}>{problem}</FormError>}
        </Stack>
      </Fieldset>
    </form>
  );
}

function Tally({ order, checklist }: { order: RepairOrder; checklist: string[] }) {
  const { t } = useTranslation('inspections');
  const labels = conditionLabels(t);
  const count = (c: InspectionCondition) => order.inspection.filter((i) => i.condition === c).length;
  const recorded = new Set(order.inspection.map((i) => i.name));
  const checked = checklist.filter((name) => recorded.has(name)).length;
  return (
    // Said again as each finding is saved: the technician hears how far along the sheet is.
    <Group component="p" gap="xs" className="inspection-tally" aria-live="polite" mb="sm">
      <strong>{t('inspections:sheet.tally', { checked, total: checklist.length })}</strong>
      {inspectionConditions.map((c) => (
        <span key={c} className={`tally ${c}`}>
          {count(c)} {labels[c].toLowerCase()}
        </span>
      ))}
    </Group>
  );
}

/**
 * The technician's inspection sheet, made for a phone in one hand: the shop's checklist top to
 * bottom, each item a row of big condition chips; a recorded item shows its photos, a camera
 * button and, when yellow or red, "Add to estimate".
 */
export function InspectionPage() {
  const { t } = useTranslation('inspections');
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const order = useRepairOrder(id);
  const template = useInspectionTemplate();
  const mayPropose = useCan('repair_orders.propose');
  const mayChangeChecklist = useCan('shop.settings');
  const sheet = useRef<HTMLDivElement>(null);
  // DetailPage's heading takes no ref: it is found in the sheet, and made focusable from code only
  // (tabIndex -1) when the focus has to land on it.
  const focusHeading = () => {
    const h1 = sheet.current?.querySelector('h1');
    if (!h1) return;
    h1.tabIndex = -1;
    h1.focus();
  };
  if (isMissingRecord(id, order.error)) {
    return (
      <NotFound title={t('inspections:sheet.notFound')}>
        {t('inspections:sheet.noSuch', { id: rawId })} <Link to="/">{t('inspections:sheet.backToStart')}</Link>.
      </NotFound>
    );
  }
  if (order.isLoading || template.isLoading) return <Loading label={t('inspections:sheet.loading')} />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  if (template.error || !template.data) return <ErrorState error={template.error} retry={() => template.refetch()} />;
  const o = order.data;
  const writable = mayPropose && !inspectionClosed(o);
  const checklist = template.data.items.map((i) => i.name);
  const onList = new Set(checklist);
  const others = o.inspection.filter((i) => !onList.has(i.name));
  const card = (item: InspectionItem) => (
    <FindingCard
      key={item.id}
      orderId={o.id}
      item={item}
      onEstimate={lineFor(o, item)}
      mayPropose={writable}
      // The deleted card took the focus with it: the sheet's heading has it next, not the page's start.
      onRemoved={focusHeading}
    />
  );
  return (
    // The sheet keeps a phone's column even on a desk: one item under the other, read top to bottom.
    <div className="inspection-sheet" ref={sheet}>
      <DetailPage
        crumbs={[
          { label: t('inspections:sheet.repairOrder', { id: o.id }), to: `/service/repair-orders/${o.id}` },
          { label: t('inspections:sheet.inspection') },
        ]}
        title={t('inspections:sheet.title', { id: o.id })}
        subtitle={
          <>
            {o.customer.name} · <Code style={{ whiteSpace: 'nowrap' }}>{o.vin}</Code> ·{' '}
            {t('inspections:sheet.miles', { mileage: formatNumber(o.mileage) })}
          </>
        }
      >
        {!writable && (
          <Text size="sm" c="dimmed" role="status">
            {inspectionClosed(o) ? t('inspections:sheet.closed') : t('inspections:sheet.readOnly')}
          </Text>
        )}
        <DetailSection
          title={t('inspections:sheet.checklist')}
          actions={
            mayChangeChecklist && (
              <SectionLink to="/service/inspection-checklist">{t('inspections:sheet.changeChecklist')}</SectionLink>
            )
          }
        >
          <Tally order={o} checklist={checklist} />
          <ol className="inspection-list" aria-label={t('inspections:sheet.checklist')}>
            {checklist.map((name) => {
              const found = o.inspection.filter((i) => i.name === name);
              return (
                <li key={name}>
                  {found.map(card)}
                  {found.length === 0 && writable && <RecordItem orderId={o.id} name={name} />}
                  {found.length === 0 && !writable && (
                    <p className="finding unchecked">
                      <strong>{name}</strong>{' '}
                      <Text span size="sm" c="dimmed">
                        {t('inspections:sheet.notChecked')}
                      </Text>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </DetailSection>
        {(others.length > 0 || writable) && (
          <DetailSection title={t('inspections:sheet.otherFindings')}>
            {others.map(card)}
            {writable && <RecordItem orderId={o.id} custom />}
          </DetailSection>
        )}
        <Group>
          <Button component={Link} to={`/service/repair-orders/${o.id}`} variant="default" size="md">
            {t('inspections:sheet.back', { id: o.id })}
          </Button>
        </Group>
      </DetailPage>
    </div>
  );
}
