// What the cloud layer needs from a profile, wherever the profile came from.

export type ProfileSource = 'aliyun-cli' | 'env' | 'credentials-file' | 'vscode' | 'sandbox';

export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token, for temporary credentials. */
  securityToken?: string;
}

export interface ProfileEndpoints {
  /** Host[:port] of the GA API; default ga.cn-hangzhou.aliyuncs.com. */
  ga?: string;
  /** Host[:port] of the Alidns API; default alidns.aliyuncs.com. */
  dns?: string;
  /** http only for the local sandbox/emulator. */
  protocol?: 'https' | 'http';
}

export interface Profile {
  /** Unique across sources: "aliyun:<name>", "credentials:<name>", "env", "vscode:<name>", "sandbox". */
  id: string;
  /** What the user called it. */
  name: string;
  source: ProfileSource;
  /** Where it was read from, for messages ("~/.aliyun/config.json"). */
  origin: string;
  /** The AccessKey id is not secret and helps users tell profiles apart. */
  accessKeyId?: string;
  endpoints: ProfileEndpoints;
  /** The source's own default: the aliyun CLI's `current` profile, or the credentials-file section the SDKs pick. */
  current?: boolean;
  /** Resolves the secret parts only when a call is about to be made; never logged. */
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
