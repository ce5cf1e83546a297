import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createScope, currentScope, runInScope } from '../scope/run-in-scope.js';
import { bindRequestEvents } from './bind-request-events.js';

const fakeRequest = () => new EventEmitter() as unknown as IncomingMessage;

describe('bindRequestEvents', () => {
  it('delivers the request’s events in its scope when they are emitted from outside it', () => {
    const req = fakeRequest();
    const scope = createScope({ kind: 'request', name: 'POST /orders' });
    bindRequestEvents(req, scope);
    const seen: unknown[] = [];
    req.on('data', () => seen.push(currentScope()));
    req.once('end', () => seen.push(currentScope()));
    req.emit('data', Buffer.from('{}'));
    req.emit('end');
    expect(seen).toEqual([scope, scope]);
    expect(currentScope()).toBeUndefined();
  });

  it('keeps a scope nested in the request’s, and listeners removable as registered', () => {
    const req = fakeRequest();
    const scope = createScope({ kind: 'request', name: 'POST /orders' });
    bindRequestEvents(req, scope);
    const inner = runInScope(scope, () => createScope({ kind: 'function', name: 'parse' }));
    const seen: unknown[] = [];
    const onData = () => seen.push(currentScope());
    req.on('data', onData);
    runInScope(inner, () => req.emit('data'));
    req.removeListener('data', onData);
    expect(req.emit('data')).toBe(false);
    expect(seen).toEqual([inner]);
    expect(Object.keys(req)).not.toContain('emit');
  });
});
