import { EditHistory } from './edit-history';

describe('EditHistory', () => {
  it('should undo and redo edits in order', () => {
    const sut = new EditHistory('a');
    sut.record('b');
    sut.record('c');

    expect(sut.undo()).toBe('b');
    expect(sut.undo()).toBe('a');
    expect(sut.undo()).toBeNull();
    expect(sut.redo()).toBe('b');
    expect(sut.current).toBe('b');
  });

  it('should drop what could be redone when a new edit is made after an undo', () => {
    const sut = new EditHistory('a');
    sut.record('b');
    sut.undo();
    sut.record('c');

    expect(sut.canRedo).toBe(false);
    expect(sut.undo()).toBe('a');
  });

  it('should not count a snapshot equal to the current one as an edit', () => {
    const sut = new EditHistory('a');
    expect(sut.record('a')).toBe(false);
    expect(sut.canUndo).toBe(false);
  });

  it('should keep only the most recent steps when the limit is reached', () => {
    const sut = new EditHistory('0', 3);
    ['1', '2', '3', '4'].forEach((snapshot) => sut.record(snapshot));
    const undone = [sut.undo(), sut.undo(), sut.undo(), sut.undo()];
    expect(undone).toEqual(['3', '2', '1', null]);
  });
});
