// The Vue 3 example app (examples/vue/app.ts) in Chromium: Vue sets `store` as a property and
// `thread-key` as an attribute, the thread renders seeded posts, and a reply posted through the composer
// reaches the typed `onKinPostCreated` handler, which the app re-emits to its host.
import {start} from '../../examples/vue/app.js';
import {exampleAppSuite} from './framework-fixture.js';

exampleAppSuite('Vue 3', 'vue', 'onKinPostCreated', start);
