// Writes demo/seed.json: the fictional "Breathe Easy Cymru" asthma community used by the demo site
// (`<kin-community community="asthma-cymru" store="local" seed="./seed.json">`) and, through
// `npm run start:emulator`, seeded into the Firestore emulator.
//
//   npm run build && node scripts/make-demo-seed.mjs
//
// Everything is fictional. Times are relative to a fixed date so the file is the same on every run.
// The page-keyed thread's id comes from the real `threadIdForKey` (dist/data/policy.js), so an
// element with thread-key="walk-2026" finds it.
import {existsSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const policyJs = join(root, 'dist', 'data', 'policy.js');
if (!existsSync(policyJs)) {
  console.error('make-demo-seed: dist/data/policy.js is missing; run `npm run build` first.');
  process.exit(1);
}
const {threadIdForKey, validatePseudonym, validatePostBody, validateThreadTitle, validateFounderStory, validateTags, validateText, LIMITS} =
  await import(pathToFileURL(policyJs).href);

/** The demo's "now": 2 February 2026, 09:00 UTC. */
const NOW = Date.UTC(2026, 1, 2, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (daysAgo, hours = 0, minutes = 0) => NOW - daysAgo * DAY + hours * HOUR + minutes * MIN;

const CID = 'asthma-cymru';
const GUIDELINES = '2026-01';

// Members -------------------------------------------------------------------------------------------
const people = [
  {uid: 'u-catrin', pseudonym: 'Catrin H', relationship: 'carer', hue: 12, badges: ['founder'], listed: true, joined: 420,
    bio: 'Mam to Osian (11), who has had severe asthma since he was two. I started this group after a long winter on the children’s ward.',
    tags: ['children', 'severe-asthma', 'school'], health: true},
  {uid: 'u-rhys', pseudonym: 'Rhys (volunteer)', relationship: 'other', hue: 205, badges: ['admin'], listed: true, joined: 415,
    bio: 'Volunteer community manager. Ask me anything about how the site works.', tags: [], health: false},
  {uid: 'u-megan', pseudonym: 'MeganB', relationship: 'patient', hue: 280, badges: ['moderator'], listed: true, joined: 380,
    bio: 'Adult-onset asthma at 34. Runner again after two years of getting it under control. Volunteer moderator.',
    tags: ['adult-onset', 'exercise', 'inhalers'], health: true},
  {uid: 'u-sian', pseudonym: 'Siân – asthma nurse', relationship: 'professional', hue: 160, badges: ['clinician'], listed: true, joined: 300,
    clinicianScope: 'Asthma nurse',
    bio: 'Respiratory nurse specialist in north Wales. I share general information here; for advice about you, please speak to your own GP, nurse or pharmacist.',
    tags: ['inhalers', 'children', 'school'], health: false},
  {uid: 'u-dafydd', pseudonym: 'Dafydd o’r Bala', relationship: 'patient', hue: 95, badges: [], listed: true, joined: 210,
    bio: 'Farmer, lifelong asthma, hay fever every June. Dw i’n siarad Cymraeg.', tags: ['allergies', 'cold-weather'], health: true},
  {uid: 'u-priya', pseudonym: 'Priya M', relationship: 'carer', hue: 330, badges: [], listed: true, joined: 150,
    bio: 'Mum of a four-year-old who was diagnosed last spring. Still learning!', tags: ['children', 'inhalers'], health: true},
  {uid: 'u-tom', pseudonym: 'TomRuns', relationship: 'patient', hue: 45, badges: [], listed: true, joined: 90,
    bio: 'Training for my first 10k with exercise-induced asthma.', tags: ['exercise', 'adult-onset'], health: true},
  {uid: 'u-eleri', pseudonym: 'Eleri', relationship: 'patient', hue: 240, badges: [], listed: true, joined: 60,
    bio: 'Myfyrwraig yn Aberystwyth. Asthma ers plentyndod.', tags: ['cold-weather', 'inhalers'], health: true},
  {uid: 'u-gareth', pseudonym: 'Gareth, dad of two', relationship: 'carer', hue: 180, badges: [], listed: false, joined: 20,
    bio: '', tags: ['children'], health: false},
];
const byUid = new Map(people.map((p) => [p.uid, p]));

const members = people.map((p) => ({
  uid: p.uid,
  pseudonym: p.pseudonym,
  avatarUrl: null,
  avatarHue: p.hue,
  relationship: p.relationship,
  bio: p.bio,
  tags: p.tags,
  listed: p.listed,
  badges: p.badges,
  clinicianScope: p.clinicianScope ?? null,
  joinedAt: at(p.joined, 3),
  pseudonymLower: p.pseudonym.toLowerCase(),
}));

const privates = people.map((p) => ({
  uid: p.uid,
  guidelines: {version: GUIDELINES, at: at(Math.min(p.joined, 31), 3)},
  healthConsent: p.health ? {version: GUIDELINES, at: at(Math.min(p.joined, 31), 3, 2)} : null,
  fieldVisibility: {},
}));

const roles = people.filter((p) => p.badges.length).map((p) => ({
  uid: p.uid,
  roles: p.badges,
  clinicianScope: p.clinicianScope ?? null,
  verifiedBy: p.badges.includes('clinician') ? 'u-rhys' : null,
  verifiedAt: p.badges.includes('clinician') ? at(299) : null,
  suspendedUntil: null,
  grantedBy: 'u-rhys',
  updatedAt: at(p.joined - 1),
}));

// Community -----------------------------------------------------------------------------------------
const community = {
  id: CID,
  name: {en: 'Breathe Easy Cymru', cy: 'Anadlu’n Rhwydd Cymru'},
  tagline: {
    en: 'People in Wales living with asthma, and the families who care for them, supporting each other.',
    cy: 'Pobl yng Nghymru sy’n byw gydag asthma, a’r teuluoedd sy’n gofalu amdanyn nhw, yn cefnogi ei gilydd.',
  },
  languages: ['en', 'cy'],
  settings: {
    visibility: 'public',
    moderation: 'post',
    holdFirstPosts: 0,
    bannedWords: [],
    nation: 'wales',
    tags: ['children', 'adult-onset', 'severe-asthma', 'inhalers', 'exercise', 'cold-weather', 'allergies', 'school'],
    guidelinesVersion: GUIDELINES,
    consentVersion: GUIDELINES,
    // The limits firestore.rules recommends for a real community (RECOMMENDED_RATE_LIMITS in policy.ts).
    postIntervalSeconds: 10,
    reportsPerHour: 10,
  },
  founderStory: {
    name: 'Catrin Hughes',
    role: {en: 'Founder, and mam to Osian', cy: 'Sylfaenydd, a mam i Osian'},
    quote: {
      en: 'Nobody should have to sit by a hospital bed at 3 a.m. feeling that they are the only one.',
      cy: 'Ddylai neb orfod eistedd wrth wely ysbyty am dri o’r gloch y bore yn teimlo mai nhw yw’r unig un.',
    },
    story: {
      en: [
        'Osian had his first serious asthma attack when he was two. By the time he was seven we knew the children’s ward at Ysbyty Gwynedd better than we knew some of our neighbours.',
        'The nurses were wonderful, but when we got home the questions kept coming. Is this cough the start of another attack? How do other parents handle PE, sleepovers, bonfire night? I searched online at midnight and found forums full of people in other countries, with other health systems.',
        'So in 2024 I started a small group for families in Wales. Other parents joined, then adults with asthma, then a couple of nurses who give their time to answer general questions. Now there are hundreds of us, in English and in Welsh.',
        'Osian is eleven now. He plays rugby, he knows his action plan better than I do, and he rolls his eyes when I check his inhaler. If you are at the start of this, come and say hello. You are not on your own.',
      ].join('\n\n'),
      cy: [
        'Cafodd Osian ei bwl asthma difrifol cyntaf pan oedd yn ddwy oed. Erbyn ei fod yn saith, roedden ni’n adnabod ward y plant yn Ysbyty Gwynedd yn well na rhai o’n cymdogion.',
        'Roedd y nyrsys yn wych, ond ar ôl dod adref roedd y cwestiynau’n dal i ddod. Ai dechrau pwl arall yw’r peswch yma? Sut mae rhieni eraill yn ymdopi ag addysg gorfforol, cysgu dros nos, noson tân gwyllt? Chwiliais ar-lein ganol nos a dod o hyd i fforymau’n llawn pobl mewn gwledydd eraill, gyda systemau iechyd eraill.',
        'Felly yn 2024 dechreuais grŵp bach i deuluoedd yng Nghymru. Ymunodd rhieni eraill, yna oedolion ag asthma, yna ambell nyrs sy’n rhoi o’u hamser i ateb cwestiynau cyffredinol. Erbyn hyn mae cannoedd ohonon ni, yn Gymraeg ac yn Saesneg.',
        'Mae Osian yn un ar ddeg nawr. Mae’n chwarae rygbi, mae’n gwybod ei gynllun gweithredu’n well na fi, ac mae’n rholio’i lygaid pan dw i’n gwirio’i anadlydd. Os ydych chi ar ddechrau’r daith, dewch i ddweud helo. Dydych chi ddim ar eich pen eich hun.',
      ].join('\n\n'),
    },
    imageUrl: null,
    imageAlt: null,
    cta: {label: {en: 'Join the community', cy: 'Ymunwch â’r gymuned'}, url: 'https://breathe-easy-cymru.example/join'},
    toldAt: at(400),
    memorial: false,
    approvedBy: 'u-rhys',
    approvedAt: at(399),
  },
  createdAt: at(420),
};

// Threads and posts -----------------------------------------------------------------------------------
const threads = [];
const posts = [];
const reactions = [];
let reactionCursor = 0;

function addThread({id, key = null, title, author, created}) {
  const thread = {
    id, key, title, authorId: author, authorName: byUid.get(author).pseudonym,
    createdAt: created, lastActivityAt: created, postCount: 0, status: 'visible', participants: null,
  };
  threads.push(thread);
  return thread;
}

/** Adds a post; `react` lists [uid, kind] pairs (never the author's own). */
function addPost(thread, {id, author, body, created, parent = null, react = [], status = 'visible', statusReason = null}) {
  const p = byUid.get(author);
  // Replies are one level deep: a parent is always a top-level post of the same thread.
  if (parent && !posts.some((x) => x.id === parent && x.threadId === thread.id && x.parentId === null)) {
    throw new Error(`${id}: parent ${parent} is not a top-level post of ${thread.id}`);
  }
  const counts = {heart: 0, hug: 0, metoo: 0, thanks: 0};
  for (const [uid, kind] of react) {
    if (uid === author) throw new Error(`${id}: an author does not react to their own post`);
    counts[kind]++;
    reactions.push({threadId: thread.id, postId: id, uid, kind, at: created + (++reactionCursor % 50 + 5) * MIN});
  }
  posts.push({
    id, threadId: thread.id, body, authorId: author, authorName: p.pseudonym, authorRelationship: p.relationship,
    authorAvatarUrl: null, authorAvatarHue: p.hue, authorBadges: p.badges, parentId: parent, createdAt: created,
    editedAt: null, status, statusReason, reactions: counts,
  });
  // Only visible posts count (as the stores count them); a held one is counted when a moderator approves it.
  if (status === 'visible') {
    thread.postCount++;
    thread.lastActivityAt = Math.max(thread.lastActivityAt, created);
  }
  return id;
}

// Hub thread 1: spacers for toddlers.
{
  const t = addThread({id: 't-spacers-toddlers', title: 'Spacers for toddlers: how do you get them to keep the mask on?', author: 'u-priya', created: at(12, 8, 10)});
  const a = addPost(t, {id: 'p-spacer-1', author: 'u-priya', created: at(12, 8, 10),
    body: 'My daughter is four and fights the spacer mask every evening. It turns into a wrestling match and I worry she is not getting the full dose.\n\nAny tips from parents who have been through this?',
    react: [['u-catrin', 'hug'], ['u-gareth', 'metoo'], ['u-megan', 'heart']]});
  addPost(t, {id: 'p-spacer-2', author: 'u-catrin', parent: a, created: at(12, 9, 2),
    body: 'We went through exactly this! What worked for Osian was letting him “give” the teddy its puffs first, then his turn. We also counted the breaths out loud together, slowly, like a song.',
    react: [['u-priya', 'thanks'], ['u-gareth', 'heart']]});
  addPost(t, {id: 'p-spacer-3', author: 'u-sian', parent: a, created: at(12, 11, 30),
    body: 'A general tip many families find useful: a good seal matters more than the number of breaths, so a calm child with a loose mask gets less than a calm child with a snug one. Ask your practice nurse or pharmacist to check the mask size and technique with you. They are glad to do it.',
    react: [['u-priya', 'thanks'], ['u-catrin', 'thanks'], ['u-megan', 'thanks'], ['u-tom', 'heart']]});
  addPost(t, {id: 'p-spacer-4', author: 'u-gareth', created: at(11, 19, 45),
    body: 'Stickers. Honestly, a sticker chart on the fridge changed everything for our youngest. Five nights of no fuss meant a trip to the swimming pool.',
    react: [['u-priya', 'heart'], ['u-catrin', 'metoo']]});
  addPost(t, {id: 'p-spacer-5', author: 'u-priya', parent: 'p-spacer-4', created: at(11, 20, 5),
    body: 'Love this idea, we are starting a chart tonight. Thank you all, I feel a lot less alone with it.',
    react: [['u-gareth', 'hug']]});
}

// Hub thread 2: cold weather.
{
  const t = addThread({id: 't-cold-weather', title: 'Cold snaps: what helps you when the weather turns?', author: 'u-dafydd', created: at(9, 7, 20)});
  const a = addPost(t, {id: 'p-cold-1', author: 'u-dafydd', created: at(9, 7, 20),
    body: 'Minus four on the farm this morning and my chest knew about it before I did. A scarf over my nose and mouth helps when I am out feeding the sheep. What works for everyone else?',
    react: [['u-eleri', 'metoo'], ['u-megan', 'metoo'], ['u-tom', 'metoo']]});
  addPost(t, {id: 'p-cold-2', author: 'u-eleri', parent: a, created: at(9, 9, 0),
    body: 'Yr un peth yma yn Aberystwyth, ond gyda gwynt y môr hefyd! Sgarff a cherdded yn arafach i fyny’r rhiw i’r campws. Dw i’n cadw fy anadlydd glas ym mhoced fy nghot, nid yn fy mag.',
    react: [['u-dafydd', 'heart'], ['u-catrin', 'thanks']]});
  addPost(t, {id: 'p-cold-3', author: 'u-megan', parent: a, created: at(9, 12, 15),
    body: 'I warm up indoors for ten minutes before a winter run, and I switched to a treadmill on the very coldest days. It felt like giving in at first, but my asthma review was much better this year.',
    react: [['u-tom', 'thanks'], ['u-dafydd', 'heart']]});
  addPost(t, {id: 'p-cold-4', author: 'u-sian', created: at(8, 10, 0),
    body: 'A reminder as we head into colder weeks: if you are using your reliever inhaler more than usual, that is a sign to book an asthma review rather than to put up with it. If your reliever is not helping or you are too breathless to speak, call 999.',
    react: [['u-catrin', 'thanks'], ['u-dafydd', 'thanks'], ['u-eleri', 'thanks'], ['u-priya', 'thanks'], ['u-rhys', 'heart']]});
  addPost(t, {id: 'p-cold-5', author: 'u-dafydd', parent: 'p-cold-4', created: at(8, 18, 40),
    body: 'Diolch, Siân. I booked my review this afternoon. I had been putting it off since the autumn.',
    react: [['u-sian', 'heart'], ['u-megan', 'heart']]});
  addPost(t, {id: 'p-cold-6', author: 'u-tom', created: at(7, 6, 55),
    body: 'First frosty parkrun done with a buff over my face. Slowest time yet and I am still counting it as a win.',
    react: [['u-megan', 'heart'], ['u-dafydd', 'heart'], ['u-catrin', 'heart']]});
  addPost(t, {id: 'p-cold-7', author: 'u-eleri', parent: 'p-cold-6', created: at(7, 9, 30),
    body: 'Da iawn ti! Mae pob parkrun yn y rhew yn cyfri ddwywaith.',
    react: [['u-tom', 'heart']]});
  // Issue 12: a post a member has reported, waiting in the moderation queue.
  addPost(t, {id: 'p-cold-8', author: 'u-gareth', created: at(1, 8, 40),
    body: 'Honestly I stopped my brown inhaler over Christmas and felt no different. I reckon they are mostly a con.'});
}

// Hub thread 3: back to school.
{
  const t = addThread({id: 't-school-plans', title: 'Back to school: sharing asthma plans with teachers', author: 'u-catrin', created: at(5, 16, 0)});
  const a = addPost(t, {id: 'p-school-1', author: 'u-catrin', created: at(5, 16, 0),
    body: 'New term, new supply teacher in Osian’s class. Every January I send the school a fresh copy of his asthma action plan and check there is an in-date inhaler and spacer in the office.\n\nWhat do other families do? Has anyone had a good experience with a school asthma policy?',
    react: [['u-priya', 'thanks'], ['u-gareth', 'thanks']]});
  addPost(t, {id: 'p-school-2', author: 'u-gareth', parent: a, created: at(5, 19, 20),
    body: 'Our school has a laminated card for each child with a photo on it, kept by the inhaler box. The head said it was after a parent in this group suggested it last year, so thank you whoever that was!',
    react: [['u-catrin', 'heart'], ['u-priya', 'heart'], ['u-rhys', 'heart']]});
  addPost(t, {id: 'p-school-3', author: 'u-eleri', parent: a, created: at(4, 8, 30),
    body: 'Fel rhywun oedd yn blentyn ag asthma: plîs gadewch i’r plant gadw’u hanadlydd eu hunain pan maen nhw’n ddigon hen. Ro’n i’n casáu gorfod gofyn am allwedd y swyddfa o flaen pawb.',
    react: [['u-catrin', 'metoo'], ['u-megan', 'heart']]});
  addPost(t, {id: 'p-school-4', author: 'u-sian', parent: a, created: at(4, 13, 5),
    body: 'Schools in Wales should have a medical conditions policy, and many keep an emergency inhaler too. It is reasonable to ask to see the policy and to ask who has had asthma training this year.',
    react: [['u-catrin', 'thanks'], ['u-gareth', 'thanks'], ['u-priya', 'thanks']]});
  addPost(t, {id: 'p-school-7', author: 'u-catrin', parent: a, created: at(4, 9, 10),
    body: 'Diolch Eleri, that is such a useful reminder. Osian carries his own now and it has made a big difference to how confident he feels.',
    react: [['u-eleri', 'heart']]});
  addPost(t, {id: 'p-school-5', author: 'u-priya', created: at(3, 9, 45),
    body: 'Nursery starts for us in April. Saving this whole thread. You are all brilliant.',
    react: [['u-catrin', 'hug']]});
  addPost(t, {id: 'p-school-6', author: 'u-megan', created: at(2, 20, 10),
    body: 'Moderator note: lovely thread. A gentle reminder not to name schools or staff here, so nobody can be identified. Thank you for keeping it kind.',
    react: [['u-rhys', 'thanks'], ['u-catrin', 'thanks']]});
  // Issue 12: the moderation queue has something to review in the demo. A post with a phone number is
  // held for review (policy: contact details), shown to its author and the moderators only.
  addPost(t, {id: 'p-school-8', author: 'u-gareth', parent: a, created: at(1, 21, 5), status: 'held', statusReason: 'contact-details',
    body: 'I have a template letter for the school asthma policy if anyone wants it. Text me on 07700 900123 and I will send it over.'});
}

// The page-keyed thread under the campaign page (thread-key="walk-2026").
{
  const key = 'walk-2026';
  const t = addThread({id: threadIdForKey(key), key, title: 'Walk for Breath 2026', author: 'u-rhys', created: at(6, 10, 0)});
  const a = addPost(t, {id: 'p-walk-1', author: 'u-rhys', created: at(6, 10, 0),
    body: 'Our sponsored walk is back! Saturday 16 May, along the Mawddach Trail from Dolgellau to Barmouth (about 9 miles, flat, pushchair and wheelchair friendly). Walk all of it or just the last mile across the bridge. Questions welcome here.',
    react: [['u-catrin', 'heart'], ['u-dafydd', 'heart'], ['u-tom', 'heart'], ['u-priya', 'heart']]});
  addPost(t, {id: 'p-walk-2', author: 'u-tom', parent: a, created: at(6, 12, 30),
    body: 'Signed up! Is there somewhere to stop halfway if anyone needs a breather?',
    react: [['u-megan', 'metoo']]});
  addPost(t, {id: 'p-walk-3', author: 'u-rhys', parent: a, created: at(6, 13, 0),
    body: '@TomRuns yes: a rest stop with water and seats at Penmaenpool, and volunteers in yellow bibs every mile. Siân and two other nurses will be walking with us too.',
    react: [['u-tom', 'thanks']]});
  addPost(t, {id: 'p-walk-4', author: 'u-dafydd', created: at(5, 8, 0),
    body: 'Bydda i yno gyda’r teulu. Mae’r daith ar hyd yr aber yn hyfryd ym mis Mai. Peidiwch ag anghofio’ch anadlydd a’ch tabledi clefyd y gwair!',
    react: [['u-eleri', 'heart'], ['u-catrin', 'heart']]});
  addPost(t, {id: 'p-walk-5', author: 'u-catrin', created: at(4, 17, 25),
    body: 'Osian has asked if he can carry the banner at the start this year. We are walking in memory of his friend Cai’s nain, who was one of our very first members.',
    react: [['u-megan', 'hug'], ['u-priya', 'hug'], ['u-rhys', 'heart'], ['u-gareth', 'hug']]});
  addPost(t, {id: 'p-walk-6', author: 'u-priya', created: at(1, 11, 15),
    body: 'We will do the last mile with the pushchair. First ever sponsored anything for us. A bit nervous, very excited.',
    react: [['u-catrin', 'heart'], ['u-rhys', 'heart']]});
}

threads.sort((x, y) => y.lastActivityAt - x.lastActivityAt);
for (const t of threads) {
  if (!posts.some((p) => p.threadId === t.id)) throw new Error(`thread ${t.id} has no posts`);
}

// Every text passes the same validation as a member's input would (policy.ts), so the seed is data
// the stores could have written themselves.
for (const m of members) {
  validatePseudonym(m.pseudonym);
  validateText('bio', m.bio, {max: LIMITS.bio});
  validateTags(m.tags);
  if (m.tags.some((tag) => !community.settings.tags.includes(tag))) throw new Error(`${m.uid}: tag not in the community's list`);
}
for (const t of threads) validateThreadTitle(t.title);
for (const p of posts) validatePostBody(p.body);
validateFounderStory(community.founderStory);

// Issue 12: a report waiting for the moderators (about p-cold-8).
const reports = [{
  id: 'r-cold-8', target: {kind: 'post', threadId: 't-cold-weather', postId: 'p-cold-8'}, reason: 'misinformation',
  details: 'Stopping a preventer inhaler without talking to a nurse or GP can be dangerous.', reporterId: 'u-megan',
  createdAt: at(1, 9, 15), status: 'open',
}];

// Issue 12: peer matching in the demo. Members who gave health consent share coarse profiles, so the
// peer-match card shows "people like me" (conditions are the community's own tags).
const match = (uid, p) => {
  if (!byUid.get(uid).health && (p.conditions?.length || p.experiences?.length || p.diagnosedBand)) throw new Error(`${uid}: health details need health consent`);
  return {uid, conditions: [], diagnosedBand: null, experiences: [], relationship: byUid.get(uid).relationship, ageBand: null,
    region: null, languages: ['en'], interests: [], open: true, updatedAt: at(30), ...p};
};
const matchProfiles = [
  match('u-catrin', {conditions: ['children', 'severe-asthma'], diagnosedBand: 'over-10', experiences: ['hospital stays', 'school plans'],
    ageBand: '35-49', region: 'north-wales', languages: ['en', 'cy'], interests: ['walking', 'rugby']}),
  match('u-priya', {conditions: ['children', 'inhalers'], diagnosedBand: 'under-1', experiences: ['school plans'],
    ageBand: '25-34', region: 'south-east-wales', interests: ['walking']}),
  match('u-megan', {conditions: ['adult-onset', 'exercise', 'severe-asthma'], diagnosedBand: '3-10', experiences: ['running'],
    ageBand: '35-49', region: 'south-east-wales', interests: ['running', 'walking']}),
  match('u-tom', {conditions: ['exercise', 'adult-onset'], diagnosedBand: '1-3', experiences: ['running'],
    ageBand: '25-34', region: 'south-west-wales', interests: ['running']}),
  match('u-dafydd', {conditions: ['allergies', 'cold-weather'], diagnosedBand: 'over-10', ageBand: '50-64', region: 'north-wales',
    languages: ['cy', 'en'], interests: ['walking']}),
  match('u-eleri', {conditions: ['cold-weather', 'inhalers', 'severe-asthma'], diagnosedBand: 'over-10', ageBand: '18-24', region: 'mid-wales',
    languages: ['cy', 'en'], interests: ['walking']}),
];

// Issue 12: a connection. Catrin and Priya (both parents of young children with asthma) are connected and
// have a private thread; Tom has asked Megan to connect and waits for her answer.
const connections = [
  {id: 'u-catrin_u-priya', members: ['u-catrin', 'u-priya'], requestedBy: 'u-priya', status: 'accepted', threadId: 'c_u-catrin_u-priya',
    message: 'Hello Catrin, your post about spacers helped so much. Could we chat about nursery?', createdAt: at(10, 20), updatedAt: at(10, 21)},
  {id: 'u-megan_u-tom', members: ['u-megan', 'u-tom'], requestedBy: 'u-tom', status: 'pending', threadId: null,
    message: 'Hi Megan, I would love some tips on running through the winter.', createdAt: at(2, 18), updatedAt: at(2, 18)},
];
{
  const t = {id: 'c_u-catrin_u-priya', key: null, title: 'Priya M · Catrin H', authorId: 'u-catrin', authorName: byUid.get('u-catrin').pseudonym,
    createdAt: at(10, 21), lastActivityAt: at(10, 21), postCount: 0, status: 'visible', participants: ['u-catrin', 'u-priya']};
  threads.push(t);
  addPost(t, {id: 'p-peer-1', author: 'u-catrin', created: at(10, 21, 30),
    body: 'Lovely to hear from you, Priya. Nursery was a big step for us too. Ask me anything, any time.'});
  addPost(t, {id: 'p-peer-2', author: 'u-priya', created: at(10, 22, 10),
    body: 'Thank you! Did you give the nursery a written plan, or talk them through it?'});
}

const {validateMatchProfile} = await import(pathToFileURL(join(root, 'dist', 'data', 'connections.js')).href);
for (const m of matchProfiles) validateMatchProfile(m.uid, m, community.settings.tags, m.updatedAt);
for (const p of posts.filter((x) => x.threadId.startsWith('c_'))) validatePostBody(p.body);

const seed = {community, members, privates, roles, threads, posts, reactions, reports, connections, matchProfiles};
const out = join(root, 'demo', 'seed.json');
writeFileSync(out, JSON.stringify(seed, null, 1) + '\n');
console.log(`make-demo-seed: wrote ${out}: ${members.length} members, ${threads.length} threads, ${posts.length} posts, ${reactions.length} reactions, `
  + `${reports.length} report, ${matchProfiles.length} match profiles, ${connections.length} connections; walk-2026 → ${threadIdForKey('walk-2026')}`);
