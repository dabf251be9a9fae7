import { z } from 'zod';
import { auditListSchema } from './audit.js';
import { tradeInBatchResultSchema } from './deal.js';
import { errorAnswerSchema } from './errors.js';
import { soldBatchResultSchema } from './feed.js';
import {
  apiTokenListSchema,
  createdTokenSchema,
  meSchema,
  signedInSchema,
  userListSchema,
  userSchema,
} from './identity.js';
import {
  automobileImportResultSchema,
  automobileListSchema,
  automobileSchema,
  feedPageAnswerSchema,
  manufacturerListSchema,
  manufacturerSchema,
  vehicleModelListSchema,
  vehicleModelSchema,
  vinDecodingSchema,
} from './inventory.js';
import {
  grossByDealReportSchema,
  grossBySalespersonReportSchema,
  inventoryAgingReportSchema,
  salesByMonthReportSchema,
  salesBySalespersonReportSchema,
} from './reports.js';
import {
  customerListSchema,
  customerSchema,
  dealSettingsSchema,
  saleableCarListSchema,
  saleListSchema,
  saleSchema,
  salespersonListSchema,
  salespersonSchema,
} from './sales.js';
import {
  appointmentConflictSchema,
  appointmentListSchema,
  appointmentSchema,
  bookingConflictSchema,
  dueCarListSchema,
  emailListSchema,
  estimateLinkSchema,
  inspectionItemSchema,
  inspectionPhotoSchema,
  inspectionTemplateSchema,
  partImportResultSchema,
  partListSchema,
  partMovementListSchema,
  partSchema,
  publicEstimateSchema,
  repairOrderConflictSchema,
  repairOrderLineSchema,
  repairOrderListSchema,
  repairOrderSchema,
  repairOrdersByMonthReportSchema,
  shopSettingsSchema,
  technicianEfficiencyReportSchema,
  technicianListSchema,
  technicianSchema,
  technicianWeeksReportSchema,
  unsubscribedSchema,
} from './service-answers.js';
import {
  createdWebhookSchema,
  eventFeedPageAnswerSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookTestQueuedSchema,
} from './webhooks.js';

// Every answer a route declares, by name: the route table (./routes.ts) names an answer
// (`response: { 200: 'automobile' }`), and what reads the answers (the API tests' check,
// testing/src/response-check.ts) finds its schema here. The table holds names rather than the
// schemas so that the browser app, which reads the table for its paths, does not load every answer's
// schema with its first page. Browser-safe: zod only.

export const answerSchemas = {
  appointment: appointmentSchema,
  appointmentConflict: appointmentConflictSchema,
  appointmentList: appointmentListSchema,
  auditList: auditListSchema,
  automobile: automobileSchema,
  automobileImportResult: automobileImportResultSchema,
  automobileList: automobileListSchema,
  bookingConflict: bookingConflictSchema,
  customer: customerSchema,
  customerList: customerListSchema,
  dealSettings: dealSettingsSchema,
  dueCarList: dueCarListSchema,
  emailList: emailListSchema,
  estimateLink: estimateLinkSchema,
  eventFeedPageAnswer: eventFeedPageAnswerSchema,
  feedPageAnswer: feedPageAnswerSchema,
  grossByDealReport: grossByDealReportSchema,
  grossBySalespersonReport: grossBySalespersonReportSchema,
  inspectionItem: inspectionItemSchema,
  inspectionPhoto: inspectionPhotoSchema,
  inspectionTemplate: inspectionTemplateSchema,
  inventoryAgingReport: inventoryAgingReportSchema,
  manufacturer: manufacturerSchema,
  manufacturerList: manufacturerListSchema,
  part: partSchema,
  partImportResult: partImportResultSchema,
  partList: partListSchema,
  partMovementList: partMovementListSchema,
  publicEstimate: publicEstimateSchema,
  repairOrder: repairOrderSchema,
  repairOrderConflict: repairOrderConflictSchema,
  repairOrderLine: repairOrderLineSchema,
  repairOrderList: repairOrderListSchema,
  repairOrdersByMonthReport: repairOrdersByMonthReportSchema,
  sale: saleSchema,
  saleList: saleListSchema,
  saleableCarList: saleableCarListSchema,
  salesByMonthReport: salesByMonthReportSchema,
  salesBySalespersonReport: salesBySalespersonReportSchema,
  salesperson: salespersonSchema,
  salespersonList: salespersonListSchema,
  shopSettings: shopSettingsSchema,
  soldBatchResult: soldBatchResultSchema,
  technician: technicianSchema,
  technicianEfficiencyReport: technicianEfficiencyReportSchema,
  technicianList: technicianListSchema,
  technicianWeeksReport: technicianWeeksReportSchema,
  tradeInBatchResult: tradeInBatchResultSchema,
  unsubscribed: unsubscribedSchema,
  vehicleModel: vehicleModelSchema,
  vehicleModelList: vehicleModelListSchema,
  vinDecoding: vinDecodingSchema,
  // The gateway's own API (./gateway-routes.ts).
  signedIn: signedInSchema,
  me: meSchema,
  user: userSchema,
  userList: userListSchema,
  apiTokenList: apiTokenListSchema,
  createdToken: createdTokenSchema,
  webhook: webhookSchema,
  webhookList: webhookListSchema,
  createdWebhook: createdWebhookSchema,
  webhookDelivery: webhookDeliverySchema,
  webhookDeliveryList: webhookDeliveryListSchema,
  webhookTestQueued: webhookTestQueuedSchema,
  /** A 204's: no body (the answer check sees it when it has finished, and checks only that its row declares it). */
  noContent: z.undefined(),
} as const;

/** The name of a declared answer: `'automobile'`, `'saleList'`, `'bookingConflict'`. */
export type AnswerName = keyof typeof answerSchemas;

/** The schema of an error answer: `errorAnswerSchema` unless the row's 409 names a `conflict` of its own. */
export { errorAnswerSchema };
