import 'kindred-kit/define.js';
import type {} from 'kindred-kit/types/jsx.js'; // typed props and on… events for every kin-* tag
import {LocalStore} from 'kindred-kit/local';
const store = await LocalStore.open({communityId: 'asthma-wales'});
export const App = () => (
  <kin-community community="asthma-wales" store={store}>
    <kin-discussion-thread thread-key="home" onkin-post-created={(e) => console.log(e.postId, e.parentId)} />
  </kin-community>
);
