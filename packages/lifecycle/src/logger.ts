/** The logging the lifecycle needs; the CLI passes a pino logger, tests may pass a recorder. */
export interface LifecycleLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export const silentLogger: LifecycleLogger = {
  info() {},
  warn() {},
};
