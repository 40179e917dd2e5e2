/** The side navigation. Add an entry here when a feature gets its page. */
export interface NavItem {
  path: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/my-day', label: 'My day' },
  { path: '/organisations', label: 'Organisations' },
  { path: '/contacts', label: 'Contacts' },
  { path: '/pipeline', label: 'Pipeline' },
];
