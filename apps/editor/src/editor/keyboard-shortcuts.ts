/** What a key press on the canvas asks for; null when the key is not a canvas shortcut. */
export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste' | 'layout' | 'layout-top-down' | 'fit';

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo, Ctrl/Cmd+C/V copy and paste steps, L auto-layout
 * (Shift+L top down), F zoom to fit. Delete and Backspace are the canvas's own.
 */
export const shortcutOf = (event: KeyLike): ShortcutAction | null => {
  const key = event.key.toLowerCase();
  const command = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  if (command) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    if (key === 'c' && !event.shiftKey) return 'copy';
    if (key === 'v' && !event.shiftKey) return 'paste';
    return null;
  }
  if (key === 'l') return event.shiftKey ? 'layout-top-down' : 'layout';
  if (key === 'f' && !event.shiftKey) return 'fit';
  return null;
};

/** Typing in a field keeps its own keys (undo in a text box undoes the text). */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
};
