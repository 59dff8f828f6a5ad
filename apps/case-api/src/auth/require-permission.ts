import { SetMetadata } from '@nestjs/common';

export const REQUIRED_PERMISSION = 'casusregie:permission';

/** The permission a route needs (see libs/security's ROLE_PERMISSIONS). Routes without one are denied. */
export const RequirePermission = (permission: string) => SetMetadata(REQUIRED_PERMISSION, permission);
