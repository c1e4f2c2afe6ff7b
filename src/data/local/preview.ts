// Issue 12: a local preview that just works. `store="local"` (or `LocalStore.open({communityId})`) with
// no seed and nothing saved in this browser starts a new, empty preview community with default
// settings, so a webmaster who pastes the README snippet can join and write the first post at once.
// The first member of a preview becomes its admin (engine.join), so charity staff can try every screen.
import {RECOMMENDED_RATE_LIMITS} from '../policy.js';
import type {SeedFixture} from '../seed.js';
import type {Community} from '../types.js';

/** Marks the preview community and its notice; shown by `<kin-community>` for every local store. */
export const PREVIEW_NOTICE = {
  en: 'Preview — stored only in this browser',
  cy: 'Rhagolwg — wedi’i gadw yn y porwr hwn yn unig',
} as const;

/** The starting state of a new preview community: just the community document, default settings. */
export function previewSeed(communityId: string, name?: string, now = Date.now()): SeedFixture {
  const shown = name?.trim() || communityId;
  const community: Community = {
    id: communityId,
    name: {en: shown},
    tagline: {en: PREVIEW_NOTICE.en, cy: PREVIEW_NOTICE.cy},
    languages: ['en', 'cy'],
    settings: {
      visibility: 'public',
      moderation: 'post',
      holdFirstPosts: 0,
      bannedWords: [],
      nation: 'england',
      tags: [],
      guidelinesVersion: '1',
      consentVersion: '1',
      ...RECOMMENDED_RATE_LIMITS,
    },
    founderStory: {
      name: shown,
      role: {en: PREVIEW_NOTICE.en, cy: PREVIEW_NOTICE.cy},
      quote: {en: '', cy: ''},
      story: {
        en: `This is a preview of ${shown}: everything stays in this browser until you connect a Firebase project. ` +
          'The first person to join becomes its admin and can write the founder’s story here (add the editable attribute to the banner).',
        cy: `Rhagolwg o ${shown} yw hwn: mae popeth yn aros yn y porwr hwn nes i chi gysylltu prosiect Firebase. ` +
          'Y person cyntaf i ymuno fydd ei gweinyddwr, a gall ysgrifennu stori’r sylfaenydd yma (ychwanegwch y priodoledd editable at y faner).',
      },
      imageUrl: null,
      imageAlt: null,
      cta: null,
      toldAt: null,
      memorial: false,
      approvedBy: null,
      approvedAt: null,
    },
    createdAt: now,
    preview: true,
  };
  return {community};
}
