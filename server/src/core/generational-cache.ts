/**
 * A cache by text for what an edited document computes again and again: what the last generation
 * (the last parse or extraction) did not ask for is dropped at the next, so memory follows the
 * current text, and what the edit did not touch is found by its text.
 */
export class GenerationalCache<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string, compute: () => T): T {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key) ?? compute();
    this.current.set(key, value);
    return value;
  }
}
