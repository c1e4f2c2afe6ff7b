// The runnable app (issue 12: examples/ are apps one can run, not only test modules). `npm start` bundles
// this file with esbuild (`kindred-kit` from src/) into dist/examples/react.js for examples/react/index.html:
// the demo community from demo/seed.json, in memory, signed out until the visitor joins.
import type {SeedFixture} from 'kindred-kit';
import {start} from './app.js';

const container = document.getElementById('app')!;
const seed = (await (await fetch('../../demo/seed.json')).json()) as SeedFixture;
await start(container, {seed, communityId: seed.community.id, threadKey: 'walk-2026'});
