import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { debouncedSearch } from './debounced-search';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('debouncedSearch', () => {
  it('emits once typing pauses for the debounce time', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold('a 9ms b 9ms c', { a: 'a', b: 'ac', c: 'acm' });
      // the last keystroke is at 20 ms; nothing before it waited 250 ms
      expectObservable(typed.pipe(debouncedSearch(250))).toBe('270ms c', { c: 'acm' });
    });
  });

  it('trims and drops a repeat of the previous term', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold('a 299ms b', { a: 'acme', b: ' acme ' });
      expectObservable(typed.pipe(debouncedSearch(250))).toBe('250ms a', { a: 'acme' });
    });
  });

  it('applies clearing at once', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold('a 299ms b', { a: 'acme', b: '' });
      expectObservable(typed.pipe(debouncedSearch(250))).toBe('250ms a 49ms b', { a: 'acme', b: '' });
    });
  });
});

describe('debouncedSearch when the box is cleared mid-typing', () => {
  it('drops the term that was still waiting', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold('a 99ms b', { a: 'acm', b: '' });
      expectObservable(typed.pipe(debouncedSearch(250))).toBe('100ms b', { b: '' });
    });
  });
});
