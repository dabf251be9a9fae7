import type { Router } from 'express';
import express from 'express';
import { z } from 'zod';

/** One documented operation; request schemas are the very zod schemas the routes validate with. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status (200 unless given) and an example answer. */
  status?: number;
  example?: unknown;
  /** Error statuses this operation can answer, besides 400 for bad input. */
  errors?: number[];
}

/**
 * The classic operations of one resource (list, create, get, change, delete at `path` and
 * `path{key}/`), described once: a service lists its resources instead of spelling out each
 * operation. Only the operations given are documented.
 */
export interface ResourceDocs {
  /** The collection's path with its trailing slash: `/api/models/`. */
  path: string;
  /** The path parameter naming one item: `id`, or `vin` for automobiles. */
  key?: string;
  /** The list envelope's key (`models`) and one item, for the examples. */
  listKey: string;
  example: unknown;
  list: { summary: string; query?: z.ZodObject };
  create?: { summary: string; body: z.ZodType; errors?: number[] };
  get?: { summary: string; query?: z.ZodObject };
  update?: { summary: string; body: z.ZodType; example?: unknown; errors?: number[] };
  delete?: { summary: string; query?: z.ZodObject; example?: unknown; errors?: number[] };
}

export function resourceOperations(docs: ResourceDocs): Operation[] {
  const item = `${docs.path}{${docs.key ?? 'id'}}/`;
  const { example } = docs;
  return [
    { method: 'get', path: docs.path, ...docs.list, example: { [docs.listKey]: [example] } },
    ...(docs.create
      ? [{ method: 'post' as const, path: docs.path, status: 201, example, errors: [409], ...docs.create }]
      : []),
    ...(docs.get ? [{ method: 'get' as const, path: item, example, errors: [404], ...docs.get }] : []),
    ...(docs.update ? [{ method: 'put' as const, path: item, example, errors: [404, 409], ...docs.update }] : []),
    ...(docs.delete ? [{ method: 'delete' as const, path: item, example, errors: [404, 409], ...docs.delete }] : []),
  ];
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request: `{"message", "code": "validation_error", "errors": [{"path", "message"}]}`',
  404: 'Does not exist: `{"message": "Does not exist", "code": "not_found"}`',
  409: 'Conflict: `{"message", "code": "conflict"}`',
  413: 'Body larger than 100 kB',
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function buildOpenApi(info: { title: string; version: string; description: string }, operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const status = op.status ?? 200;
    const responses: Record<string, unknown> = {
      [status]: {
        description: status === 201 ? 'Created' : 'OK',
        content: { 'application/json': { ...(op.example === undefined ? {} : { example: op.example }) } },
      },
    };
    for (const code of [400, ...(op.errors ?? [])])
      responses[code] = { description: errorDescriptions[code] ?? String(code) };
    // A route table's row writes its parameters Express's way (`:vin`); OpenAPI writes `{vin}`.
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path] = {
      ...paths[path],
      [op.method]: {
        summary: op.summary,
        parameters: [...pathParameters(path), ...queryParameters(op.query)],
        ...(op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
          : {}),
        responses,
      },
    };
  }
  return { openapi: '3.1.0', info, paths };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained reference page (no CDN: dealership networks are often closed). */
export function renderDocsPage(document: ReturnType<typeof buildOpenApi>): string {
  const sections = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as {
        summary: string;
        requestBody?: unknown;
        parameters: unknown[];
        responses: Record<string, unknown>;
      };
      const details = { parameters: op.parameters, requestBody: op.requestBody, responses: op.responses };
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p>
<details><summary>Parameters, body and answers</summary><pre>${escapeHtml(JSON.stringify(details, null, 2))}</pre></details></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h2{font-size:1.05rem;margin-bottom:.2rem}pre{background:#f4f4f4;padding:.8rem;overflow:auto}section{border-top:1px solid #ddd;padding:.4rem 0}</style>
</head><body><h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1><p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="../openapi.json">openapi.json</a> (OpenAPI 3.1).</p>${sections.join('\n')}</body></html>`;
}

/** Serves `/api/openapi.json` and the reference page at `/api/docs/`. */
export function openApiRouter(document: ReturnType<typeof buildOpenApi>): Router {
  const router = express.Router();
  const page = renderDocsPage(document);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  // The page links relatively, so it works below the gateway's prefix (/inventory/api/docs/) as
  // well as on the service's own port; without the trailing slash, a relative redirect adds it.
  router.get('/docs', (req, res) => {
    if (!req.originalUrl.split('?')[0]?.endsWith('/')) {
      res.redirect(301, 'docs/');
      return;
    }
    res.type('html').send(page);
  });
  return router;
}
