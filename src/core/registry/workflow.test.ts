import { describe, expect, it } from 'vitest';
import { checkWorkflow, decideStep, DEFAULT_WORKFLOW, type StepState } from './workflow.js';
import type { Actor } from './types.js';

const manager: Actor = { username: 'lanhdao', role: 'manager', unitId: 1 };
const security: Actor = { username: 'anninh1', role: 'security', unitId: 9 };
const security2: Actor = { username: 'anninh2', role: 'security', unitId: 9 };
const admin: Actor = { username: 'quantri1', role: 'admin', unitId: 9 };
const approval = { approvingBody: 'C06, Bộ Công an', documentNumber: '123/C06', documentDate: '2026-02-24', signer: 'Phó Cục trưởng' };

const submitted = (over: Partial<StepState> = {}): StepState => ({
  kind: 'new_connection', status: 'submitted', currentStep: 0, steps: DEFAULT_WORKFLOW, submittedBy: manager.username, submittedOn: '2026-02-13',
  priorActors: [], app: { status: 'pending', securityLevel: 3 }, attachmentKinds: ['written_report', 'security_test_report'], ...over,
});
const assessed = (over: Partial<StepState> = {}) => submitted({ status: 'under_assessment', currentStep: 1, priorActors: [security.username], ...over });

describe('the default workflow (R2: assessment by Công an tỉnh, then the written grant)', () => {
  it('lets the security team pass the assessment, which then awaits an administrator', () => {
    const d = decideStep(submitted(), security, { step: 'assessment', outcome: 'pass' }, '2026-02-20');
    expect(d).toEqual({ ok: true, result: 'passed', next: { status: 'under_assessment', currentStep: 1 }, notify: 'admin' });
  });

  it('approves on the grant with the approving body, document number, date and signer, and tells the unit', () => {
    const d = decideStep(assessed(), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24');
    expect(d).toEqual({ ok: true, result: 'approved', next: { status: 'approved', currentStep: 1 }, notify: 'manager' });
  });

  it('refuses a grant without the full written approval, or dated outside submission..today', () => {
    expect(decideStep(assessed(), admin, { step: 'grant', outcome: 'pass' }, '2026-02-24')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(decideStep(assessed(), admin, { step: 'grant', outcome: 'pass', approval: { ...approval, signer: ' ' } }, '2026-02-24')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(decideStep(assessed(), admin, { step: 'grant', outcome: 'pass', approval: { ...approval, documentDate: '2026-02-25' } }, '2026-02-24')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(decideStep(assessed(), admin, { step: 'grant', outcome: 'pass', approval: { ...approval, documentDate: '2026-02-12' } }, '2026-02-24')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('rejects at any step, only with a reason', () => {
    expect(decideStep(submitted(), security, { step: 'assessment', outcome: 'reject' }, '2026-02-20')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(decideStep(submitted(), security, { step: 'assessment', outcome: 'reject', reason: 'Chưa có kết quả kiểm tra an ninh' }, '2026-02-20'))
      .toEqual({ ok: true, result: 'rejected', next: { status: 'rejected', currentStep: 0 }, notify: 'manager' });
  });
});

describe('separation of duties', () => {
  it('never lets the submitter perform a step, whatever role they hold now', () => {
    const promoted: Actor = { ...manager, role: 'security' };
    expect(decideStep(submitted(), promoted, { step: 'assessment', outcome: 'pass' }, '2026-02-20')).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'nobody approves their own request' });
  });

  it('lets one person perform one step of a request only', () => {
    const twoSecuritySteps = [DEFAULT_WORKFLOW[0]!, { name: 'review', role: 'security' as const, label: { vi: 'Rà soát', en: 'Review' } }];
    const state = submitted({ steps: twoSecuritySteps, status: 'under_assessment', currentStep: 1, priorActors: [security.username] });
    expect(decideStep(state, security, { step: 'review', outcome: 'pass' }, '2026-02-20')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideStep(state, security2, { step: 'review', outcome: 'pass', approval: { ...approval, documentDate: '2026-02-20' } }, '2026-02-20')).toMatchObject({ ok: true, result: 'approved' });
  });

  it('lets only the step\'s role act, and only on the pending step', () => {
    expect(decideStep(submitted(), admin, { step: 'assessment', outcome: 'pass' }, '2026-02-20')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideStep(submitted(), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('refuses to act on a decided request', () => {
    expect(decideStep(submitted({ status: 'approved' }), security, { step: 'assessment', outcome: 'reject', reason: 'x' }, '2026-02-20')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });
});

describe('what the grant requires of the system', () => {
  it('refuses to grant a system below security level 3 or without a recorded level (Thông tư 46/2022/TT-BCA Art. 6)', () => {
    for (const securityLevel of [2, null]) {
      const d = decideStep(assessed({ app: { status: 'pending', securityLevel } }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24');
      expect(d).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
      expect(!d.ok && d.message?.vi).toContain('cấp độ');
    }
  });

  it('refuses to grant a new connection or a new version without the security test report on file (Art. 6: tested before connecting and after a design change)', () => {
    for (const kind of ['new_connection', 'new_version'] as const) {
      const app = { status: kind === 'new_connection' ? 'pending' : 'approved', securityLevel: 3 };
      const d = decideStep(assessed({ kind, app, attachmentKinds: ['written_report', 'other'] }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24');
      expect(d).toMatchObject({ ok: false, code: 'INVALID_REQUEST', reason: 'no security test report attached' });
      if (!d.ok) expect(d.message?.vi).toContain('kết quả kiểm tra an ninh');
    }
    // A new device or function changes no code: the written report suffices.
    for (const kind of ['new_device', 'new_function'] as const) {
      expect(decideStep(assessed({ kind, app: { status: 'approved', securityLevel: 3 }, attachmentKinds: [] }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24')).toMatchObject({ ok: true });
    }
    // A rejection needs no report.
    expect(decideStep(assessed({ attachmentKinds: [] }), admin, { step: 'grant', outcome: 'reject', reason: 'Chưa kiểm tra an ninh' }, '2026-02-24')).toMatchObject({ ok: true, result: 'rejected' });
  });

  it('refuses to grant a connection revoked meanwhile, or a change to a system that is not connected', () => {
    expect(decideStep(assessed({ app: { status: 'revoked', securityLevel: 3 } }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24')).toMatchObject({ ok: false });
    expect(decideStep(assessed({ kind: 'new_version', app: { status: 'pending', securityLevel: 3 } }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24')).toMatchObject({ ok: false });
    expect(decideStep(assessed({ kind: 'new_version', app: { status: 'suspended', securityLevel: 4 } }), admin, { step: 'grant', outcome: 'pass', approval }, '2026-02-24')).toMatchObject({ ok: true });
  });
});

describe('checkWorkflow', () => {
  it('accepts the default workflow', () => {
    expect(checkWorkflow(DEFAULT_WORKFLOW)).toEqual({ ok: true });
  });

  it('refuses a workflow without the security team, with repeated or malformed names, or with no steps', () => {
    const label = { vi: 'Cấp phép', en: 'Grant' };
    expect(checkWorkflow([{ name: 'grant', role: 'admin', label }])).toMatchObject({ ok: false, reason: 'no security step' });
    expect(checkWorkflow([DEFAULT_WORKFLOW[0]!, { ...DEFAULT_WORKFLOW[0]! }])).toMatchObject({ ok: false, reason: 'step name' });
    expect(checkWorkflow([{ ...DEFAULT_WORKFLOW[0]!, name: 'Thẩm định' }])).toMatchObject({ ok: false });
    expect(checkWorkflow([])).toMatchObject({ ok: false });
    expect(checkWorkflow([{ ...DEFAULT_WORKFLOW[0]!, role: 'manager' as never }])).toMatchObject({ ok: false, reason: 'step role' });
  });
});
