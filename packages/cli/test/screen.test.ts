import { describe, expect, it } from 'vitest';
import { Screen } from '../src/host/screen.js';

describe('the session host screen', () => {
  it('keeps a prompt\'s trailing blank when asked, so a pattern like "demo> " matches the prompt on screen', async () => {
    const screen = new Screen(40, 5);
    screen.write('welcome\r\ndemo> ');
    expect(await screen.text()).toBe('welcome\ndemo>');
    expect(/demo> /.test(await screen.text({ keepTrailingBlanks: true }))).toBe(true);
  });
});
