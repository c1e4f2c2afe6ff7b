// The shape of seed data: a whole community as plain objects. LocalStore loads it directly; the
// emulator tests and `npm run start:emulator` write it to Firestore with the owner's bypass.
import type {Community, MemberProfile, Post, PrivateRecord, Reaction, Report, RoleRecord, Thread} from './types.js';

export interface SeedFixture {
  community: Community;
  members?: MemberProfile[];
  privates?: PrivateRecord[];
  roles?: RoleRecord[];
  threads?: Thread[];
  posts?: Post[];
  reactions?: (Reaction & {threadId: string})[];
  reports?: Report[];
}
