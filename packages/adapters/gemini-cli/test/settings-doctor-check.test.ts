import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@ao/adapter-kit/conformance';
import { describe, expect, it } from 'vitest';
import { checkGeminiSettings } from '../src/index.js';

/** A HOME whose ~/.gemini/settings.json holds `settings` (written as is: Gemini allows comments). */
function homeWith(settings: string | undefined): NodeJS.ProcessEnv {
  const home = tempDir('ao-gemini-doctor-');
  if (settings !== undefined) {
    mkdirSync(join(home, '.gemini'));
    writeFileSync(join(home, '.gemini', 'settings.json'), settings);
  }
  return { HOME: home };
}

describe('ao doctor: Gemini CLI settings that silence ao', () => {
  it('fails when the user turned every hook off, naming the file and the fix', () => {
    const check = checkGeminiSettings(homeWith('{\n  // mine\n  "hooksConfig": { "enabled": false }\n}'));
    expect(check).toMatchObject({ name: 'gemini settings', status: 'fail' });
    expect(check.message).toContain('"enabled": false');
  });

  it("fails when ao's own hooks are in the disabled list, naming them", () => {
    const check = checkGeminiSettings(homeWith(JSON.stringify({ hooksConfig: { disabled: ['ao before-tool', 'my-linter'] } })));
    expect(check.status).toBe('fail');
    expect(check.message).toContain('ao before-tool');
    expect(check.message).not.toContain('my-linter');
  });

  it('is satisfied with settings that leave ao alone, and with none at all', () => {
    expect(checkGeminiSettings(homeWith(JSON.stringify({ hooksConfig: { disabled: ['my-linter'] }, security: { auth: { selectedType: 'gemini-api-key' } } }))).status).toBe('ok');
    expect(checkGeminiSettings(homeWith(undefined)).status).toBe('ok');
  });
});
