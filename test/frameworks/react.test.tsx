// The React 19 example app (examples/react/app.tsx) in Chromium: React sets `store` as a property and
// `thread-key` as an attribute, the thread renders seeded posts, and a reply posted through the composer
// reaches the app's typed `onkin-post-created` handler.
import {start} from '../../examples/react/app.js';
import {exampleAppSuite} from './framework-fixture.js';

exampleAppSuite('React 19', 'react', 'onkin-post-created', start);
