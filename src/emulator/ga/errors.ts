// The GA error answers the handlers throw, with messages that say what to do next. Codes follow ga-api.md §5.2;
// where the service documents no code for a rule, the generic gateway codes (InvalidParameter, MissingParameter)
// are used so that clients classify them as the caller's mistake.
import { ApiError } from '../api';

/** Resource names as they appear in GA's NotExist.* codes (note EndPointGroup's capital P). */
export type GaResource = 'Accelerator' | 'BandwidthPackage' | 'IpSet' | 'Listener' | 'EndPointGroup';

const LABEL: Record<GaResource, string> = {
  Accelerator: 'Accelerator',
  BandwidthPackage: 'Bandwidth plan',
  IpSet: 'Acceleration area (ip set)',
  Listener: 'Listener',
  EndPointGroup: 'Endpoint group',
};

export function notExist(resource: GaResource, id: string): ApiError {
  return new ApiError(`NotExist.${resource}`, `${LABEL[resource]} ${id} does not exist (it may have been deleted); check the id.`);
}

export function invalidParameter(message: string): ApiError {
  return new ApiError('InvalidParameter', message);
}

export function missingParameter(name: string, why: string): ApiError {
  return new ApiError('MissingParameter', `${name} is required ${why}.`);
}

/** A check from src/model failed: answer it with the given code (InvalidParameter unless the API has a specific one). */
export function failIf(message: string | undefined, code = 'InvalidParameter'): void {
  if (message) throw new ApiError(code, message);
}

/** CreateAccelerator and GetHealthStatus answer a passing dry run with this error (ga-api.md §6.1). */
export function dryRunPassed(action: string): ApiError {
  return new ApiError('DryRunOperation', `Request validation has been passed with DryRun flag set; ${action} was not run.`);
}
