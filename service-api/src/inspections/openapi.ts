import {
  inspectionItemBody,
  inspectionItemUpdateBody,
  inspectionTemplateBody,
} from '@carcar/common/contract/inspections';
import type { RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Operation } from '@carcar/common/http/openapi';
import { inspectionLineBody } from './schemas.js';

const { inspection, inspectionTemplate } = serviceApiRoutes;

const photoUrl = pathTo(inspection.photo, { id: 42, item: 7, photo: 3 });
const photo = {
  id: 3,
  url: photoUrl,
  thumbnail_url: `${photoUrl}?size=thumbnail`,
  width: 1600,
  height: 1200,
};
const item = { id: 7, name: 'Front brakes', condition: 'red', note: 'Pads at 2 mm', photos: [photo] };

/**
 * The inspection's operations (items, photos, the checklist), for the service's OpenAPI document.
 * Proposing a finding answers a repair order line, so its example is the repair orders' proposed
 * line (passed in: one feature folder does not import another) made from this finding.
 */
export const inspectionOperations = (proposedLine: RepairOrderLine): Operation[] => [
  {
    method: 'get',
    path: inspectionTemplate.get.path,
    summary: "The shop's multi-point inspection checklist (a default list until a manager changes it)",
    example: { items: [{ name: 'Tires and tread depth' }, { name: 'Front brakes' }] },
  },
  {
    method: 'put',
    path: inspectionTemplate.update.path,
    summary: "Managers: replace the shop's checklist (1 to 100 items)",
    body: inspectionTemplateBody,
    example: { items: [{ name: 'Tires and tread depth' }, { name: 'Front brakes' }] },
  },
  {
    method: 'post',
    path: inspection.start.path,
    summary: "Add a finding to the order's inspection (409 once the order is invoiced or void)",
    body: inspectionItemBody,
    status: 201,
    example: { ...item, photos: [] },
    errors: [404, 409],
  },
  {
    method: 'put',
    path: inspection.updateItem.path,
    summary:
      'Change a finding: any of name, condition, note (an empty note or null clears it); ' +
      '409 once the order is invoiced, closed or void, or to make green a finding that is a line of the order',
    body: inspectionItemUpdateBody,
    example: { ...item, condition: 'yellow', note: 'Pads at 4 mm' },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: inspection.removeItem.path,
    summary:
      'Remove a finding with its photos (rows and files); answers the finding as it was. ' +
      '409 once the order is invoiced, closed or void, or while the finding is a line of the order (delete the line first)',
    example: item,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: inspection.proposeLine.path,
    summary:
      'Make a yellow or red finding a proposed line in one step (409 for a green one or one already proposed); ' +
      "body optional: a line's fields, kind labor unless given, description the finding's, labor hours 1.0 unless given",
    body: inspectionLineBody,
    status: 201,
    // An hour of labor, not yet assigned.
    example: {
      ...proposedLine,
      id: 12,
      description: 'Front brakes: Pads at 2 mm',
      hours: 1,
      amount: 120,
      technician: null,
    },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: inspection.addPhoto.path,
    summary:
      'Add a photo: multipart/form-data with a file field named photo; JPEG, PNG or WebP by content (415 otherwise), ' +
      'at most 10 MB (413); stored re-encoded as JPEG (1600 px and a 320 px thumbnail) without EXIF or location',
    status: 201,
    example: photo,
    errors: [404, 409, 413, 415],
  },
  {
    method: 'get',
    path: inspection.photo.path,
    summary: 'The photo as image/jpeg (?size=thumbnail for the 320 px thumbnail); staff who may read the order',
    errors: [404],
  },
  {
    method: 'get',
    path: serviceApiRoutes.estimates.photo.path,
    summary:
      "The customer's view of a photo of their own order, through the approval link's token (the gateway's credential only); 410 once the link expired",
    errors: [404, 410],
  },
];
