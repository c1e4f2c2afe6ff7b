import {KinFounderStoryBanner} from './founder-story-banner.js';

KinFounderStoryBanner.define('kin-founder-story-banner');

declare global {
  interface HTMLElementTagNameMap {
    'kin-founder-story-banner': KinFounderStoryBanner;
  }
}
