// Crisis wording beside the composer (issue 18), without the detector on a reader's critical path (issue 16):
// the detector (data/crisis.ts, ~8.5 KB gzip of patterns) loads when a composer is first shown, which is
// long before anyone has typed into it. A visitor who only reads never downloads it.
type Detector = (text: string) => boolean;
let detector: Detector | null = null;
let loading: Promise<Detector> | null = null;

/** Starts loading the detector (once); resolves when it is ready. */
export function loadCrisisDetector(): Promise<Detector> {
  loading ??= import('../../data/crisis.js').then((m) => (detector = m.hasCrisisWording));
  return loading;
}

/**
 * Whether `text` has crisis wording. Until the detector has arrived this answers false and calls `ready`
 * once it has (re-render then), so a composer shown and typed into at once still offers the support.
 */
export function crisisWording(text: string, ready: () => void): boolean {
  if (detector) return detector(text);
  void loadCrisisDetector().then(() => {
    if (text.trim()) ready();
  });
  return false;
}
