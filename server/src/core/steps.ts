/**
 * Work in steps: a generator that yields where its caller may pause, and returns its result. The
 * language server pauses at a yield when it has worked for a while, so that a keystroke or a hover
 * is answered in between; the CLI and the tests run the steps straight through with `finish`.
 * Yielding changes when work is done, never what it finds.
 */
export type Steps<T> = Generator<void, T, void>;

/** How many figures or blocks a check reads between two points where it may pause. */
export const ITEMS_PER_STEP = 64;

/** Runs steps to their end. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
