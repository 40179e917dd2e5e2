/** The app-wide single-key shortcuts: "l" logs an engagement, "/" jumps to search. */
export type Shortcut = 'log-engagement' | 'search';

export const SHORTCUT_KEYS: Readonly<Record<Shortcut, string>> = { 'log-engagement': 'l', search: '/' };

/** What a keydown needs to carry for the decision; a real KeyboardEvent fits. */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  isComposing?: boolean;
  target?: EventTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True while the person is typing somewhere: a single letter there is text, not a command. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (TYPING_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.isContentEditable) return true;
  // jsdom has no isContentEditable; browsers do, but the attribute check costs nothing.
  const editable = element.closest?.('[contenteditable]')?.getAttribute('contenteditable');
  return editable !== null && editable !== undefined && editable !== 'false';
}

/** The shortcut a keydown asks for, or null: modifiers, typing and handled events are left alone. */
export function shortcutFor(event: ShortcutKeyEvent): Shortcut | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  if (event.key === SHORTCUT_KEYS['log-engagement']) return 'log-engagement';
  if (event.key === SHORTCUT_KEYS.search) return 'search';
  return null;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) submits a form from any field. */
export function isSubmitChord(event: Pick<ShortcutKeyEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.key === 'Enter' && !!(event.ctrlKey || event.metaKey);
}
