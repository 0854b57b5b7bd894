// What a connection needs from a profile: who it is, where to send requests and how to get the secret at call
// time. Defined here so the cloud layer depends on no other folder; src/profiles builds richer Profiles on it.

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

export interface CloudProfile {
  /** Unique across sources, e.g. "aliyun:default", "env", "sandbox". */
  id: string;
  /** What the user called it. */
  name: string;
  /** Where it was read from, for messages ("~/.aliyun/config.json"). */
  origin: string;
  /** The AccessKey id is not secret and helps users tell profiles apart. */
  accessKeyId?: string;
  endpoints: ProfileEndpoints;
  /** Resolves the secret parts only when a call is about to be made; never logged. */
  credentials(): Promise<AccessKeyCredentials>;
}
