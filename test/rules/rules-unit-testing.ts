// @firebase/rules-unit-testing's export map gives a bundler without the `browser` condition (wtr's
// node-resolve) its CommonJS build; load its ES module build directly instead, with the package's types.
import './process-shim.js';
// @ts-expect-error -- a plain .js file: its types come from the package entry below
import * as esm from '../../node_modules/@firebase/rules-unit-testing/dist/esm/index.esm.js';

type Api = typeof import('@firebase/rules-unit-testing');
export type {RulesTestEnvironment} from '@firebase/rules-unit-testing';
export const initializeTestEnvironment: Api['initializeTestEnvironment'] = (esm as Api).initializeTestEnvironment;
export const assertFails: Api['assertFails'] = (esm as Api).assertFails;
export const assertSucceeds: Api['assertSucceeds'] = (esm as Api).assertSucceeds;
