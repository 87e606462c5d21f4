/** Whether the bucket accepts object ACLs; `disabled` = AccessControlListNotSupported seen (or Object Ownership says so). */
export type AclSupport = 'supported' | 'disabled' | 'unknown';
