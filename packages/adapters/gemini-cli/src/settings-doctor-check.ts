import { join } from 'node:path';
import type { AdapterDoctorCheck } from '@ao/registry';
import { readUserSettings, userGeminiDir } from './gemini-home.js';

/**
 * The user's `hooksConfig` is carried into every launch's settings (docs/harnesses/gemini-cli.md,
 * "Wiring"): `enabled: false` silences every hook, ao's too, and ao's hook names (`ao <event>`) in
 * `disabled` silence those. Either way ao would see a Gemini session's process and nothing else.
 */
export function checkGeminiSettings(env: NodeJS.ProcessEnv): AdapterDoctorCheck {
  const name = 'gemini settings';
  const path = join(userGeminiDir(env), 'settings.json');
  const settings = readUserSettings(userGeminiDir(env));
  if (settings === undefined) return { name, status: 'ok', message: `no readable settings at ${path}: nothing there silences hooks` };
  const hooksConfig = settings.hooksConfig as { enabled?: unknown; disabled?: unknown } | undefined;
  if (hooksConfig?.enabled === false) {
    return {
      name,
      status: 'fail',
      message: `${path} sets "hooksConfig": {"enabled": false}, which silences every hook, ao's too: Gemini CLI sessions will never report a state; remove it or set it to true`,
    };
  }
  const silenced = Array.isArray(hooksConfig?.disabled) ? hooksConfig.disabled.filter((hook): hook is string => typeof hook === 'string' && hook.startsWith('ao ')) : [];
  if (silenced.length > 0) {
    return {
      name,
      status: 'fail',
      message: `${path} lists ao's hooks in "hooksConfig.disabled" (${silenced.join(', ')}): those events never reach ao; remove them from the list`,
    };
  }
  return { name, status: 'ok', message: `${path} does not disable ao's hooks` };
}
