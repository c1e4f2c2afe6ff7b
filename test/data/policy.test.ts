// Unit tests of the pure rules both stores share (src/data/policy.ts).
import {expect} from '@open-wc/testing';
import {isKindredError, type KindredError} from '../../src/data/errors.js';
import {
  LIMITS, canReadCommunityContent, canReadCommunityDoc, canReadThread, canSeePost, clampLimit, comparePosts,
  compareThreads, defaultAvatarHue, findBannedWord, initialPostStatus, isHttpsUrl, listedInThread, newId, parsePostCursor,
  parseThreadCursor, postCursor, postForReader, threadCursor, threadIdForKey, validateAvatarHue, validateFounderStory,
  validateHttpsUrl, validateId, validatePostBody, validatePseudonym, validateTags, validateThreadTitle, type Reader,
} from '../../src/data/policy.js';
import {member, post, roles} from '../support/builders.js';

function refuses(fn: () => unknown, field?: string): KindredError {
  try {
    fn();
  } catch (e) {
    expect(isKindredError(e)).to.equal(true);
    expect((e as KindredError).code).to.equal('invalid-argument');
    if (field) expect((e as KindredError).field).to.equal(field);
    return e as KindredError;
  }
  throw new Error('expected invalid-argument');
}

describe('policy', () => {
  describe('validateHttpsUrl', () => {
    it('accepts absolute https: links and normalises them', () => {
      expect(validateHttpsUrl('url', 'https://example.org/a?b=c#d')).to.equal('https://example.org/a?b=c#d');
      expect(validateHttpsUrl('url', ' https://EXAMPLE.org ')).to.equal('https://example.org/');
      expect(isHttpsUrl('https://nhs.uk/conditions/asthma/')).to.equal(true);
    });

    it('refuses javascript:, data:, http: and other schemes, credentials and relative links', () => {
      for (const bad of [
        'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>', 'data:image/png;base64,AAAA', 'http://example.org/',
        'ftp://example.org/', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//example.org/x', '/relative', '',
        'https://user:secret@example.org/', `https://example.org/${'a'.repeat(LIMITS.url)}`,
      ]) {
        refuses(() => validateHttpsUrl('url', bad), 'url');
        expect(isHttpsUrl(bad), bad).to.equal(false);
      }
      expect(isHttpsUrl(null)).to.equal(false);
      expect(isHttpsUrl(42)).to.equal(false);
    });

    it('explains what to do', () => {
      expect(refuses(() => validateHttpsUrl('cta.url', 'http://example.org')).message).to.contain('https://');
    });
  });

  describe('threadIdForKey', () => {
    it('is stable and a valid document id', () => {
      expect(threadIdForKey('walk-2026')).to.equal(threadIdForKey('walk-2026'));
      expect(threadIdForKey('walk-2026')).to.match(/^k_walk-2026_[a-z0-9]+$/);
      const long = threadIdForKey(`/${'campaigns/'.repeat(9)}x`);
      expect(validateId('id', long)).to.equal(long);
      expect(long.length).to.be.at.most(64);
    });

    it('never lets two keys that slug alike share a thread', () => {
      expect(threadIdForKey('/a/b')).not.to.equal(threadIdForKey('/a-b'));
      expect(threadIdForKey('Walk')).not.to.equal(threadIdForKey('walk'));
      expect(threadIdForKey('walk 2026')).not.to.equal(threadIdForKey('walk-2026'));
      const made = new Set(Array.from({length: 2000}, (_, i) => threadIdForKey(`/page/${i}`)));
      expect(made.size).to.equal(2000);
    });

    it('gives a non-Latin key an id too', () => {
      expect(threadIdForKey('让我们走')).to.match(/^k_page_[a-z0-9]+$/);
    });

    it('refuses empty and over-long keys', () => {
      refuses(() => threadIdForKey('  '));
      refuses(() => threadIdForKey('k'.repeat(LIMITS.threadKey + 1)));
      expect(threadIdForKey('k'.repeat(LIMITS.threadKey))).to.be.a('string');
    });
  });

  describe('limits', () => {
    it('post bodies: 1 to 5,000 characters after trimming; line endings normalised', () => {
      expect(LIMITS.postBody).to.equal(5000);
      expect(validatePostBody('  hello\r\nworld  ')).to.equal('hello\nworld');
      expect(validatePostBody('x'.repeat(5000)).length).to.equal(5000);
      expect(refuses(() => validatePostBody('x'.repeat(5001)), 'body').message).to.contain('5000');
      refuses(() => validatePostBody(' \n '), 'body');
      refuses(() => validatePostBody(42), 'body');
    });

    it('keeps zero-width and direction marks (text), refuses control characters', () => {
      expect(validatePostBody('a\u200Bb\u202Ec\u200Fd')).to.equal('a\u200Bb\u202Ec\u200Fd');
      refuses(() => validatePostBody('a\u0000b'), 'body');
      refuses(() => validatePostBody('a\u001Bb'), 'body');
    });

    it('thread titles up to 120, pseudonyms 2–30 on one line without contact details', () => {
      expect(validateThreadTitle('t'.repeat(120)).length).to.equal(120);
      refuses(() => validateThreadTitle('t'.repeat(121)), 'title');
      expect(validatePseudonym('Quiet Heron 42')).to.equal('Quiet Heron 42');
      for (const bad of ['Q', 'q'.repeat(31), 'me@example.org', 'www.example.org', 'see https://x', 'two  spaces', 'two\nlines']) {
        refuses(() => validatePseudonym(bad), 'pseudonym');
      }
    });

    it('tags: at most 10, each 1–40 characters, duplicates dropped', () => {
      expect(validateTags(['a', 'b', 'a'])).to.deep.equal(['a', 'b']);
      refuses(() => validateTags(Array.from({length: 11}, (_, i) => `t${i}`)), 'tags');
      refuses(() => validateTags(['x'.repeat(41)]), 'tags');
      refuses(() => validateTags('inhalers'), 'tags');
    });

    it('page sizes: 20 by default, at most 50, whole numbers', () => {
      expect(clampLimit(undefined)).to.equal(20);
      expect(clampLimit(100)).to.equal(50);
      expect(clampLimit(1)).to.equal(1);
      refuses(() => clampLimit(0), 'limit');
      refuses(() => clampLimit(2.5), 'limit');
    });

    it('avatar hues 0–359; a default per uid that stays the same', () => {
      expect(validateAvatarHue(0)).to.equal(0);
      expect(validateAvatarHue(359)).to.equal(359);
      refuses(() => validateAvatarHue(360), 'avatarHue');
      refuses(() => validateAvatarHue(1.5), 'avatarHue');
      expect(defaultAvatarHue('alice')).to.equal(defaultAvatarHue('alice'));
      for (const uid of ['a', 'alice', newId()]) expect(defaultAvatarHue(uid)).to.be.within(0, 359);
    });

    it('a founder story photo needs alt text and its call to action an https: link', () => {
      const story = {name: 'Catrin', role: {en: 'Founder'}, quote: {en: 'q'}, story: {en: 's'}, imageUrl: null, imageAlt: null, cta: null, toldAt: null, memorial: false};
      expect(validateFounderStory(story).name).to.equal('Catrin');
      refuses(() => validateFounderStory({...story, imageUrl: 'https://example.org/a.jpg'}), 'imageAlt');
      refuses(() => validateFounderStory({...story, cta: {label: {en: 'Go'}, url: 'javascript:alert(1)'}}), 'cta.url');
    });
  });

  describe('ids and cursors', () => {
    it('newId makes 20-character ids that validateId accepts', () => {
      const ids = new Set(Array.from({length: 500}, () => newId()));
      expect(ids.size).to.equal(500);
      for (const id of ids) expect(validateId('id', id)).to.have.length(20);
      refuses(() => validateId('id', 'a/b'), 'id');
      refuses(() => validateId('id', ''), 'id');
      refuses(() => validateId('id', 'x'.repeat(65)), 'id');
    });

    it('post and thread cursors round-trip, even with "_" in ids, and refuse foreign ones', () => {
      expect(parsePostCursor(postCursor({createdAt: 1700000000000, id: 'a_b-c'}))).to.deep.equal({createdAt: 1700000000000, id: 'a_b-c'});
      expect(parseThreadCursor(threadCursor({lastActivityAt: 5, id: 'k_walk_1x'}))).to.deep.equal({lastActivityAt: 5, id: 'k_walk_1x'});
      refuses(() => parsePostCursor('nonsense'), 'cursor');
      refuses(() => parseThreadCursor('12_a/b'), 'cursor');
    });

    it('orders posts oldest first and threads most recent first, ties by id', () => {
      const posts = [{createdAt: 2, id: 'a'}, {createdAt: 1, id: 'b'}, {createdAt: 1, id: 'a'}];
      expect(posts.sort(comparePosts)).to.deep.equal([{createdAt: 1, id: 'a'}, {createdAt: 1, id: 'b'}, {createdAt: 2, id: 'a'}]);
      const threads = [{lastActivityAt: 1, id: 'a'}, {lastActivityAt: 2, id: 'a'}, {lastActivityAt: 1, id: 'b'}];
      expect(threads.sort(compareThreads)).to.deep.equal([{lastActivityAt: 2, id: 'a'}, {lastActivityAt: 1, id: 'b'}, {lastActivityAt: 1, id: 'a'}]);
    });
  });

  describe('reading', () => {
    const visitor: Reader = {user: null, isMember: false, roles: null};
    const stranger: Reader = {user: {uid: 's', anonymous: true}, isMember: false, roles: null};
    const alice: Reader = {user: {uid: 'alice', anonymous: false}, isMember: true, roles: null};
    const mo: Reader = {user: {uid: 'mo', anonymous: false}, isMember: true, roles: roles('mo', ['moderator'])};

    it('a public community is open to all; a members-only one shows visitors nothing', () => {
      for (const r of [visitor, stranger, alice]) {
        expect(canReadCommunityDoc('public', r)).to.equal(true);
        expect(canReadCommunityContent('public', r)).to.equal(true);
      }
      expect(canReadCommunityDoc('members', visitor)).to.equal(false);
      expect(canReadCommunityDoc('members', stranger), 'signed in: to read the guidelines and join').to.equal(true);
      expect(canReadCommunityContent('members', stranger)).to.equal(false);
      expect(canReadCommunityContent('members', alice)).to.equal(true);
    });

    it('a private thread: its participants; moderators only once it was reported', () => {
      const t = {participants: ['alice', 'bea']};
      expect(canReadThread('public', alice, t)).to.equal(true);
      expect(canReadThread('public', mo, t)).to.equal(false);
      expect(canReadThread('public', mo, t, true)).to.equal(true);
      expect(canReadThread('public', stranger, t, true)).to.equal(false);
      expect(canReadThread('public', stranger, t)).to.equal(false);
      expect(canReadThread('public', visitor, {participants: null})).to.equal(true);
    });

    it('held posts: their author and moderators; hidden and deleted posts lose their body', () => {
      const author = member('alice');
      const held = post('t', 'p', author, {status: 'held'});
      expect(canSeePost(alice, held)).to.equal(true);
      expect(canSeePost(mo, held)).to.equal(true);
      expect(canSeePost(stranger, held)).to.equal(false);
      expect(canSeePost(visitor, post('t', 'p', author, {status: 'hidden'}))).to.equal(true);
      expect(listedInThread(alice.user, held), 'listed for its author').to.equal(true);
      expect(listedInThread(mo.user, held), 'moderators review it in their queue').to.equal(false);
      expect(listedInThread(null, post('t', 'p', author, {status: 'deleted'}))).to.equal(true);
      expect(postForReader(post('t', 'p', author, {status: 'hidden', body: 'secret'})).body).to.equal('');
      expect(postForReader(post('t', 'p', author, {body: 'kept'})).body).to.equal('kept');
    });
  });

  describe('moderation', () => {
    const settings = {moderation: 'post' as const, holdFirstPosts: 0, bannedWords: ['scam', 'miracle cure']};

    it('finds banned words as whole words, any case', () => {
      expect(findBannedWord('This is a SCAM.', settings.bannedWords)).to.equal('scam');
      expect(findBannedWord('A miracle cure!', settings.bannedWords)).to.equal('miracle cure');
      expect(findBannedWord('Scampi and escamotage', settings.bannedWords)).to.equal(null);
      expect(findBannedWord('anything', [' ', ''])).to.equal(null);
      expect(findBannedWord('a (b) c', ['(b)'])).to.equal('(b)');
    });

    it('decides a new post’s status', () => {
      expect(initialPostStatus(settings, false, 0, 'hello')).to.deep.equal({status: 'visible', statusReason: null});
      expect(initialPostStatus(settings, false, 0, 'scam')).to.deep.equal({status: 'held', statusReason: 'banned-word'});
      expect(initialPostStatus({...settings, moderation: 'all'}, false, 10, 'hello')).to.deep.equal({status: 'held', statusReason: 'moderation'});
      expect(initialPostStatus({...settings, moderation: 'all'}, true, 0, 'scam').status, 'moderators are never held').to.equal('visible');
      const firstPosts = {...settings, moderation: 'first-posts' as const, holdFirstPosts: 2};
      expect(initialPostStatus(firstPosts, false, 1, 'hi')).to.deep.equal({status: 'held', statusReason: 'first-posts'});
      expect(initialPostStatus(firstPosts, false, 2, 'hi').status).to.equal('visible');
      expect(initialPostStatus(firstPosts, false, 0, 'scam').statusReason, 'the more useful reason wins').to.equal('banned-word');
    });
  });
});

describe('initials() for generated avatars', () => {
  it('takes the first and last words that contain a letter', async () => {
    const {initials} = await import('../../src/data/pseudonyms.js');
    expect(initials('Sarah Ann Jones')).to.equal('SJ');
    expect(initials('Quiet Heron 42')).to.equal('QH');
    expect(initials('Rhys (volunteer)')).to.equal('RV');
    expect(initials('Siân')).to.equal('S');
    expect(initials('   ')).to.equal('?');
  });
});
