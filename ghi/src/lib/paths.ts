// Where each record's own page is: one place, so every VIN, sale and person shown can link to it.
// A car's page is /vehicles/:vin, for cars in inventory and outside cars alike.

export const carPath = (vin: string) => `/vehicles/${encodeURIComponent(vin)}`;
export const salePath = (id: number) => `/sales/${id}`;
export const customerPath = (id: number) => `/sales/customers/${id}`;
export const salespersonPath = (id: number) => `/sales/salespeople/${id}`;
export const userPath = (id: number) => `/admin/users/${id}`;
export const activityPath = '/activity';
