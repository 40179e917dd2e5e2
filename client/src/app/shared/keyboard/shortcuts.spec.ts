import { describe, expect, it } from 'vitest';
import { isSubmitChord, isTypingTarget, shortcutFor } from './shortcuts';

const element = (html: string, selector: string): HTMLElement => {
  document.body.innerHTML = html;
  return document.querySelector(selector) as HTMLElement;
};

describe('shortcutFor', () => {
  it('maps "l" to logging an engagement and "/" to search', () => {
    expect(shortcutFor({ key: 'l', target: document.body })).toBe('log-engagement');
    expect(shortcutFor({ key: '/', target: document.body })).toBe('search');
  });

  it('ignores other keys, including capital L', () => {
    expect(shortcutFor({ key: 'L', target: document.body })).toBeNull();
    expect(shortcutFor({ key: 'k', target: document.body })).toBeNull();
  });

  it('ignores the keys with a modifier, so browser shortcuts keep working', () => {
    expect(shortcutFor({ key: 'l', ctrlKey: true, target: document.body })).toBeNull();
    expect(shortcutFor({ key: 'l', metaKey: true, target: document.body })).toBeNull();
    expect(shortcutFor({ key: 'l', altKey: true, target: document.body })).toBeNull();
  });

  it('ignores keys typed into inputs, text areas, selects and editable content', () => {
    expect(shortcutFor({ key: 'l', target: element('<input />', 'input') })).toBeNull();
    expect(shortcutFor({ key: '/', target: element('<textarea></textarea>', 'textarea') })).toBeNull();
    expect(shortcutFor({ key: 'l', target: element('<select><option>a</option></select>', 'select') })).toBeNull();
    expect(shortcutFor({ key: 'l', target: element('<div contenteditable="true"><p>x</p></div>', 'p') })).toBeNull();
  });

  it('still fires on buttons and links', () => {
    expect(shortcutFor({ key: 'l', target: element('<button>Edit</button>', 'button') })).toBe('log-engagement');
    expect(shortcutFor({ key: '/', target: element('<a href="/x">x</a>', 'a') })).toBe('search');
  });

  it('ignores events something else already handled, and IME composition', () => {
    expect(shortcutFor({ key: 'l', defaultPrevented: true, target: document.body })).toBeNull();
    expect(shortcutFor({ key: 'l', isComposing: true, target: document.body })).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is false for no target and for contenteditable="false"', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(element('<div contenteditable="false"><span>x</span></div>', 'span'))).toBe(false);
  });
});

describe('isSubmitChord', () => {
  it('is Ctrl+Enter or Cmd+Enter only', () => {
    expect(isSubmitChord({ key: 'Enter', ctrlKey: true })).toBe(true);
    expect(isSubmitChord({ key: 'Enter', metaKey: true })).toBe(true);
    expect(isSubmitChord({ key: 'Enter' })).toBe(false);
    expect(isSubmitChord({ key: 'l', ctrlKey: true })).toBe(false);
  });
});
