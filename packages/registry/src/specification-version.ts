/**
 * The version of the adapter contract (this package's types). Every adapter states the version it
 * was written against; the registry refuses one written against another, by name, instead of
 * letting a missing method fail later on the signal path. A change that an existing adapter could
 * not satisfy as it is (a new required member, a changed meaning) is a new version.
 */
export const ADAPTER_SPECIFICATION_VERSION = 'v1';
export type AdapterSpecificationVersion = typeof ADAPTER_SPECIFICATION_VERSION;

/** An adapter written against another version of the contract than this ao's. */
export class AdapterSpecificationError extends Error {
  readonly code = 'unsupported_adapter_specification';
  constructor(
    readonly adapterId: string,
    readonly declared: unknown,
  ) {
    super(
      `adapter "${adapterId}" declares adapter specification version ${JSON.stringify(declared)}, but this ao implements "${ADAPTER_SPECIFICATION_VERSION}": ` +
        `update the adapter to the "${ADAPTER_SPECIFICATION_VERSION}" contract (packages/registry/src/adapter-contract.ts) and set specificationVersion: '${ADAPTER_SPECIFICATION_VERSION}'`,
    );
    this.name = 'AdapterSpecificationError';
  }
}
