import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'casusregie:permission';

/**
 * The permission a route needs (see libs/security's ROLE_PERMISSIONS). Routes without one are denied. The
 * permission is also published in the OpenAPI document as `x-required-permission`.
 */
export const RequirePermission = (permission: string) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiExtension('x-required-permission', permission),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json).' }),
    ApiForbiddenResponse({
      description: `The caller's role lacks the permission ${permission} (problem+json).`,
    }),
  );
