/** ao's version, as `ao --version` and `GET /v1/health` report it. */
export const AO_VERSION = '0.1.0';
