import { reportMonthsQuery, reportRangeQuery } from '@carcar/common/contract/reports';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { appointmentCancelBody, appointmentCreateBody } from '@carcar/common/contract/service';
import { eventsOperation } from '@carcar/common/events/feed';
import { auditOperation } from '@carcar/common/http/audit-routes';
import { buildOpenApi, type Operation, resourceOperations } from '@carcar/common/http/openapi';
import { staffOperations } from '@carcar/common/http/table-routes';
import { appointmentListQuery } from './appointments/schemas.js';
import { dueListQuery } from './due/schemas.js';
import { emailOperations } from './emails/openapi.js';
import { inspectionOperations } from './inspections/openapi.js';
import { partOperations } from './parts/openapi.js';
import { proposedLineExample, repairOrderOperations } from './repair-orders/openapi.js';
import { shopSettingsOperations } from './shop-settings/openapi.js';

const technician = { id: 1, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-100', active: true };
const appointment = {
  id: 1,
  date_time: '2026-05-01T14:30:00.000Z',
  duration_minutes: 60,
  reason: 'Oil change',
  status: 'created',
  vin: '1C3CC5FB2AN120174',
  customer: 'Jane Doe',
  technician,
  vip: true,
  cancel_reason: null,
};

const operations: Operation[] = [
  ...staffOperations({
    path: serviceApiRoutes.technicians.list.path,
    listKey: 'technicians',
    example: technician,
    one: 'technician',
    offeredFor: 'booking',
    keeps: 'their appointments',
    referencedBy: 'appointments reference it',
  }),
  ...resourceOperations({
    path: serviceApiRoutes.appointments.list.path,
    listKey: 'appointments',
    example: appointment,
    list: {
      summary:
        'List appointments, newest first unless ?sort=; ?vin= is the service history (all statuses); ' +
        '?from=&to= start times in [from, to); ?q= VIN, customer, reason or technician',
      query: appointmentListQuery,
    },
    create: {
      summary:
        'Book an appointment; a date_time without offset is on the dealership clock (TIMEZONE); 400 when it ' +
        'has passed; 409 when the technician is already booked then, with conflicting_appointment and next_free',
      body: appointmentCreateBody,
    },
    get: { summary: 'Get an appointment' },
    delete: { summary: 'Delete a created or canceled appointment (409 for a finished one: service history)' },
  }),
  {
    method: 'put',
    path: serviceApiRoutes.appointments.cancel.path,
    summary: 'Cancel a created appointment, optionally saying why ({"reason"} or ?reason=)',
    body: appointmentCancelBody,
    example: { ...appointment, status: 'canceled', cancel_reason: 'Customer called to reschedule' },
    errors: [404, 409],
  },
  {
    method: 'put',
    path: serviceApiRoutes.appointments.finish.path,
    summary: 'Finish a created appointment',
    example: { ...appointment, status: 'finished' },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: serviceApiRoutes.serviceDue.list.path,
    summary:
      'Cars due for service, one row each, never one already booked: kind overdue (last finished service ' +
      'older than ?months=, default SERVICE_DUE_MONTHS), sold_not_serviced (sold here, not serviced since), ' +
      'canceled (last appointment canceled, nothing done or booked after); ?kind= one of them; oldest first',
    query: dueListQuery,
    example: {
      cars: [
        {
          vin: '1C3CC5FB2AN120174',
          kind: 'overdue',
          customer: 'Jane Doe',
          last_service_at: '2026-01-10T09:00:00.000Z',
          sold_at: null,
          due_since: '2026-07-10T09:00:00.000Z',
          canceled_appointment: null,
          car: { year: 2012, color: 'red', model: 'Sebring', manufacturer: 'Chrysler' },
        },
      ],
    },
  },
  {
    method: 'get',
    path: serviceApiRoutes.reports.technicianWeeks.path,
    summary:
      "Managers: each technician's appointments per week (Monday to Sunday on the dealership clock, TIMEZONE) starting from ?from= to ?to= (by default the twelve weeks before this one, this one and the four after it): booked, finished, canceled and still open; CSV with Accept: text/csv",
    query: reportRangeQuery,
    example: {
      rows: [
        {
          week: '2026-11-30',
          technician_id: 1,
          employee_id: 'T-100',
          technician: 'Ada Lovelace',
          booked: 12,
          finished: 9,
          canceled: 1,
          open: 2,
        },
      ],
    },
  },
  {
    method: 'get',
    path: serviceApiRoutes.reports.repairOrdersByMonth.path,
    summary:
      'Managers: repair orders invoiced (or since closed) per month of invoice (on the dealership clock, TIMEZONE) from ?from= to ?to= (months such as 2026-11; by default the last twelve, this one included), months without one left out: orders, labor sales and billed hours of the approved or done labor lines, effective labor rate (labor sales ÷ billed hours, half-up to the cent; null without hours) and hours per order; CSV with Accept: text/csv',
    query: reportMonthsQuery,
    example: {
      months: [
        {
          month: '2026-11',
          repair_orders: 42,
          labor_sales: 12345.67,
          billed_hours: 98.5,
          effective_labor_rate: 125.34,
          hours_per_repair_order: 2.35,
        },
      ],
    },
  },
  {
    method: 'get',
    path: serviceApiRoutes.reports.technicianEfficiency.path,
    summary:
      "Managers: each technician's month (of the orders' invoice, as repair-orders-by-month): hours billed on their labor lines, hours they clocked on those orders, and efficiency (billed ÷ clocked, half-up to 2 decimals; null without clocked time); CSV with Accept: text/csv",
    query: reportMonthsQuery,
    example: {
      months: [
        {
          month: '2026-11',
          technician: { id: 1, first_name: 'Ada', last_name: 'Lovelace' },
          billed_hours: 40.5,
          clocked_hours: 36.25,
          efficiency: 1.12,
        },
      ],
    },
  },
  eventsOperation({
    type: 'appointment.created',
    entity: 'appointment',
    data: {
      id: 3,
      vin: '1C3CC5FB2AN120174',
      customer: 'Pat Lee',
      status: 'created',
      technician_id: 1,
      date_time: '2026-05-02T09:00:00+00:00',
    },
  }),
  ...shopSettingsOperations,
  ...repairOrderOperations,
  ...partOperations,
  ...inspectionOperations(proposedLineExample),
  ...emailOperations,
  auditOperation({
    id: 17,
    at: '2026-05-01T14:30:00.000Z',
    actor: { kind: 'person', id: '4', name: 'Sid Service', role: 'service' },
    action: 'cancel',
    entity: 'appointment',
    entity_id: '9',
    vin: '1C3CC5FB2AN120174',
    changes: { status: ['created', 'canceled'], cancel_reason: [null, 'customer called'] },
    reason: 'customer called',
    request_id: '3a197fc6-71c0-4245-83a2-424341d79304',
  }),
];

export const serviceOpenApi = buildOpenApi(
  {
    title: 'CarCar Service API',
    version: '1.0.0',
    description: 'Technicians, service appointments, VIP status and service history by VIN.',
  },
  operations,
);
