/** Runs at most one task at a time: a caller arriving while one runs shares its result. */
export class SingleFlight<T> {
  private current: Promise<T> | null = null;

  get running(): boolean {
    return this.current !== null;
  }

  run(task: () => Promise<T>): Promise<T> {
    if (this.current) return this.current;
    const started = task().finally(() => {
      this.current = null;
    });
    this.current = started;
    return started;
  }
}
