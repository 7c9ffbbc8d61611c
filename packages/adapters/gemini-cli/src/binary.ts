/** The executable ao starts (when `ao spawn` finds no other path) and asks for `--version`: named here only. */
export const GEMINI_BINARY = 'gemini';
