/** The side navigation. Add an entry here when a feature gets its page. */
export interface NavItem {
  path: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [{ path: '/organisations', label: 'Organisations' }];
