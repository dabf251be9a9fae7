import { pageQuery } from '@carcar/common/http/list';
import { buildOpenApi, type Operation } from '@carcar/common/http/openapi';
import { appointmentCreateBody, appointmentListQuery } from './appointments/schemas.js';
import { technicianBody } from './technicians/schemas.js';

const technician = { id: 1, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-100' };
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
};

const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/technicians/',
    summary: 'List technicians',
    query: pageQuery,
    example: { technicians: [technician] },
  },
  {
    method: 'post',
    path: '/api/technicians/',
    summary: 'Add a technician (employee_id unique)',
    body: technicianBody,
    status: 201,
    example: technician,
    errors: [409],
  },
  { method: 'get', path: '/api/technicians/{id}/', summary: 'Get a technician', example: technician, errors: [404] },
  {
    method: 'delete',
    path: '/api/technicians/{id}/',
    summary: 'Delete a technician (409 while appointments reference it)',
    example: technician,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/appointments/',
    summary: 'List appointments, newest first; ?vin= is the service history (all statuses)',
    query: appointmentListQuery,
    example: { appointments: [appointment] },
  },
  {
    method: 'post',
    path: '/api/appointments/',
    summary: 'Book an appointment (409 when the technician is already booked then)',
    body: appointmentCreateBody,
    status: 201,
    example: appointment,
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/appointments/{id}/',
    summary: 'Get an appointment',
    example: appointment,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/appointments/{id}/',
    summary: 'Delete an appointment',
    example: appointment,
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/appointments/{id}/cancel/',
    summary: 'Cancel a created appointment',
    example: { ...appointment, status: 'canceled' },
    errors: [404, 409],
  },
  {
    method: 'put',
    path: '/api/appointments/{id}/finish/',
    summary: 'Finish a created appointment',
    example: { ...appointment, status: 'finished' },
    errors: [404, 409],
  },
];

export const serviceOpenApi = buildOpenApi(
  {
    title: 'CarCar Service API',
    version: '1.0.0',
    description: 'Technicians, service appointments, VIP status and service history by VIN.',
  },
  operations,
);
