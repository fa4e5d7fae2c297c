import { shortcutOf } from './keyboard-shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('c', { ctrlKey: true }), 'copy'],
    [key('v', { metaKey: true }), 'paste'],
    [key('l'), 'layout'],
    [key('L', { shiftKey: true }), 'layout-top-down'],
    [key('f'), 'fit'],
    [key('l', { ctrlKey: true }), null],
    [key('z'), null],
    [key('z', { ctrlKey: true, altKey: true }), null],
    [key('Delete'), null],
  ])('should read %j as %s', (event, expected) => {
    expect(shortcutOf(event)).toBe(expected);
  });
});
