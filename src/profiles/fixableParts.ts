// What "Fix Profile…" asks for, from the error code a profile's credentials got: only what is wrong. A rejected
// signature means the secret is wrong (the AccessKey ID was found); an unknown or disabled AccessKey means a
// different key, its ID and its secret. Endpoints and protocol are never asked again: they were not the problem.

export type CredentialPart = 'accessKeyId' | 'secret';

const SECRET_ONLY = new Set(['SignatureDoesNotMatch', 'IncompleteSignature', 'CredentialsUnavailable']);

export function partsToFix(code: string | undefined): CredentialPart[] {
  return code !== undefined && SECRET_ONLY.has(code) ? ['secret'] : ['accessKeyId', 'secret'];
}
