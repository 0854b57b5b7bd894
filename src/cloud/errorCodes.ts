// Which kind of problem an API error code is (ga-api.md §5). Match on the code, never on message text.
// The category type lives here, not in errors.ts, so that errors.ts imports this module and not the reverse.

export type CloudErrorCategory =
  | 'auth'
  | 'permission'
  | 'throttled'
  | 'busy'
  | 'notFound'
  | 'conflict'
  | 'quota'
  | 'invalid'
  | 'network'
  | 'server'
  | 'timeout'
  | 'cancelled';

const EXACT: Record<string, CloudErrorCategory> = {
  SignatureDoesNotMatch: 'auth',
  IncompleteSignature: 'auth',
  'InvalidAccessKeyId.NotFound': 'auth',
  'InvalidAccessKeyId.Inactive': 'auth',
  InvalidAccessKeyId: 'auth',
  'InvalidSecurityToken.Expired': 'auth',
  'InvalidSecurityToken.Malformed': 'auth',
  'InvalidSecurityToken.MismatchWithAccessKey': 'auth',
  'InvalidTimeStamp.Expired': 'auth',
  InvalidCredentials: 'auth',
  'Forbidden.AuthType': 'auth',
  'Forbidden.AccessKeyDisabled': 'auth',
  'Forbidden.RAM': 'permission',
  Forbidden: 'permission',
  'Forbidden.RecordLocked': 'conflict',
  'Forbidden.DomainLocked': 'conflict',
  'Forbidden.DomainExpired': 'conflict',
  ServiceUnavailable: 'server',
  InternalError: 'server',
  UnknownError: 'server',
  SignatureNonceUsed: 'server',
  GA_NOT_STEADY: 'busy',
  LastOperationNotFinished: 'busy',
  'RecordForbidden.DNSChange': 'busy',
  DomainRecordDuplicate: 'conflict',
  DomainRecordConflict: 'conflict',
  IdempotentParameterMismatch: 'conflict',
  DomainAddedByOthers: 'conflict',
  IncorrectDomainUser: 'permission',
  DomainRecordNotBelongToUser: 'notFound',
  'InvalidRR.NoExist': 'notFound',
  'InvalidDomainName.NoExist': 'notFound',
  DryRunOperation: 'invalid',
  MissingSecurityToken: 'auth',
  // The local emulator does not serve an action the API has: asking again will not help (HTTP 501).
  'Emulator.NotImplemented': 'invalid',
  // A precondition, not a missing target: the instance has no basic bandwidth plan bound (yet).
  'NotExist.BasicBandwidthPackage': 'conflict',
};

const PREFIXES: readonly [string, CloudErrorCategory][] = [
  ['StateError.', 'busy'],
  ['NotActive.', 'busy'],
  ['NotExist.', 'notFound'],
  ['Exist.', 'conflict'],
  ['BindExist.', 'conflict'],
  ['PortConflict.', 'conflict'],
  ['Repeat.', 'conflict'],
  ['BandwidthPackageCannotUnbind.', 'conflict'],
  ['QuotaExceeded', 'quota'],
  ['NoPermission.', 'permission'],
];

/** The category of an API error code; HTTP status decides only when the code says nothing. */
export function categoryOfCode(code: string, httpStatus?: number): CloudErrorCategory {
  if (EXACT[code]) return EXACT[code];
  if (code.includes('Throttling')) return 'throttled';
  for (const [prefix, category] of PREFIXES) if (code.startsWith(prefix)) return category;
  if (httpStatus !== undefined && httpStatus >= 500) return 'server';
  if (httpStatus === 404 || /NotFound$/.test(code)) return 'notFound';
  if (httpStatus === 403) return 'permission';
  return 'invalid';
}

/** Codes that mean the service had a hiccup, whatever the action: worth retrying. */
export function isTransientCategory(category: CloudErrorCategory): boolean {
  return category === 'throttled' || category === 'server' || category === 'timeout';
}
