// The `npm audit --omit=dev` step of npm test (scripts/audit.mjs): which answers fail it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {judge, summarise} from './audit.mjs';

// Shaped like npm 11's `npm audit --json` (auditReportVersion 2).
const report = (vulnerabilities) => {
  const counts = {info: 0, low: 0, moderate: 0, high: 0, critical: 0};
  for (const v of Object.values(vulnerabilities)) counts[v.severity]++;
  return {auditReportVersion: 2, vulnerabilities, metadata: {vulnerabilities: {...counts, total: Object.keys(vulnerabilities).length}}};
};

test('a high or critical advisory in a shipped dependency fails, naming it', () => {
  const v = judge(report({
    protobufjs: {name: 'protobufjs', severity: 'critical', via: [{title: 'Prototype pollution in protobufjs', url: 'https://github.com/advisories/GHSA-x'}]},
    '@firebase/firestore': {name: '@firebase/firestore', severity: 'high', via: ['protobufjs']},
    undici: {name: 'undici', severity: 'moderate', via: [{title: 'Something minor'}]},
  }));
  assert.equal(v.status, 'advisories');
  assert.deepEqual(v.blocking.map((b) => b.name), ['protobufjs', '@firebase/firestore']);
  const out = summarise(v);
  assert.equal(out.fail, true);
  assert.match(out.lines.join('\n'), /critical\s+protobufjs — Prototype pollution/);
  assert.match(out.lines.join('\n'), /@firebase\/firestore — through protobufjs/);
});

test('only low or moderate advisories pass, and are mentioned', () => {
  const out = summarise(judge(report({undici: {name: 'undici', severity: 'moderate', via: [{title: 'x'}]}})));
  assert.equal(out.fail, false);
  assert.match(out.lines[0], /no high or critical advisory.*1 low or moderate/);
});

test('a clean report passes', () => {
  assert.deepEqual(summarise(judge(report({}))), {fail: false, lines: ['npm audit --omit=dev: no high or critical advisory in what the kit ships.']});
});

test('an unreachable advisory service says the check did not happen; it fails only when required', () => {
  // What this machine's registry answers (a mirror without the audit endpoint).
  const answer = {message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: {summary: '', detail: ''}};
  const v = judge(answer);
  assert.equal(v.status, 'unchecked');
  const here = summarise(v);
  assert.equal(here.fail, false);
  assert.match(here.lines[0], /could not ask the advisory service \(405 Method Not Allowed.*NOT checked/);
  assert.equal(summarise(v, true).fail, true);
  assert.equal(judge(null).status, 'unchecked');
  assert.equal(judge({error: {code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed'}}).reason, 'request to https://registry.npmjs.org failed');
});
