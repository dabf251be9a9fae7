import type { AuditActor, AuditEntry } from '@carcar/common/contract/audit';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEntry } from '../src/lib/audit-words';
import { i18n, i18nReady } from '../src/lib/i18n';

// The trail's words for the workshop, the parts counter and trade-ins: English as it always read
// (the action's verb and the record's kind), Spanish as sentences.

const sid: AuditActor = { kind: 'person', id: '7', name: 'Sid Service', role: 'service' };

function entry(action: string, entity: string, changes: AuditEntry['changes'], reason?: string): AuditEntry {
  return {
    id: 1,
    at: '2027-12-01T10:00:00.000Z',
    actor: sid,
    action,
    entity,
    entity_id: '2',
    changes,
    request_id: 'r',
    ...(reason === undefined ? {} : { reason }),
  };
}

const did = (e: AuditEntry) => describeEntry(e).did;

const entries = {
  written: entry('create', 'repair_order', { status: [null, 'open'] }),
  done: entry('done', 'repair_order', { status: ['in_progress', 'ready'] }),
  decided: entry('decide', 'part', { on_hand: [5, 3] }, 'Decided by Ana (in person)'),
  received: entry('update', 'part', { on_hand: [0, 5] }),
  clocked: entry('clock_on', 'line_clock', {}),
  tradeIn: entry('trade_in', 'automobile', {}, 'trade-in of sale 3'),
  voided: entry('void', 'repair_order', {}, 'duplicate'),
  line: entry('update', 'repair_order_line', { status: ['proposed', 'approved'], kind: ['part', 'labor'] }),
};

afterAll(() => i18n.changeLanguage('en'));

/** After switching to `language`, each entry named reads as the words given (checked by name). */
async function expectReads(language: 'en' | 'es', reads: Partial<Record<keyof typeof entries, string>>) {
  await i18nReady;
  await i18n.changeLanguage(language);
  for (const [name, words] of Object.entries(reads)) {
    expect(did(entries[name as keyof typeof entries]), name).toBe(words);
  }
}

describe('the workshop’s trail', () => {
  it('in English reads as it always did', () =>
    expectReads('en', {
      written: 'added the repair order #2',
      done: 'done: the repair order #2',
      decided: 'decide: the part #2: Decided by Ana (in person)',
      received: 'changed the part #2: the on hand from 0 to 5',
      clocked: 'clock on: the line clock #2',
      tradeIn: 'trade in: the car: trade-in of sale 3',
      line: 'changed the repair order line #2: the status from proposed to approved and the kind from part to labor',
    }));

  it('in Spanish, with the records, steps, fields, values and the server’s known reasons in Spanish', () =>
    expectReads('es', {
      written: 'agregó la orden de reparación #2',
      done: 'completó la orden de reparación #2',
      decided: 'registró la decisión del cliente sobre el repuesto #2: Decidido por Ana (en persona)',
      received: 'modificó el repuesto #2: las existencias de 0 a 5',
      clocked: 'inició el reloj en el registro de tiempo #2',
      tradeIn: 'recibió el vehículo como parte de pago: parte de pago de la venta 3',
      voided: 'anuló la orden de reparación #2: duplicate',
      line: 'modificó la línea #2 de una orden de reparación: el estado de propuesta a aprobada y el tipo de repuesto a mano de obra',
    }));
});
