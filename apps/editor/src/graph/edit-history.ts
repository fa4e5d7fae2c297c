/**
 * Undo and redo over whole snapshots of the draft (its JSON): every kind of edit (drag, connect, form, layout,
 * paste) is undone the same way, and a snapshot equal to the current one is not a step.
 */
export class EditHistory {
  private past: string[] = [];
  private future: string[] = [];

  constructor(
    private present: string,
    private readonly limit = 100,
  ) {}

  get current(): string {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** A new state after an edit: it becomes current, and what was undone before can no longer be redone. */
  record(snapshot: string): boolean {
    if (snapshot === this.present) return false;
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = snapshot;
    this.future = [];
    return true;
  }

  undo(): string | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(this.present);
    this.present = previous;
    return previous;
  }

  redo(): string | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.present);
    this.present = next;
    return next;
  }
}
