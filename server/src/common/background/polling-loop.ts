/**
 * A background loop in this process: runs `step` again at once while it finds work, sleeps
 * `idleMs` when it finds none (or fails), and can be woken early or stopped between steps.
 * The import worker and the duplicate scan both run on one.
 */
export class PollingLoop {
  private stopping = false;
  private running: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  /** `step` resolves true when it did some work (so there may be more). */
  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  /** Resolves once the step under way (if any) has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
  }

  /** True once stop() was called: long steps check it to stop between their chunks. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Ends the idle sleep now, so new work starts without waiting for the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.step();
      } catch (err) {
        this.onError(err);
      }
      if (!worked && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wakeUp = () => { clearTimeout(timer); resolve(); };
        });
        this.wakeUp = null;
      }
    }
  }
}
