/** The side navigation. Add an entry here when a feature gets its page. */
export interface NavItem {
  path: string;
  label: string;
  /** Shown to managers and admins only. */
  managersOnly?: boolean;
  /** Shown to admins only. */
  adminsOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: 'Dashboard', managersOnly: true },
  { path: '/my-day', label: 'My day' },
  { path: '/organisations', label: 'Organisations' },
  { path: '/contacts', label: 'Contacts' },
  { path: '/pipeline', label: 'Pipeline' },
  { path: '/reports', label: 'Reports' },
  { path: '/maturity', label: 'Maturity' },
  { path: '/duplicates', label: 'Duplicates' },
  { path: '/import', label: 'Import', managersOnly: true },
  { path: '/data-quality', label: 'Data quality' },
  { path: '/settings/departments', label: 'Departments', adminsOnly: true },
  { path: '/settings/users', label: 'Users', adminsOnly: true },
  { path: '/settings/stages', label: 'Settings', adminsOnly: true },
  { path: '/settings/integrations', label: 'Integrations', adminsOnly: true },
  { path: '/settings/export', label: 'Export all data', adminsOnly: true },
  { path: '/privacy', label: 'Privacy', adminsOnly: true },
];
