/**
 * Which role may open which page: the one table the menu, the router and the tests read. It mirrors
 * the gateway's access rules (src/gateway/access.ts and each route's `config.access`); the gateway
 * stays the authority, the portal only avoids offering what would be refused.
 * Separation of duties: security and auditor never look citizens up; admin never sees citizen data.
 */
import type { MessageKey } from './i18n/vi';

export const ROLES = ['admin', 'security', 'manager', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type PageKey =
  | 'dashboard' | 'lookup' | 'verification' | 'ledger' | 'quotas'
  | 'units' | 'users' | 'procedures' | 'apps' | 'upstream'
  | 'rules' | 'password' | 'mfa'
  | 'alerts' | 'registrations' | 'dataSubject' | 'incidents' | 'devices';

export interface PageDef {
  key: PageKey;
  path: string;
  title: MessageKey;
  roles: readonly Role[];
  /** Where the page sits in the side menu; 'account' pages are in the user menu instead. */
  group: 'main' | 'catalogue' | 'account';
}

const ALL: readonly Role[] = ROLES;

export const PAGES: readonly PageDef[] = [
  { key: 'dashboard', path: '/', title: 'menu.dashboard', roles: ALL, group: 'main' },
  { key: 'lookup', path: '/tra-cuu', title: 'menu.lookup', roles: ['operator', 'manager'], group: 'main' },
  { key: 'verification', path: '/xac-thuc', title: 'menu.verification', roles: ['operator', 'manager'], group: 'main' },
  { key: 'ledger', path: '/nhat-ky', title: 'menu.ledger', roles: ['security', 'auditor', 'admin', 'manager'], group: 'main' },
  { key: 'alerts', path: '/canh-bao', title: 'menu.alerts', roles: ['security', 'auditor', 'admin', 'manager'], group: 'main' },
  { key: 'registrations', path: '/dang-ky-ket-noi', title: 'menu.registrations', roles: ['admin', 'security', 'auditor', 'manager'], group: 'main' },
  { key: 'dataSubject', path: '/bao-cao-chu-the-du-lieu', title: 'menu.dataSubject', roles: ['security', 'auditor'], group: 'main' },
  { key: 'incidents', path: '/su-co-du-lieu-ca-nhan', title: 'menu.incidents', roles: ['security', 'auditor', 'admin'], group: 'main' },
  { key: 'devices', path: '/thiet-bi', title: 'menu.devices', roles: ['admin', 'security', 'auditor', 'manager'], group: 'main' },
  { key: 'quotas', path: '/han-muc', title: 'menu.quotas', roles: ['admin'], group: 'main' },
  { key: 'units', path: '/danh-muc/don-vi', title: 'menu.units', roles: ['admin'], group: 'catalogue' },
  { key: 'users', path: '/danh-muc/tai-khoan', title: 'menu.users', roles: ['admin', 'manager', 'security', 'auditor'], group: 'catalogue' },
  { key: 'procedures', path: '/danh-muc/thu-tuc', title: 'menu.procedures', roles: ['admin', 'security', 'auditor'], group: 'catalogue' },
  { key: 'apps', path: '/danh-muc/he-thong', title: 'menu.apps', roles: ['admin', 'security', 'auditor'], group: 'catalogue' },
  { key: 'upstream', path: '/ket-noi', title: 'menu.upstream', roles: ['security', 'admin', 'auditor'], group: 'main' },
  { key: 'rules', path: '/quy-dinh', title: 'menu.rules', roles: ALL, group: 'account' },
  { key: 'password', path: '/doi-mat-khau', title: 'menu.password', roles: ALL, group: 'account' },
  { key: 'mfa', path: '/xac-thuc-hai-lop', title: 'menu.mfa', roles: ALL, group: 'account' },
];

/** Pages anyone may open without a session. */
export const PUBLIC_PATHS = { login: '/dang-nhap', activate: '/kich-hoat' } as const;

export function pageByPath(path: string): PageDef | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === clean);
}

export function pagePath(key: PageKey): string {
  return PAGES.find((p) => p.key === key)!.path;
}

export function mayOpen(role: Role, page: PageDef): boolean {
  return page.roles.includes(role);
}

/** Fine-grained actions inside pages, also in one place. */
export const ACTIONS = {
  verifyLedger: ['security', 'auditor', 'admin'],
  clearUpstreamLock: ['security', 'admin'],
  editCatalogue: ['admin'],
  manageAccounts: ['admin'],
  disableAccount: ['admin', 'manager'],
  decideAccountRequest: ['admin'],
  requestAccount: ['manager'],
  reviewAccess: ['manager'],
  readAlerts: ['security', 'auditor', 'admin', 'manager'],
  handleAlerts: ['security', 'admin'],
  submitRegistration: ['manager'],
  decideRegistration: ['security', 'admin'],
  handleIncidents: ['security'],
  editComplianceSettings: ['admin'],
  readComplianceSettings: ['admin', 'security', 'auditor'],
  enrolDevices: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export function may(role: Role, action: keyof typeof ACTIONS): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}
