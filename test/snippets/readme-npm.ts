import 'kindred-kit/define.js';                     // registers every element at once
import type {KinCommunity} from 'kindred-kit';
import {LocalStore} from 'kindred-kit/local';

const root = document.querySelector('kin-community') as KinCommunity;
root.store = await LocalStore.open({communityId: 'asthma-cymru'}); // or your own Firebase app:
// root.firebaseApp = initializeApp(config, 'kindred');
root.addEventListener('kin-error', (e) => console.warn(e.code, e.message));
