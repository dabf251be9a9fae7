import {
  type Context,
  context,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from './logger.js';
import { parseTraceparent } from './trace.js';

/**
 * Spans exported over OTLP/HTTP (the OpenTelemetry SDK) when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: one server span per request in the gateway and in
 * each service, and one per outbox delivery, joined by the W3C `traceparent` they already pass on
 * (./trace.ts). The exporter reads the standard `OTEL_*` variables itself (headers, timeout, batch
 * delay). Without the variable the SDK is not loaded (only the small API package is) and every
 * function here costs one check.
 */

const TRACER = 'carcar';
let enabled = false;

/** Whether spans are being exported. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** Starts the SDK when an OTLP endpoint is configured; the returned function flushes and stops it. */
export async function startOtlpTracing(
  serviceName: string,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<() => Promise<void>> {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return async () => {};
  if (!URL.canParse(endpoint)) {
    logger.warn('OTEL_EXPORTER_OTLP_ENDPOINT is not a URL (http://collector:4318); exporting no traces');
    return async () => {};
  }
  // Loaded only here: a process that exports nothing pays neither the import nor the memory.
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  enabled = true;
  logger.info({ endpoint: new URL(endpoint).origin }, 'exporting traces over OTLP');
  return async () => {
    enabled = false;
    // The last spans, but a collector that is away holds the stop for at most 2 s.
    const flushed = provider.shutdown().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    if (!(await Promise.race([flushed, timeout]))) logger.warn('OTLP exporter did not flush its last spans');
  };
}

/** A span of another process (a `traceparent` we received, or stored with an outbox row). */
function remoteSpan(traceId: string, spanId: string): SpanContext {
  return { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true };
}

/** A remote parent as an OpenTelemetry context. */
function parentContext(traceId: string, spanId: string): Context {
  return trace.setSpanContext(ROOT_CONTEXT, remoteSpan(traceId, spanId));
}

/**
 * Express: a server span for each request, the child of the caller's `traceparent` when it sent
 * one, named by `routeOf` (the route pattern /metrics uses: never a VIN or a customer's link
 * token). Its trace and span ids go in `res.locals`, so the log lines (`traceId`) and the calls
 * this request makes (`traceparent`) name it. Mount it before the request log.
 */
export function requestSpans(routeOf: (req: Request, res: Response) => string): RequestHandler {
  return (req, res, next) => {
    if (!enabled) return next();
    const parent = parseTraceparent(req.get('traceparent'));
    const span = trace
      .getTracer(TRACER)
      .startSpan(
        req.method,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
        parent ? parentContext(parent.traceId, parent.spanId) : ROOT_CONTEXT,
      );
    const { traceId, spanId } = span.spanContext();
    res.locals.traceId = traceId;
    res.locals.spanId = spanId;
    res.on('close', () => {
      span.updateName(`${req.method} ${routeOf(req, res)}`);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    next();
  };
}

/** A span some work was done under: a trace id, and the span id when it is known. */
export interface SpanRef {
  traceId: string;
  spanId: string | null;
}

/**
 * Runs `work` inside a span named `name` (an outbox delivery): the child of the one span in
 * `causes` (the requests whose work it finishes), or a new trace linked to each of several.
 * `work` gets the span to send on as the `traceparent` of its calls. Without an exporter it just
 * runs `work`.
 */
export async function inSpan<T>(
  name: string,
  causes: SpanRef[],
  attributes: Record<string, number | string | string[]>,
  work: (span: SpanRef | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(undefined);
  const known = causes.filter((cause): cause is { traceId: string; spanId: string } => cause.spanId !== null);
  const [only] = known;
  const parent = only && known.length === 1 ? parentContext(only.traceId, only.spanId) : context.active();
  const links = known.length > 1 ? known.map((cause) => ({ context: remoteSpan(cause.traceId, cause.spanId) })) : [];
  const span: Span = trace.getTracer(TRACER).startSpan(name, { kind: SpanKind.PRODUCER, attributes, links }, parent);
  const { traceId, spanId } = span.spanContext();
  try {
    return await work({ traceId, spanId });
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
