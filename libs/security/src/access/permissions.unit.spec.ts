import { ROLES, type Principal, type Role } from '../auth/principal';
import { type Permission, PERMISSIONS, ROLE_PERMISSIONS, ROLE_SCOPES } from './permissions';
import { hasPermission } from './policy';

/** The allowed set per role, written out independently of ROLE_PERMISSIONS. */
const ALLOWED: Record<Role, readonly Permission[]> = {
  coordinator: [
    'case.register',
    'case.command',
    'case.read',
    'case.read-full',
    'responsibility.answer',
    'inbox.read',
    'inbox.acknowledge',
    'subject.register',
    'subject.read',
    'reference.read',
    'stats.read',
  ],
  liaison: ['case.read', 'responsibility.answer', 'inbox.read', 'inbox.acknowledge', 'reference.read'],
  auditor: ['case.read', 'case.read-full', 'inbox.read', 'reference.read', 'stats.read', 'audit.read'],
  admin: ['reference.read', 'reference.admin'],
};

const principal = (role: Role): Principal => ({
  sub: 'u-1',
  name: 'Test',
  role,
  org: 'GM0344',
  tables: ['t'],
});

describe('role permissions', () => {
  const cells = ROLES.flatMap((role) =>
    PERMISSIONS.map((permission) => [role, permission, ALLOWED[role].includes(permission)] as const),
  );

  it('covers every role × permission', () => {
    expect(cells).toHaveLength(4 * 13);
  });

  it.each(cells)('%s may %s: %p', (role, permission, allowed) => {
    expect(hasPermission(principal(role), permission)).toBe(allowed);
  });

  it('lists each permission at most once per role, and only known ones', () => {
    for (const role of ROLES) {
      expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
      expect(ROLE_PERMISSIONS[role].every((permission) => PERMISSIONS.includes(permission))).toBe(true);
    }
  });

  it('gives write permissions to no auditor and nothing but reference data to an admin', () => {
    const writes: Permission[] = [
      'case.register',
      'case.command',
      'responsibility.answer',
      'inbox.acknowledge',
      'subject.register',
      'reference.admin',
    ];
    expect(ROLE_PERMISSIONS.auditor.filter((permission) => writes.includes(permission))).toEqual([]);
    expect(ROLE_PERMISSIONS.admin.every((permission) => permission.startsWith('reference.'))).toBe(true);
  });

  it('denies everything to a role that is not in the table', () => {
    for (const role of ['superuser', 'toString', '__proto__', 'constructor']) {
      const stranger = { ...principal('admin'), role } as unknown as Principal;
      expect(PERMISSIONS.filter((permission) => hasPermission(stranger, permission))).toEqual([]);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ROLE_PERMISSIONS)).toBe(true);
    expect(ROLES.every((role) => Object.isFrozen(ROLE_PERMISSIONS[role]))).toBe(true);
    expect(ROLES.every((role) => Object.isFrozen(ROLE_SCOPES[role]))).toBe(true);
  });

  it('gives a scope only where the role has the permission it limits', () => {
    for (const role of ROLES) {
      const scope = ROLE_SCOPES[role];
      expect(scope.cases !== 'none').toBe(ROLE_PERMISSIONS[role].includes('case.read'));
      expect(scope.answers !== 'none').toBe(ROLE_PERMISSIONS[role].includes('responsibility.answer'));
      expect(scope.inbox !== 'none').toBe(ROLE_PERMISSIONS[role].includes('inbox.read'));
    }
  });
});
