import {
  fromCents,
  fromUnits,
  isBilled,
  itemAmountCents,
  laborAmountCents,
  QUANTITY_UNITS,
  RATE_UNITS_PER_PERCENT,
  toCents,
  toUnits,
} from '@carcar/common/contract/money';
import { allowsOwn } from '@carcar/common/contract/permissions';
import type {
  ApprovalMethod,
  ApprovalsInput,
  EstimateLink,
  LineCreateInput,
  LineUpdateInput,
  PaymentInput,
  PublicDecisionsInput,
  PublicEstimate,
  RepairOrder,
  RepairOrderCreateInput,
  RepairOrderLine,
  RepairOrderStatus,
  RepairOrderUpdateInput,
} from '@carcar/common/contract/repair-orders';
import type { WebhookEventType } from '@carcar/common/contract/webhooks';
import type { RequestContext } from '@carcar/common/db/audit';
import { type AuditContext, auditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { AppError, conflict, type FieldError, invalid, invalidField, notFound } from '@carcar/common/errors';
import { emitEvent } from '@carcar/common/events/table';
import { forbiddenFor } from '@carcar/common/http/authorize';
import { eq } from 'drizzle-orm';
import { queueApprovalLink, queueCarReady } from '../db/mail.js';
import { appointments, events } from '../db/schema.js';
import { laborRateCentsOf, readShopRates } from '../db/shop-settings.js';
import { approvalUrl, hashApprovalToken, isTokenShaped, newApprovalToken } from './approval-token.js';
import { inspectionJson, lineJson, orderJson, publicEstimateJson, totalsOf } from './json.js';
import { findPart } from './part-lookup.js';
import type { RepairOrderListQuery } from './schemas.js';
import { type LineInsert, type LineRow, type OrderRow, repairOrderStatements } from './statements.js';
import { noStockHooks, onOrderVoided, onPartLinesApproved, type StockHooks } from './stock-hooks.js';

/** The statuses in which an order is still being worked: lines, approvals and edits are allowed. */
const WORKING: readonly RepairOrderStatus[] = ['open', 'estimate', 'in_progress', 'ready'];

export interface RepairOrderOptions {
  /** The gateway's address as customers reach it (`CARCAR_PUBLIC_URL`): approval links start with it. */
  publicUrl: string;
  /** The parts counter's stock take (stock-hooks.ts); none unless given. */
  stock?: StockHooks;
}

/** Who decided a line, and how: an advisor recording it, or the customer through the link. */
interface Approval {
  by: 'customer' | 'advisor';
  name: string;
  method: ApprovalMethod;
  /** The customer's address, for the audit trail (link decisions only). */
  address: string | null;
}

function lineLabel(line: Pick<LineRow, 'id' | 'description'>): string {
  return `line ${line.id} (${line.description})`;
}

/** The next status from the lines, for an order still being worked; others keep theirs. */
export function progressedStatus(
  status: RepairOrderStatus,
  lines: readonly Pick<LineRow, 'status'>[],
): RepairOrderStatus {
  if (!WORKING.includes(status)) return status;
  const billed = lines.filter((line) => isBilled(line.status));
  if (billed.length === 0) return status;
  return billed.every((line) => line.status === 'done') ? 'ready' : 'in_progress';
}

function notWorking(order: Pick<OrderRow, 'id' | 'status'>, doing: string): AppError {
  const why =
    order.status === 'void'
      ? 'it is void'
      : order.status === 'closed'
        ? 'it is closed'
        : order.status === 'invoiced'
          ? 'it is invoiced'
          : `it is ${order.status}`;
  return conflict(`Repair order ${order.id} cannot ${doing}: ${why}`, { status: order.status });
}

/** The part of a write that must fail as a 400 on its field rather than a 500. */
function requireField(errors: FieldError[], value: unknown, path: string, message: string): void {
  if (value === undefined || value === null || value === '') errors.push({ path, message });
}

/** How often a line is priced again when the shop's labor rate changes as it is written. */
const RATE_CHANGE_ATTEMPTS = 3;

export function repairOrderUseCases(db: Db, options: RepairOrderOptions) {
  const statements = repairOrderStatements(db);
  /**
   * The shop's labor rate as this process last read it (null: none saved; undefined: not read yet).
   * A labor line priced at it is written only while it is still the rate, so a manager's change on
   * another replica costs one more read, never a line at the old rate.
   */
  let lastLaborRate: string | null | undefined;
  const stock = options.stock ?? noStockHooks;

  async function loadJson(ids: readonly number[]): Promise<RepairOrder[]> {
    const details = await statements.details(ids);
    return details.map((one) => orderJson(one, inspectionJson(one, { kind: 'staff' }), one.rates.taxRateUnits));
  }

  async function get(id: number): Promise<RepairOrder> {
    const [order] = await loadJson([id]);
    if (!order) throw notFound();
    return order;
  }

  async function getLine(orderId: number, lineId: number): Promise<RepairOrderLine> {
    const [details] = await statements.details([orderId]);
    const line = details?.lines.find((one) => one.id === lineId);
    if (!details || !line) throw notFound();
    return lineJson(line, details.clockedSeconds.get(line.id));
  }

  /** Runs `work` on the locked order inside one audited transaction; 404 when there is no such order. */
  function onOrder<T>(id: number, audit: AuditContext, work: (tx: Db, order: OrderRow) => Promise<T>): Promise<T> {
    return audited(db, audit, async (tx) => {
      const order = await statements.lockOrder(tx, id);
      if (!order) throw notFound();
      return work(tx, order);
    });
  }

  function emit(tx: Db, type: WebhookEventType, order: OrderRow, extra: Record<string, unknown> = {}) {
    return emitEvent(tx, events, {
      type,
      entity: 'repair_order',
      entityId: order.id,
      data: { id: order.id, vin: order.vin, ...extra },
    });
  }

  /** Moves the order to the status its lines now call for, with the events of the move. */
  async function progress(tx: Db, order: OrderRow): Promise<RepairOrderStatus> {
    const next = progressedStatus(order.status, await statements.lines(tx, order.id));
    if (next !== order.status) {
      await statements.setStatus(tx, order.id, next);
      if (next === 'ready') {
        await emit(tx, 'repair_order.ready', order, { status: next });
        await queueCarReady(tx, order);
      }
    }
    return next;
  }

  /**
   * A line's stored values from the request and, on a change, the line as it was: the amount is
   * computed here, half-up to the cent, with the shop's labor rate for a labor line without one.
   */
  async function pricedLine(
    tx: Db,
    kind: LineRow['kind'],
    input: LineUpdateInput,
    before: LineRow | undefined,
    /** The shop's labor rate when the caller has read it already (null: none saved, the default applies). */
    shopLaborRate?: string | null,
  ): Promise<Omit<LineInsert, 'repairOrderId'>> {
    const pick = <K extends keyof LineUpdateInput>(key: K, old: LineUpdateInput[K]): LineUpdateInput[K] =>
      input[key] === undefined ? old : input[key];
    const errors: FieldError[] = [];
    const technician = pick('technician', before?.technicianId ?? null) ?? null;
    if (technician !== null && !(await statements.technicianExists(tx, technician))) {
      errors.push({ path: 'technician', message: 'Choose a technician from the list' });
    }
    let description = pick('description', before?.description ?? null);
    if (kind === 'labor') {
      const hours = pick('hours', before?.hours ?? null);
      let rate = pick('rate', before?.rate ?? null);
      if (rate === null || rate === undefined) {
        const cents =
          shopLaborRate === undefined ? (await readShopRates(tx)).laborRateCents : laborRateCentsOf(shopLaborRate);
        rate = fromCents(cents).toFixed(2);
      }
      requireField(errors, description, 'description', 'Describe the work');
      requireField(errors, hours, 'hours', 'Enter the hours, such as 1.5');
      if (errors.length > 0) throw invalid(errors);
      const hoursTenths = toUnits(hours as string, 1) as number;
      const rateCents = toCents(rate) as number;
      return {
        kind,
        description: description as string,
        hours: hours as string,
        rate,
        partNumber: null,
        quantity: '1',
        unitPrice: null,
        amount: fromCents(laborAmountCents(hoursTenths, rateCents)).toFixed(2),
        technicianId: technician,
      };
    }
    const partNumber = kind === 'part' ? (pick('part_number', before?.partNumber ?? null) ?? null) : null;
    let unitPrice = pick('unit_price', before?.unitPrice ?? null);
    const quantity = pick('quantity', before?.quantity ?? null) ?? '1';
    const known = partNumber && input.part_number !== undefined ? await findPart(tx, partNumber) : undefined;
    if (known) {
      description = input.description ?? description ?? known.description;
      unitPrice = input.unit_price ?? unitPrice ?? fromCents(known.priceCents).toFixed(2);
    }
    const what = kind === 'part' ? 'part' : 'fee';
    requireField(
      errors,
      description,
      'description',
      kind === 'part' ? 'Describe the part, or give a part number from the parts list' : 'Describe the fee',
    );
    requireField(
      errors,
      unitPrice,
      'unit_price',
      kind === 'part' ? 'Enter the unit price, or give a part number from the parts list' : `Enter the ${what}'s price`,
    );
    if (errors.length > 0) throw invalid(errors);
    const quantityUnits = toUnits(quantity, Math.log10(QUANTITY_UNITS)) as number;
    const unitCents = toCents(unitPrice as string) as number;
    return {
      kind,
      description: description as string,
      hours: null,
      rate: null,
      partNumber,
      quantity,
      unitPrice: unitPrice as string,
      amount: fromCents(itemAmountCents(quantityUnits, unitCents)).toFixed(2),
      technicianId: technician,
    };
  }

  /**
   * Records each decision on the locked order, in its transaction: only lines of this order (400
   * otherwise, never touching another order's line), only proposed ones (409 for a decided line),
   * then the stock take for approved parts and the order's next status.
   */
  async function decide(
    tx: Db,
    order: OrderRow,
    decisions: ReadonlyArray<{ line: number; approved: boolean }>,
    approval: Approval,
    audit: AuditContext,
  ): Promise<void> {
    if (!WORKING.includes(order.status)) throw notWorking(order, 'take decisions');
    const lines = await statements.lines(tx, order.id);
    const byId = new Map(lines.map((line) => [line.id, line]));
    const unknown: FieldError[] = [];
    decisions.forEach((decision, index) => {
      if (!byId.has(decision.line)) {
        unknown.push({ path: `decisions.${index}.line`, message: `There is no line ${decision.line} on this order` });
      }
    });
    if (unknown.length > 0) throw invalid(unknown);
    const decided = decisions
      .map((decision) => byId.get(decision.line) as LineRow)
      .filter((l) => l.status !== 'proposed');
    if (decided.length > 0) {
      const list = decided.map((line) => `${lineLabel(line)} is already ${line.status}`).join('; ');
      throw conflict(`A decided line cannot be decided again: ${list}`, { lines: decided.map((line) => line.id) });
    }
    const approvedLines: LineRow[] = [];
    for (const decision of decisions) {
      await statements.updateLine(tx, decision.line, {
        status: decision.approved ? 'approved' : 'declined',
        approvalBy: approval.by,
        approvalName: approval.name,
        approvalMethod: approval.method,
        approvalAt: new Date(),
        approvalAddress: approval.address,
      });
      if (decision.approved) approvedLines.push(byId.get(decision.line) as LineRow);
    }
    await onPartLinesApproved(
      stock,
      tx,
      approvedLines.map((line) => ({ ...line, quantity: line.quantity })),
      audit,
    );
    if (approvedLines.length > 0) {
      await emit(tx, 'repair_order.approved', order, { lines: approvedLines.map((line) => line.id), by: approval.by });
    }
    await progress(tx, order);
  }

  /** The order behind an approval token: 404 for one never given (or replaced), 410 once expired. */
  async function orderOfToken(token: string): Promise<OrderRow> {
    if (!isTokenShaped(token)) throw notFound();
    const order = await statements.findByTokenHash(hashApprovalToken(token));
    if (!order) throw notFound();
    if (!order.approvalExpiresAt || order.approvalExpiresAt.getTime() <= Date.now()) {
      throw new AppError(410, 'gone', 'This approval link has expired; ask the service advisor to send a new one');
    }
    return order;
  }

  /** The customer's view; its photos are linked through the customer's own `token`. */
  /** The customer's view, and the tax rate (a percent) their page computes a new total with. */
  async function publicEstimate(
    orderId: number,
    token: string,
  ): Promise<{ estimate: PublicEstimate; taxRate: number }> {
    const [details] = await statements.details([orderId]);
    if (!details) throw notFound();
    const { rates } = details;
    const taxRateUnits =
      details.order.taxRate === null ? rates.taxRateUnits : (toUnits(details.order.taxRate, 3) ?? rates.taxRateUnits);
    return {
      estimate: publicEstimateJson(details, inspectionJson(details, { kind: 'public', token }), rates.taxRateUnits),
      taxRate: fromUnits(taxRateUnits, 3),
    };
  }

  /**
   * The line a technician works: 404 unless it is on the order; 403 unless the actor may work it
   * (a technician only their own lines); and the technician whose clock it is.
   */
  function workedBy(context: RequestContext, line: LineRow): number {
    const { actor } = context;
    if (!allowsOwn(actor, 'repair_orders.work', line.technicianId)) throw forbiddenFor('repair_orders.work.own');
    const technician = line.technicianId ?? (actor.kind === 'service' ? undefined : actor.technician_id);
    if (technician === undefined || technician === null) {
      throw conflict(`Assign a technician to ${lineLabel(line)} before clocking on`);
    }
    return technician;
  }

  return {
    async list(query: RepairOrderListQuery): Promise<Paged<RepairOrder>> {
      const { ids, total } = await statements.list(query);
      return { items: await loadJson(ids), total };
    },

    get,

    /**
     * Writes up an order, status `open`. From an appointment, its VIN, customer and reason are the
     * order's unless the request gives them; a walk-in gives them all (400 naming what is missing).
     */
    async create(input: RepairOrderCreateInput, context: RequestContext): Promise<RepairOrder> {
      const appointment =
        input.appointment === undefined || input.appointment === null
          ? undefined
          : (await db.select().from(appointments).where(eq(appointments.id, input.appointment)))[0];
      const errors: FieldError[] = [];
      if (input.appointment !== undefined && input.appointment !== null && !appointment) {
        errors.push({ path: 'appointment', message: 'Choose an appointment from the list' });
      }
      const vin = input.vin ?? appointment?.vin;
      const customerName = input.customer?.name ?? appointment?.customer;
      const concern = input.concern || appointment?.reason;
      requireField(errors, vin, 'vin', 'Enter the VIN');
      requireField(errors, customerName, 'customer.name', "Enter the customer's name");
      requireField(errors, concern, 'concern', "Describe the customer's concern");
      if (errors.length > 0) throw invalid(errors);
      const { actor } = context;
      const created = await statements.createOrder(
        {
          vin: vin as string,
          customerName: customerName as string,
          customerPhone: input.customer?.phone ?? null,
          customerEmail: input.customer?.email ?? null,
          mileage: input.mileage,
          concern: concern as string,
          appointmentId: appointment?.id ?? null,
          advisorId: actor.kind === 'service' ? null : actor.id,
          advisorName: actor.kind === 'service' ? null : actor.name,
        },
        auditContext(context),
      );
      return orderJson(created, [], created.rates.taxRateUnits);
    },

    async update(id: number, input: RepairOrderUpdateInput, context: RequestContext): Promise<RepairOrder> {
      await onOrder(id, auditContext(context), async (tx, order) => {
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be changed');
        await statements.updateOrder(tx, id, {
          ...(input.customer?.name === undefined ? {} : { customerName: input.customer.name }),
          ...(input.customer?.phone === undefined ? {} : { customerPhone: input.customer.phone }),
          ...(input.customer?.email === undefined ? {} : { customerEmail: input.customer.email }),
          ...(input.mileage === undefined ? {} : { mileage: input.mileage }),
          ...(input.concern === undefined ? {} : { concern: input.concern }),
        });
      });
      return get(id);
    },

    /** Voids an order before it is invoiced: its link dies, its clocks stop, its parts go back. */
    async void(id: number, context: RequestContext, reason?: string): Promise<RepairOrder> {
      const audit = auditContext(context, { action: 'void', reason });
      await onOrder(id, audit, async (tx, order) => {
        if (order.status === 'void') throw conflict(`Repair order ${id} is already void`, { status: order.status });
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be voided');
        await statements.clockOff(
          tx,
          (await statements.runningClocksOn(tx, id)).map((clock) => clock.lineId),
        );
        await statements.updateOrder(tx, id, {
          status: 'void',
          voidReason: reason || null,
          approvalTokenHash: null,
          approvalExpiresAt: null,
        });
        await onOrderVoided(stock, tx, id, audit);
      });
      return get(id);
    },

    /**
     * Adds a proposed line, 404, 409 and 400 in that order as for every other write. A line that
     * is priced from the request alone (a part or fee with its price and no part number, or labor
     * with its rate; no technician to check), or labor at the shop's rate as this process last read
     * it, goes in at once, in one statement that writes nothing unless the order is still being
     * worked (and that rate still the shop's); any other first reads the order's status and the
     * shop's labor rate.
     */
    async addLine(id: number, input: LineCreateInput, context: RequestContext): Promise<RepairOrderLine> {
      const audit = auditContext(context);
      const atShopRate = input.kind === 'labor' && (input.rate === undefined || input.rate === null);
      const selfPriced =
        (input.technician === undefined || input.technician === null) &&
        input.part_number === undefined &&
        (!atShopRate || lastLaborRate !== undefined);
      const pricedAtRate = atShopRate ? lastLaborRate : undefined;
      const priced = selfPriced
        ? await pricedLine(db, input.kind, input, undefined, pricedAtRate).catch(() => undefined)
        : undefined;
      if (priced) {
        const line = await statements.addLine({ ...priced, repairOrderId: id }, WORKING, audit, pricedAtRate);
        if (line) return lineJson(line);
      }
      // Read, price and write again while what was read changes in between: the order invoiced,
      // voided or closed (409), or the shop's rate saved anew (priced again at the new rate).
      for (let attempt = 1; ; attempt++) {
        const order = await statements.orderForLine(id);
        if (!order) throw notFound();
        lastLaborRate = order.laborRate;
        if (!WORKING.includes(order.status)) throw notWorking({ id, status: order.status }, 'take new lines');
        const values = await pricedLine(db, input.kind, input, undefined, order.laborRate);
        const rate = atShopRate ? order.laborRate : undefined;
        const line = await statements.addLine({ ...values, repairOrderId: id }, WORKING, audit, rate);
        if (line) return lineJson(line);
        if (attempt === RATE_CHANGE_ATTEMPTS) {
          throw conflict("The shop's labor rate kept changing while the line was added; try again");
        }
      }
    },

    /**
     * Changes a proposed line (409 once decided). The one change allowed on a decided line is who
     * works it: a body with `technician` alone.
     */
    async updateLine(id: number, lineId: number, input: LineUpdateInput, context: RequestContext) {
      await onOrder(id, auditContext(context), async (tx, order) => {
        const line = await statements.line(tx, id, lineId);
        if (!line) throw notFound();
        if (!WORKING.includes(order.status)) throw notWorking(order, 'have its lines changed');
        const given = Object.entries(input).filter(([, value]) => value !== undefined);
        const onlyTechnician = given.length === 1 && given[0]?.[0] === 'technician';
        if (line.status !== 'proposed' && !(onlyTechnician && line.status === 'approved')) {
          throw conflict(`Only a proposed line can be changed; ${lineLabel(line)} is ${line.status}`, {
            status: line.status,
          });
        }
        const values = await pricedLine(tx, line.kind, input, line);
        await statements.updateLine(tx, lineId, onlyTechnician ? { technicianId: values.technicianId } : values);
      });
      return getLine(id, lineId);
    },

    async deleteLine(id: number, lineId: number, context: RequestContext): Promise<RepairOrderLine> {
      const answer = await getLine(id, lineId);
      await onOrder(id, auditContext(context), async (tx, order) => {
        const line = await statements.line(tx, id, lineId);
        if (!line) throw notFound();
        if (!WORKING.includes(order.status)) throw notWorking(order, 'have its lines deleted');
        if (line.status !== 'proposed') {
          throw conflict(`Only a proposed line can be deleted; ${lineLabel(line)} is ${line.status}`, {
            status: line.status,
          });
        }
        await statements.deleteLine(tx, lineId);
        await progress(tx, order);
      });
      return answer;
    },

    /**
     * Makes the customer's approval link (a new token each time: the previous link stops working)
     * and marks an open order `estimate`.
     */
    async sendEstimate(id: number, context: RequestContext): Promise<EstimateLink> {
      const link = newApprovalToken();
      await onOrder(id, auditContext(context, { action: 'estimate' }), async (tx, order) => {
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be sent as an estimate');
        await statements.updateOrder(tx, id, {
          approvalTokenHash: link.hash,
          approvalExpiresAt: link.expiresAt,
          ...(order.status === 'open' ? { status: 'estimate' as const } : {}),
        });
        await emit(tx, 'repair_order.estimate_sent', order, { expires_at: link.expiresAt.toISOString() });
        await queueApprovalLink(tx, order, approvalUrl(options.publicUrl, link.token), link.expiresAt);
      });
      return { approval_url: approvalUrl(options.publicUrl, link.token), expires_at: link.expiresAt.toISOString() };
    },

    /** The customer's decisions as an advisor took them, by phone or at the counter. */
    async recordApprovals(id: number, input: ApprovalsInput, context: RequestContext): Promise<RepairOrder> {
      const audit = auditContext(context, {
        action: 'decide',
        reason: `Decided by ${input.name} (${input.method === 'phone' ? 'by phone' : 'in person'})`,
      });
      await onOrder(id, audit, (tx, order) =>
        decide(
          tx,
          order,
          input.decisions,
          { by: 'advisor', name: input.name, method: input.method, address: null },
          audit,
        ),
      );
      return get(id);
    },

    /** Clocks the line's technician on or off. One running clock per technician (409 naming where). */
    async clock(id: number, lineId: number, action: 'on' | 'off', context: RequestContext): Promise<RepairOrderLine> {
      await onOrder(id, auditContext(context, { action: `clock_${action}` }), async (tx, order) => {
        const line = await statements.line(tx, id, lineId);
        if (!line) throw notFound();
        const technician = workedBy(context, line);
        if (action === 'off') {
          if ((await statements.clockOff(tx, [lineId])) === 0) {
            throw conflict(`The clock is not running on ${lineLabel(line)}`);
          }
          return;
        }
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be worked');
        if (line.status !== 'approved') {
          throw conflict(`Only an approved line can be clocked on; ${lineLabel(line)} is ${line.status}`, {
            status: line.status,
          });
        }
        const running = await statements.runningClockOf(tx, technician);
        if (running) {
          throw conflict(
            `The clock of technician ${technician} is already running on line ${running.lineId} (${running.description}) of repair order ${running.repairOrderId}; clock off there first`,
            { line: running.lineId, repair_order: running.repairOrderId },
          );
        }
        if (line.technicianId === null) await statements.updateLine(tx, lineId, { technicianId: technician });
        await statements.clockOn(tx, lineId, technician).catch((error: unknown) => {
          // Another request clocked this technician on between the check and the insert.
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
            throw conflict(`The clock of technician ${technician} is already running on another line`);
          }
          throw error;
        });
      });
      return getLine(id, lineId);
    },

    /** Marks an approved line done (stopping its clock); the order is `ready` once every approved line is. */
    async done(id: number, lineId: number, context: RequestContext): Promise<RepairOrderLine> {
      await onOrder(id, auditContext(context, { action: 'done' }), async (tx, order) => {
        const line = await statements.line(tx, id, lineId);
        if (!line) throw notFound();
        if (!allowsOwn(context.actor, 'repair_orders.work', line.technicianId)) {
          throw forbiddenFor('repair_orders.work.own');
        }
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be worked');
        if (line.status !== 'approved') {
          throw conflict(`Only an approved line can be marked done; ${lineLabel(line)} is ${line.status}`, {
            status: line.status,
          });
        }
        await statements.clockOff(tx, [lineId]);
        await statements.updateLine(tx, lineId, { status: 'done', doneAt: new Date() });
        await progress(tx, order);
      });
      return getLine(id, lineId);
    },

    /**
     * Invoices the order: every line decided, every approved line done, no clock running (409
     * naming what is missing). The tax rate is frozen with it, so the totals never change again.
     */
    async invoice(id: number, context: RequestContext): Promise<RepairOrder> {
      await onOrder(id, auditContext(context, { action: 'invoice' }), async (tx, order) => {
        if (!WORKING.includes(order.status)) throw notWorking(order, 'be invoiced');
        const lines = await statements.lines(tx, id);
        const running = await statements.runningClocksOn(tx, id);
        const undecided = lines.filter((line) => line.status === 'proposed');
        const notDone = lines.filter((line) => line.status === 'approved');
        const missing = [
          ...undecided.map((line) => `${lineLabel(line)} is not decided`),
          ...notDone.map((line) => `${lineLabel(line)} is not done`),
          ...running.map((clock) => `the clock is running on line ${clock.lineId} (${clock.description})`),
        ];
        if (missing.length > 0) {
          throw conflict(`Repair order ${id} cannot be invoiced yet: ${missing.join('; ')}`, {
            undecided: undecided.map((line) => line.id),
            not_done: notDone.map((line) => line.id),
            running_clocks: running.map((clock) => clock.lineId),
          });
        }
        const rates = await readShopRates(tx);
        const labor = await statements.recordLabor(tx, id);
        await statements.updateOrder(tx, id, {
          status: 'invoiced',
          invoicedAt: new Date(),
          taxRate: (rates.taxRateUnits / RATE_UNITS_PER_PERCENT).toFixed(3),
          billedLaborHours: labor.hours,
          billedLaborAmount: labor.amount,
          approvalTokenHash: null,
          approvalExpiresAt: null,
        });
        await emit(tx, 'repair_order.invoiced', order, { status: 'invoiced' });
      });
      return get(id);
    },

    /**
     * Takes a payment on an invoiced order; over the balance is 400. The payment that brings the
     * balance to 0 closes the order.
     */
    async pay(id: number, input: PaymentInput, context: RequestContext): Promise<RepairOrder> {
      await onOrder(id, auditContext(context, { action: 'payment' }), async (tx, order) => {
        if (order.status !== 'invoiced') {
          throw conflict(`Only an invoiced order takes payments; repair order ${id} is ${order.status}`, {
            status: order.status,
          });
        }
        const [details] = await statements.details([id], tx);
        if (!details) throw notFound();
        const totals = totalsOf(details, 0);
        const amount = toCents(input.amount) as number;
        if (amount > totals.balance) {
          throw invalidField(
            'amount',
            `The payment is more than the balance of ${fromCents(totals.balance).toFixed(2)}`,
          );
        }
        await statements.insertPayment(tx, {
          repairOrderId: id,
          amount: fromCents(amount).toFixed(2),
          method: input.method,
          reference: input.reference,
        });
        if (amount === totals.balance) {
          await statements.updateOrder(tx, id, { status: 'closed', closedAt: new Date() });
          await emit(tx, 'repair_order.closed', order, { status: 'closed' });
        }
      });
      return get(id);
    },

    /** `GET /public/estimates/<token>`: the customer's view of their estimate. */
    async publicGet(token: string): Promise<{ estimate: PublicEstimate; taxRate: number }> {
      const order = await orderOfToken(token);
      return publicEstimate(order.id, token);
    },

    /**
     * `POST /public/estimates/<token>`: the customer's own decisions, recorded with their name,
     * the time and the address they came from (the gateway's `X-CarCar-Client-Address`).
     */
    async publicDecide(
      token: string,
      input: PublicDecisionsInput,
      context: RequestContext,
      address: string | null,
    ): Promise<{ estimate: PublicEstimate; taxRate: number }> {
      const found = await orderOfToken(token);
      const audit = auditContext(context, {
        action: 'decide',
        reason: `Decided by the customer, ${input.name}, through the approval link from ${address ?? 'an unknown address'}`,
      });
      await onOrder(found.id, audit, async (tx, order) => {
        // The link may have been replaced or the order voided since it was looked up.
        if (order.approvalTokenHash !== found.approvalTokenHash) throw notFound();
        await decide(tx, order, input.decisions, { by: 'customer', name: input.name, method: 'link', address }, audit);
      });
      return publicEstimate(found.id, token);
    },
  };
}

export type RepairOrderUseCases = ReturnType<typeof repairOrderUseCases>;
