import { AdapterRegistry } from '@ao/registry';
import { claudeCodeAdapter } from '@ao/adapter-claude-code';
import { codexAdapter } from '@ao/adapter-codex';
import { opencodeAdapter } from '@ao/adapter-opencode';
import { qwenCodeAdapter } from '@ao/adapter-qwen-code';
import { geminiCliAdapter } from '@ao/adapter-gemini-cli';
import { demoAdapter } from '@ao/adapter-demo';

/** The harnesses this ao knows. Adding a harness: write its adapter package and list it here. */
export function createDefaultRegistry(): AdapterRegistry {
  return new AdapterRegistry([claudeCodeAdapter, codexAdapter, opencodeAdapter, qwenCodeAdapter, geminiCliAdapter, demoAdapter]);
}
