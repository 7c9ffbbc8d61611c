import { describe, expect, it } from 'vitest';
import { ROUTES, buildOpenApiDocument, httpStatusOf } from '../src/index.js';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(ROUTES, '0.1.0') as { openapi: string; paths: Record<string, Record<string, any>> };

  it('is OpenAPI 3.1 and lists every route of the table with its operation', () => {
    expect(document.openapi).toBe('3.1.0');
    const listed = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('describes path parameters, bodies and responses from the zod schemas', () => {
    const approve = document.paths['/v1/sessions/{id}/requests/{requestId}/approve']!.post;
    expect(approve.parameters.map((p: any) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:id:true', 'path:requestId:true']);
    expect(approve.requestBody.content['application/json'].schema.properties).toHaveProperty('checkpoint');
    const session = document.paths['/v1/sessions/{id}']!.get.responses['200'].content['application/json'].schema;
    expect(session.required).toEqual(expect.arrayContaining(['id', 'status', 'openRequest', 'activityState']));
    expect(document.paths['/v1/health']!.get.security).toEqual([]);
  });
});

describe('error statuses', () => {
  it('maps the codes a client must tell apart', () => {
    expect([httpStatusOf('unauthorized'), httpStatusOf('not_found'), httpStatusOf('stale_request'), httpStatusOf('idempotency_key_reused'), httpStatusOf('invalid_request')]).toEqual([
      401, 404, 409, 422, 400,
    ]);
  });
});
