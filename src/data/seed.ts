// The shape of seed data: a whole community as plain objects. LocalStore loads it directly; the
// emulator tests and `npm run start:emulator` write it to Firestore with the owner's bypass.
import type {Community, Connection, MatchProfile, MemberProfile, Post, PrivateRecord, Reaction, Report, RoleRecord, Thread} from './types.js';

export interface SeedFixture {
  community: Community;
  members?: MemberProfile[];
  privates?: PrivateRecord[];
  roles?: RoleRecord[];
  threads?: Thread[];
  posts?: Post[];
  reactions?: (Reaction & {threadId: string})[];
  reports?: Report[];
  /** Peer connections (issue 11: a private thread takes posts only while its connection is accepted). */
  connections?: (Connection & {endedBy?: string | null})[];
  /** Peer-match profiles (issue 12: the demo shows matches); health details need the member's health consent. */
  matchProfiles?: MatchProfile[];
}
