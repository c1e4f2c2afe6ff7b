import {defineMessages} from '../../i18n/messages.js';

const en = {
  inMemoryOf: (name: string): string => `In memory of ${name}`,
  toldOn: 'Story told on',
  joinDefault: 'Join the community',
  readMore: 'Read more',
  showLess: 'Show less',
  notInWelsh: 'This story is not yet available in Welsh.',
  loading: 'Loading the founder’s story…',
  loadError: 'The founder’s story could not be loaded.',
  offline: 'You are offline. This is the last version of the story we loaded.',
  warnMissingAlt: 'Authoring warning: the photo has no alt text, so it is not shown. Add image-alt="…" describing the photo.',
  warnBadImage: 'Authoring warning: the photo link is not valid. Use an https:// link.',
  warnBadCta: 'Authoring warning: the call to action is not shown because its link does not start with https://.',
  editStory: 'Edit story',
  formTitle: 'Edit the founder’s story',
  fieldName: 'Name or pseudonym',
  fieldRole: 'Role (for example “Founder, mum of Cai”)',
  fieldQuote: 'Pull quote',
  fieldStoryEn: 'Story in English',
  fieldStoryCy: 'Story in Welsh (optional)',
  storyHint: 'Separate paragraphs with a blank line.',
  fieldImageUrl: 'Photo link (https://, optional)',
  fieldImageAlt: 'Photo description (alt text, needed with a photo)',
  fieldCtaLabel: 'Button label (optional)',
  fieldCtaUrl: 'Button link (https://)',
  fieldMemorial: 'In memory: the founder has died (calmer styling, no button unless set)',
  save: 'Save story',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: 'Story saved.',
  checkField: (label: string): string => `Check “${label}”.`,
};

export const founderStoryBannerMessages = defineMessages({en}, 'founderStoryBanner', () => import('./founder-story-banner.messages.cy.js'));
export type FounderStoryBannerMessages = typeof en;
