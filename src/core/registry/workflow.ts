/**
 * The approval workflow as data (DOMAIN §3: "model approval as configurable steps, not one
 * hard-coded authority"), and the pure decision of one step. R2: the provincial Đề án 06 working
 * group, through Công an tỉnh and its cyber-security team, assesses every request; the approval is
 * written (approving body, document number, date, signer); nobody approves their own request.
 */
import { isValidCivilDate } from '../calendar/index.js';
import {
  DECIDING_ROLES, MIN_CONNECTION_SECURITY_LEVEL, OPEN_STATUSES,
  type Actor, type Approval, type DecidingRole, type RegistrationKind, type RegistrationStatus, type Refused,
} from './types.js';

export interface WorkflowStep {
  /** A short identifier, e.g. `assessment`. */
  name: string;
  /** The role that performs the step. */
  role: DecidingRole;
  label: { vi: string; en: string };
}

/**
 * Default: the cyber-security team of Công an tỉnh assesses (R2), then an administrator records the
 * grant of the competent body (the ministry's department, or the Giám đốc Công an tỉnh: which body
 * grants is recorded in the approval, not fixed here). The last step is always the grant.
 */
export const DEFAULT_WORKFLOW: readonly WorkflowStep[] = [
  { name: 'assessment', role: 'security', label: { vi: 'Thẩm định an ninh, an toàn thông tin (Công an tỉnh)', en: 'Security assessment (provincial police)' } },
  { name: 'grant', role: 'admin', label: { vi: 'Ghi nhận văn bản chấp thuận kết nối', en: 'Record the written approval' } },
];

export const MAX_WORKFLOW_STEPS = 5;
const STEP_NAME = /^[a-z][a-z0-9_]{1,31}$/;

/** Checks an administrator's workflow; the security team always assesses (R2: via Công an tỉnh). */
export function checkWorkflow(steps: readonly WorkflowStep[]): { ok: true } | Refused {
  const bad = (reason: string, vi: string, en: string): Refused => ({ ok: false, code: 'INVALID_REQUEST', reason, message: { vi, en } });
  if (steps.length === 0 || steps.length > MAX_WORKFLOW_STEPS) return bad('step count', `Quy trình phải có từ 1 đến ${MAX_WORKFLOW_STEPS} bước`, `A workflow has 1 to ${MAX_WORKFLOW_STEPS} steps`);
  const names = new Set<string>();
  for (const s of steps) {
    if (!STEP_NAME.test(s.name) || names.has(s.name)) return bad('step name', 'Tên bước không hợp lệ hoặc bị trùng', 'A step name is malformed or repeated');
    names.add(s.name);
    if (!(DECIDING_ROLES as readonly string[]).includes(s.role)) return bad('step role', 'Vai trò thực hiện bước phải là security hoặc admin', 'A step is performed by the security or admin role');
    if (!s.label.vi.trim() || !s.label.en.trim()) return bad('step label', 'Mỗi bước cần tên hiển thị tiếng Việt và tiếng Anh', 'Each step needs a Vietnamese and an English label');
  }
  if (!steps.some((s) => s.role === 'security')) {
    return bad('no security step', 'Quy trình phải có bước thẩm định của Công an tỉnh (vai trò security)', 'The workflow must include an assessment by the provincial police (security role)');
  }
  return { ok: true };
}

/** What the shell knows about a request when someone acts on it. */
export interface StepState {
  kind: RegistrationKind;
  status: RegistrationStatus;
  /** Index into `steps` of the step awaited. */
  currentStep: number;
  /** The workflow as it stood when the request was submitted. */
  steps: readonly WorkflowStep[];
  submittedBy: string;
  /** YYYY-MM-DD */
  submittedOn: string;
  /** Who performed the earlier steps of this request. */
  priorActors: readonly string[];
  app: { status: string; securityLevel: number | null };
  /** The kinds of the request's attachments (written_report, security_test_report, other). */
  attachmentKinds: readonly string[];
}

export interface StepAction {
  /** The step the actor believes is pending: a stale page cannot act on a later step. */
  step: string;
  outcome: 'pass' | 'reject';
  reason?: string;
  note?: string;
  approval?: Approval;
}

export type StepDecision =
  | { ok: true; result: 'passed' | 'approved' | 'rejected'; next: { status: RegistrationStatus; currentStep: number }; notify: DecidingRole | 'manager' }
  | Refused;

const MAX_TEXT = 500;

/** Decides one step: who may act, on which step, with what record; the shell applies it with a guarded write. */
export function decideStep(state: StepState, actor: Actor, action: StepAction, today: string): StepDecision {
  if (!OPEN_STATUSES.includes(state.status)) return { ok: false, code: 'INVALID_REQUEST', reason: `request is ${state.status}`, message: { vi: 'Đề nghị đã được quyết định', en: 'The request has already been decided' } };
  const step = state.steps[state.currentStep];
  if (!step) return { ok: false, code: 'INVALID_REQUEST', reason: 'no pending step' };
  if (action.step !== step.name) {
    return { ok: false, code: 'INVALID_REQUEST', reason: `step ${action.step} is not pending (${step.name} is)`, message: { vi: `Bước đang chờ xử lý là: ${step.label.vi}`, en: `The pending step is: ${step.label.en}` } };
  }
  if (actor.role !== step.role) return { ok: false, code: 'FORBIDDEN', reason: `step ${step.name} is for role ${step.role}` };
  // Separation of duties (R2): the submitter never performs a step, and one person performs one step only.
  if (actor.username === state.submittedBy) return { ok: false, code: 'FORBIDDEN', reason: 'nobody approves their own request' };
  if (state.priorActors.includes(actor.username)) return { ok: false, code: 'FORBIDDEN', reason: 'one person performs one step of a request' };

  if (action.outcome === 'reject') {
    const reason = action.reason?.trim() ?? '';
    if (!reason || reason.length > MAX_TEXT) return { ok: false, code: 'INVALID_REQUEST', reason: 'rejection without reason', message: { vi: 'Từ chối phải nêu lý do', en: 'A rejection must state its reason' } };
    return { ok: true, result: 'rejected', next: { status: 'rejected', currentStep: state.currentStep }, notify: 'manager' };
  }

  const last = state.currentStep === state.steps.length - 1;
  if (!last) {
    const nextRole = state.steps[state.currentStep + 1]!.role;
    return { ok: true, result: 'passed', next: { status: 'under_assessment', currentStep: state.currentStep + 1 }, notify: nextRole };
  }
  const approvalCheck = checkApproval(action.approval, state.submittedOn, today);
  if (!approvalCheck.ok) return approvalCheck;
  const appCheck = checkAppMayBeGranted(state.kind, state.app);
  if (!appCheck.ok) return appCheck;
  const testCheck = checkSecurityTested(state.kind, state.attachmentKinds);
  if (!testCheck.ok) return testCheck;
  return { ok: true, result: 'approved', next: { status: 'approved', currentStep: state.currentStep }, notify: 'manager' };
}

/** The written approval: all four facts, dated between the submission and today. */
function checkApproval(a: Approval | undefined, submittedOn: string, today: string): { ok: true } | Refused {
  const missing: Refused = {
    ok: false, code: 'INVALID_REQUEST', reason: 'approval record incomplete',
    message: { vi: 'Cần ghi đủ cơ quan chấp thuận, số văn bản, ngày văn bản và người ký', en: 'Record the approving body, document number, document date and signer' },
  };
  if (!a) return missing;
  for (const v of [a.approvingBody, a.documentNumber, a.signer]) if (!v.trim() || v.length > MAX_TEXT) return missing;
  if (!isValidCivilDate(a.documentDate) || a.documentDate < submittedOn || a.documentDate > today) {
    return {
      ok: false, code: 'INVALID_REQUEST', reason: 'approval document date outside submission..today',
      message: { vi: 'Ngày văn bản chấp thuận phải từ ngày gửi đề nghị đến hôm nay', en: 'The approval document must be dated between the submission and today' },
    };
  }
  return { ok: true };
}

/**
 * The grant needs a system that can still connect: a new connection whose app still waits, or a
 * change to an app that is approved or suspended; and, in either case, security level 3 or higher
 * (Thông tư 46/2022/TT-BCA Art. 6).
 */
function checkAppMayBeGranted(kind: RegistrationKind, app: StepState['app']): { ok: true } | Refused {
  const allowed = kind === 'new_connection' ? ['pending'] : ['approved', 'suspended'];
  if (!allowed.includes(app.status)) {
    return { ok: false, code: 'INVALID_REQUEST', reason: `app is ${app.status}`, message: { vi: 'Hệ thống đã bị thu hồi hoặc không còn chờ phê duyệt', en: 'The system was revoked or no longer awaits approval' } };
  }
  if (app.securityLevel === null || app.securityLevel < MIN_CONNECTION_SECURITY_LEVEL) return securityLevelTooLow(app.securityLevel);
  return { ok: true };
}

/**
 * Thông tư 46/2022/TT-BCA Art. 6 [V]: a system is tested with the police's tools before it connects
 * and after any change of its design. A new connection or a new version is granted only with the
 * security test report on file (an attachment of kind security_test_report).
 */
export const TESTED_KINDS: readonly RegistrationKind[] = ['new_connection', 'new_version'];

function checkSecurityTested(kind: RegistrationKind, attachmentKinds: readonly string[]): { ok: true } | Refused {
  if (!TESTED_KINDS.includes(kind) || attachmentKinds.includes('security_test_report')) return { ok: true };
  return {
    ok: false, code: 'INVALID_REQUEST', reason: 'no security test report attached',
    message: {
      vi: 'Cần đính kèm kết quả kiểm tra an ninh của hệ thống trước khi chấp thuận (Điều 6 Thông tư 46/2022/TT-BCA)',
      en: 'Attach the system\'s security test report before granting (Circular 46/2022/TT-BCA Art. 6)',
    },
  };
}

export function securityLevelTooLow(level: number | null): Refused {
  return {
    ok: false, code: 'INVALID_REQUEST', reason: `security level ${level ?? 'unrecorded'} below ${MIN_CONNECTION_SECURITY_LEVEL}`,
    message: {
      vi: `Hệ thống kết nối phải đạt cấp độ an toàn thông tin ${MIN_CONNECTION_SECURITY_LEVEL} trở lên (Điều 6 Thông tư 46/2022/TT-BCA); cấp độ hiện ghi nhận: ${level ?? 'chưa có'}`,
      en: `A connecting system must be security level ${MIN_CONNECTION_SECURITY_LEVEL} or higher (Circular 46/2022/TT-BCA Art. 6); recorded level: ${level ?? 'none'}`,
    },
  };
}
