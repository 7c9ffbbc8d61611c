/** How one `ao doctor` line went: `fail` makes `ao doctor` exit 1, `warn` is worth a look. */
export type AdapterDoctorStatus = 'ok' | 'warn' | 'fail';

/**
 * One line of `ao doctor` an adapter contributes about its harness's setup on this machine (e.g.
 * a user setting that silences every hook): what was checked, how it went, and one sentence a
 * user can act on.
 */
export interface AdapterDoctorCheck {
  name: string;
  status: AdapterDoctorStatus;
  message: string;
}
