import type { Caller } from './caller';
import { POLICY, type Permission } from './policy';
import { requireAccess } from './requireAccess';

const PERMISSIONS = Object.keys(POLICY) as Permission[];

/** The rows of the permission table this caller holds (in some community): what the app may offer. */
export const permissionsOf = (caller: Caller): Permission[] => PERMISSIONS.filter((p) => requireAccess(caller, p).ok);
