import type { ConformCloud, ErrorClass, Step } from './scenario.js';

/** What one step gave on one cloud, in canonical terms. */
export interface Outcome {
  /** The step's calls all succeeded. */
  ok: boolean;
  /** The value a read returned. */
  value?: string;
  /** The alias of the version a read returned, a put wrote or a describe reports current (undefined for a version no step named). */
  versionAlias?: string;
  /** The secret names a list returned. */
  names?: string[];
  /** The tags a describe reported (undefined where the cloud's describe carries none). */
  tags?: Record<string, string>;
  /** The canonical class of the vendor's error code; `other` for a code in none of them. */
  errorClass?: ErrorClass | 'other';
  /** The vendor's own error code. */
  vendorCode?: string;
  /** How the driver mapped the step onto the cloud, where that took more than one call or a cloud-specific choice. */
  notes?: string[];
}

/** The steps a driver performs: the runner does the clock and seeds, which act on a whole server. */
export type DriverStep = Exclude<Step, { op: 'advanceClock' | 'seed' }>;

/** Performs canonical steps through one cloud's official SDK. */
export interface Driver {
  readonly cloud: ConformCloud;
  /** Runs one step. */
  perform(step: DriverStep): Promise<Outcome>;
  /** Removes a secret the run made, whatever state it is in, at once and for good; never throws. */
  remove(name: string): Promise<void>;
}

/**
 * Each cloud's codes by canonical class, as docs/semantics.md's last table lists them, plus the
 * request-validation codes every SDK call can meet (AWS ValidationException, Tencent's
 * InvalidParameter and MissingParameter). Tencent codes are `Category.Detail`; a detailed code not
 * listed falls in its category's class, so ResourceUnavailable.ResourceDisabled and
 * ResourceUnavailable.ResourcePendingDeleted (a read of a disabled secret, or of one in its
 * deletion window) are invalid-state, InvalidParameterValue.TagKeysDuplicated invalid-parameter.
 */
const CLASSES: Record<ConformCloud, Record<string, ErrorClass>> = {
  aws: {
    ResourceNotFoundException: 'not-found',
    ResourceExistsException: 'exists',
    InvalidRequestException: 'invalid-state',
    InvalidParameterException: 'invalid-parameter',
    ValidationException: 'invalid-parameter',
    LimitExceededException: 'limit-exceeded',
  },
  alibaba: {
    'Forbidden.ResourceNotFound': 'not-found',
    'Rejected.ResourceExist': 'exists',
    'Rejected.ResourceInDeleteWindow': 'invalid-state',
    'Rejected.ResourceInUse': 'invalid-state',
    InvalidParameter: 'invalid-parameter',
    'Rejected.LimitExceeded': 'limit-exceeded',
  },
  tencent: {
    ResourceNotFound: 'not-found',
    'ResourceInUse.SecretExists': 'exists',
    'ResourceInUse.VersionIdExists': 'exists',
    FailedOperation: 'invalid-state',
    ResourceUnavailable: 'invalid-state',
    InvalidParameterValue: 'invalid-parameter',
    InvalidParameter: 'invalid-parameter',
    MissingParameter: 'invalid-parameter',
    LimitExceeded: 'limit-exceeded',
    // SSM's answer to an action its product has for other kinds of secret only (RotateProductSecret on a generic one).
    UnsupportedOperation: 'unsupported',
  },
};

/**
 * The canonical class of a vendor code met by a step. Tencent answers a secret in its deletion
 * window with the same code as a taken name (docs/semantics.md: `secret-scheduled-for-deletion`
 * is ResourceInUse.SecretExists there), so outside `create` that code means the state, not a clash.
 */
export function classify(cloud: ConformCloud, code: string, op: Step['op']): ErrorClass | 'other' {
  if (cloud === 'tencent' && code === 'ResourceInUse.SecretExists' && op !== 'create') return 'invalid-state';
  const classes = CLASSES[cloud];
  const category = cloud === 'tencent' ? code.split('.')[0] : code;
  return classes[code] ?? classes[category] ?? 'other';
}

/** An outcome for a refused call. */
export function refused(cloud: ConformCloud, code: string, op: Step['op'], notes?: string[]): Outcome {
  return { ok: false, errorClass: classify(cloud, code, op), vendorCode: code, ...(notes && notes.length > 0 ? { notes } : {}) };
}
