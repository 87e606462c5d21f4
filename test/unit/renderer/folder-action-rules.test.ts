import { describe, expect, it } from 'vitest';
import { checkDestination, checkName, checkRename, normaliseDestination } from '../../../src/renderer/features/folder-actions/name-rules';
import { applyJobEvent, hasFailures, jobFraction, startedJob } from '../../../src/renderer/features/folder-actions/job-state';

describe('checkName', () => {
  it('accepts ordinary and odd-but-valid names', () => {
    expect(checkName('Season 2', 'public/', true)).toEqual({});
    expect(checkName('a+b%c#d?e&f', '', true)).toEqual({});
    expect(checkName('naïve 日本', '', false)).toEqual({});
  });
  it('blocks what cannot be a name', () => {
    expect(checkName('', '', true).error).toMatch(/enter a name/i);
    expect(checkName('   ', '', true).error).toMatch(/not a space/i);
    expect(checkName('a/b', '', true).error).toMatch(/“\/”/);
    expect(checkName('..', '', true).error).toMatch(/parent/);
    expect(checkName('a\nb', '', true).error).toMatch(/control/);
    expect(checkName('x'.repeat(1020), 'abc/', true).error).toMatch(/1,025 bytes/);
  });
  it('warns about edge spaces but allows them', () => {
    expect(checkName('draft ', '', false)).toEqual({ warning: expect.stringMatching(/ends with a space/i) as string });
  });
});

describe('rename and paths', () => {
  it('requires a change', () => {
    expect(checkRename('a/b.txt', 'b.txt').error).toMatch(/current name/);
    expect(checkRename('a/b/', 'c')).toEqual({});
  });
});

describe('checkDestination', () => {
  it('normalises to a folder prefix', () => {
    expect(normaliseDestination('')).toBe('');
    expect(normaliseDestination('private/x')).toBe('private/x/');
  });
  it('refuses a folder into itself and a no-op move', () => {
    expect(checkDestination('public/a/b', ['public/a/'], 'move').error).toMatch(/into itself/);
    expect(checkDestination('public/', ['public/a/', 'public/x.txt'], 'move').error).toMatch(/already are/);
    expect(checkDestination('public/', ['public/x.txt'], 'copy').error).toMatch(/overwrite/);
    expect(checkDestination('private/', ['public/a/'], 'move')).toEqual({});
  });
  it('warns about a leading slash and blocks keys that grow too long', () => {
    expect(checkDestination('/x', ['a.txt'], 'copy').warning).toMatch(/starts with “\/”/);
    expect(checkDestination('d'.repeat(1000), [`a/${'k'.repeat(40)}`], 'copy').error).toMatch(/bytes there/);
  });
});

describe('job state', () => {
  it('folds progress events for its own job only', () => {
    let job = startedJob('j1');
    job = applyJobEvent(job, { jobId: 'j1', kind: 'started', label: 'Deleting' });
    job = applyJobEvent(job, { jobId: 'j2', kind: 'progress', done: 99, unit: 'items' });
    job = applyJobEvent(job, { jobId: 'j1', kind: 'progress', done: 5, total: 10, unit: 'items' });
    expect(jobFraction(job)).toBe(0.5);
    job = applyJobEvent(job, {
      jobId: 'j1',
      kind: 'finished',
      outcome: { done: 9, failed: [{ key: 'k', code: 'AccessDenied', message: 'no' }], failedTotal: 1 },
    });
    expect(job.status).toBe('finished');
    expect(job.done).toBe(9);
    expect(hasFailures(job)).toBe(true);
    expect(applyJobEvent(job, { jobId: 'j1', kind: 'cancelled' })).toBe(job);
  });
  it('records failure and cancellation', () => {
    expect(applyJobEvent(startedJob('j'), { jobId: 'j', kind: 'failed', error: { code: 'Offline', message: 'gone' } }).status).toBe(
      'failed',
    );
    expect(applyJobEvent(startedJob('j'), { jobId: 'j', kind: 'cancelled' }).status).toBe('cancelled');
    expect(jobFraction(startedJob('j'))).toBeNull();
  });
});
