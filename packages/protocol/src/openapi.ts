import { z } from 'zod';
import { errorBodySchema } from './operation-schemas.js';
import type { RouteSpec } from './routes.js';

/** JSON Schema (draft 2020-12, which OpenAPI 3.1 uses as is) of a zod schema, as the caller sends or receives it. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(route: RouteSpec) {
  const list: object[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const property = field as z.ZodType;
      list.push({ name, in: where, required: where === 'path' || !property.safeParse(undefined).success, schema: jsonSchema(property, 'input') });
    }
  }
  return list;
}

/**
 * The OpenAPI 3.1 document of a route table. Pure: built from the same zod schemas the server
 * validates with, so a route the server answers cannot be missing from it.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {
      [String(route.status)]: route.stream
        ? { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }
        : route.response
          ? { description: 'success', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : { description: 'success, no body' },
      default: { description: 'an error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.auth ? {} : { security: [] }),
      parameters: parameters(route),
      ...(route.body && { requestBody: { required: false, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ao control plane', version, description: 'Run and watch coding-agent CLIs. Every route but /v1/health needs Authorization: Bearer <token>.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the content of $AO_HOME/api-token' } },
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
    },
    paths,
  };
}
