import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {KindredError} from '../data/errors.js';

// Issue 17, "keep the offline promise": what a member pressed "Post" on while the connection was down
// is sent again without them pressing anything, as soon as the browser says it is back online, and on a
// backoff timer too (the network can be up while the server is not, or the server asked us to slow down).

/** Errors worth trying again by ourselves: the connection or the server, never the content or a refusal. */
export function isTransient(e: Pick<KindredError, 'code'> | null | undefined): boolean {
  return !!e && (e.code === 'unavailable' || e.code === 'rate-limited');
}

/** Delay before attempt `attempt` (1, 2, …): base·2^(attempt−1), capped at `max`, ±20 % jitter so many clients do not retry in step. */
export function backoffMs(attempt: number, baseMs = 2000, maxMs = 60000, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

interface Job {
  run: () => unknown;
  timer: ReturnType<typeof setTimeout> | null;
  attempt: number;
  /** When the next timed attempt is due (ms since the epoch), or null while waiting for `online`. */
  due: number | null;
}

/**
 * Keeps keyed re-send jobs for an element: `schedule(key, run)` runs `run` again when the browser comes
 * back online, or after a growing delay while it says it is online; `done(key)` ends the job (sent, or
 * refused for good). Timers end when the element leaves the page and resume when it comes back.
 */
export class ResendController implements ReactiveController {
  #jobs = new Map<string, Job>();
  #connected = false;

  constructor(private host: ReactiveControllerHost, private options: {baseMs?: number; maxMs?: number} = {}) {
    host.addController(this);
  }

  /** Whether `key` is waiting to be sent again. */
  has(key: string): boolean {
    return this.#jobs.has(key);
  }

  /** When the next timed attempt for `key` is due, or null (waiting for the connection, or no job). */
  due(key: string): number | null {
    return this.#jobs.get(key)?.due ?? null;
  }

  /** Schedules (or reschedules, with a longer delay) sending `key` again. */
  schedule(key: string, run: () => unknown): void {
    const previous = this.#jobs.get(key);
    if (previous?.timer) clearTimeout(previous.timer);
    const job: Job = {run, timer: null, attempt: (previous?.attempt ?? 0) + 1, due: null};
    this.#jobs.set(key, job);
    this.#arm(key, job);
  }

  /** Ends the job for `key` (sent, refused for good, or abandoned by the member). */
  done(key: string): void {
    const job = this.#jobs.get(key);
    if (job?.timer) clearTimeout(job.timer);
    this.#jobs.delete(key);
  }

  /** Runs every waiting job now (the connection is back). */
  flush(): void {
    for (const [key, job] of this.#jobs) this.#fire(key, job);
  }

  hostConnected() {
    this.#connected = true;
    window.addEventListener('online', this.#onOnline);
    for (const [key, job] of this.#jobs) this.#arm(key, job);
  }

  hostDisconnected() {
    this.#connected = false;
    window.removeEventListener('online', this.#onOnline);
    for (const job of this.#jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      job.timer = null;
    }
  }

  #onOnline = () => this.flush();

  #arm(key: string, job: Job) {
    if (!this.#connected) return;
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    job.due = null;
    // Offline: the `online` event sends it; a timer would only fail again.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    const wait = backoffMs(job.attempt, this.options.baseMs, this.options.maxMs);
    job.due = Date.now() + wait;
    job.timer = setTimeout(() => this.#fire(key, job), wait);
  }

  #fire(key: string, job: Job) {
    if (this.#jobs.get(key) !== job) return;
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    job.due = null;
    // The job stays until the run calls done() or schedule() again, so its attempt count keeps growing.
    void job.run();
    this.host.requestUpdate();
  }
}
