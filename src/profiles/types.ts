// A profile: what the cloud layer needs (CloudProfile, defined there so cloud imports nothing from here), plus
// where it came from.
import type { AccessKeyCredentials, CloudProfile, ProfileEndpoints } from '../cloud/cloudProfile';

export type { AccessKeyCredentials, ProfileEndpoints } from '../cloud/cloudProfile';

export type ProfileSource = 'aliyun-cli' | 'env' | 'credentials-file' | 'vscode' | 'sandbox';

export interface Profile extends CloudProfile {
  /** Unique across sources: "aliyun:<name>", "credentials:<name>", "env", "vscode:<name>", "sandbox". */
  id: string;
  source: ProfileSource;
  endpoints: ProfileEndpoints;
  /** The source's own default: the aliyun CLI's `current` profile, or the credentials-file section the SDKs pick. */
  current?: boolean;
  credentials(): Promise<AccessKeyCredentials>;
}

/** A file that could not be read as a profile source: where, and what to do about it. */
export interface ProfileProblem {
  file: string;
  line?: number;
  message: string;
}

/** What one source (or all of them together) yields; loading never throws, bad input becomes a problem. */
export interface ProfileList {
  profiles: Profile[];
  problems: ProfileProblem[];
}
