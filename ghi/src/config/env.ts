import { z } from 'zod';

// The API addresses are fixed at build time (Vite's VITE_* variables), checked once at start.
const envSchema = z.object({
  VITE_INVENTORY_API_URL: z.url().default('http://localhost:8100'),
  VITE_SERVICE_API_URL: z.url().default('http://localhost:8080'),
  VITE_SALES_API_URL: z.url().default('http://localhost:8090'),
});

export const env = envSchema.parse({
  VITE_INVENTORY_API_URL: import.meta.env.VITE_INVENTORY_API_URL || undefined,
  VITE_SERVICE_API_URL: import.meta.env.VITE_SERVICE_API_URL || undefined,
  VITE_SALES_API_URL: import.meta.env.VITE_SALES_API_URL || undefined,
});
